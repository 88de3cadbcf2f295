namespace Baoku.Check;

/// <summary>One finding: the problem (file, line, severity, message "中文 (English)") and its stable code.</summary>
public sealed record CheckFinding(Problem Problem, CheckCode Code)
{
    public string File => Problem.File;
    public int? Line => Problem.Line;
    public ProblemSeverity Severity => Problem.Severity;
    public string Message => Problem.Message;

    /// <summary><c>file:line: error: 中文 (English) [BK105]</c>: the build's problem line with the code appended.</summary>
    public override string ToString() => $"{Problem} [{Code.Code}]";
}

/// <summary>Everything <c>baoku check</c> found, in report order, and how many article files it read.</summary>
public sealed record CheckReport(IReadOnlyList<CheckFinding> Findings, int Files)
{
    public int Errors => Findings.Count(f => f.Severity == ProblemSeverity.Error);
    public int Warnings => Findings.Count(f => f.Severity == ProblemSeverity.Warning);
    public bool HasErrors => Errors > 0;
}
