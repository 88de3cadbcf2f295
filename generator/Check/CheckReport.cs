namespace Baoku.Check;

/// <summary>Everything <c>baoku check</c> found, in report order, and how many article files it read.</summary>
public sealed record CheckReport(IReadOnlyList<Problem> Findings, int Files)
{
    public int Errors => Findings.Count(f => f.IsError);
    public int Warnings => Findings.Count(f => !f.IsError);
    public bool HasErrors => Errors > 0;

    /// <summary><c>file:line: error: 中文 (English) [BK105]</c>: the build's problem line with the code appended.</summary>
    public static string Line(Problem finding) => $"{finding} [{finding.Code.Id}]";
}
