namespace Baoku;

/// <summary>A problem with an input, worded for an editor. <see cref="Line"/> is 1-based when known.</summary>
public sealed record Problem(string File, int? Line, ProblemSeverity Severity, string Message)
{
    public override string ToString() =>
        $"{File}{(Line is { } l ? ":" + l : "")}: {(Severity == ProblemSeverity.Error ? "error" : "warning")}: {Message}";
}

public enum ProblemSeverity { Warning, Error }
