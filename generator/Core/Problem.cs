namespace Baoku.Core;

public enum ProblemSeverity { Warning, Error }

/// <summary>
/// A problem with an input, worded for an editor ("中文 (English)"). <see cref="Line"/> is 1-based when known.
/// <see cref="Code"/> is chosen where the problem is raised and decides its severity: <c>check</c>'s table, CI
/// annotations and the README refer to problems by code, never by their wording.
/// </summary>
public sealed record Problem(ProblemCode Code, string File, int? Line, string Message)
{
    /// <summary>1-based column within <see cref="Line"/>, when the source knows it (templates do).</summary>
    public int? Column { get; init; }

    /// <summary>
    /// The message with control characters shown as \u0000 and so on: it echoes values from the input (a slug with a
    /// NUL, a title with a form feed), and a raw control character would garble the terminal or a CI log.
    /// </summary>
    public string Message { get; init; } = Visible(Message);

    /// <summary>The file as given, its control characters shown escaped too (a file name can hold them).</summary>
    public string File { get; init; } = Visible(File);

    /// <summary>The text with each control character (and lone surrogate) written as \uXXXX; tab stays.</summary>
    public static string Visible(string text)
    {
        int i = 0;
        while (i < text.Length && !NeedsEscape(text, i)) i++;
        if (i == text.Length) return text;
        var sb = new System.Text.StringBuilder(text.Length + 8).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            if (NeedsEscape(text, i)) sb.Append($"\\u{(int)text[i]:x4}");
            else sb.Append(text[i]);
        }
        return sb.ToString();
    }

    static bool NeedsEscape(string s, int i)
    {
        char c = s[i];
        if (char.IsControl(c)) return c != '\t';
        if (char.IsHighSurrogate(c)) return i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]);
        if (char.IsLowSurrogate(c)) return i == 0 || !char.IsHighSurrogate(s[i - 1]);
        return false;
    }

    public ProblemSeverity Severity => Code.Severity;

    public bool IsError => Code.Severity == ProblemSeverity.Error;

    /// <summary>A problem worded in both languages: "中文 (English)".</summary>
    public static Problem Of(ProblemCode code, string file, int? line, string zh, string en) => new(code, file, line, $"{zh} ({en})");

    /// <summary><c>file:line[:col]</c>: where an editor's tools jump to.</summary>
    public string Location => $"{File}{(Line is { } l ? ":" + l + (Column is { } c ? ":" + c : "") : "")}";

    /// <summary><c>file:line:col: error: message</c>, as the build prints it.</summary>
    public override string ToString() => $"{Location}: {(IsError ? "error" : "warning")}: {Message}";
}

public static class Problems
{
    public static bool AnyErrors(this IEnumerable<Problem> problems) => problems.Any(p => p.IsError);
}
