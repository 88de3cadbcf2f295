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
