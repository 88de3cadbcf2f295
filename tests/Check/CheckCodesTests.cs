using System.Text.Json;
using Baoku.Check;
using Baoku.Tests.Content;

namespace Baoku.Tests.Check;

/// <summary>The table of codes: stable shape, no duplicates, every code explained to editors in the README, and a
/// problem's code chosen where it is raised, never read from its wording.</summary>
public class CheckCodesTests
{
    [Fact]
    public void CodesAreUniqueAndWellFormed()
    {
        var codes = ProblemCodes.All.Select(c => c.Id).ToList();
        codes.ShouldBeUnique();
        codes.ShouldAllBe(c => System.Text.RegularExpressions.Regex.IsMatch(c, @"^BK\d{3}$"));
        ProblemCodes.All.ShouldAllBe(c => c.Zh.Length > 0 && c.En.Length > 0);
    }

    [Fact]
    public void EveryCodeDeclaredInTheTableIsListedInAll()
    {
        var declared = typeof(ProblemCodes).GetFields().Where(f => f.FieldType == typeof(ProblemCode)).Select(f => (ProblemCode)f.GetValue(null)!);
        declared.Except(ProblemCodes.All).Select(c => c.Id).ShouldBeEmpty();
    }

    [Fact]
    public void TheReadmeExplainsEveryCode()
    {
        var readme = File.ReadAllText(Path.Combine(ContentTestSite.RepoRoot, "README.md"));
        var section = readme[readme.IndexOf("### check 的提示", StringComparison.Ordinal)..];
        ProblemCodes.All.Where(c => !section.Contains(c.Id, StringComparison.Ordinal)).Select(c => c.Id).ShouldBeEmpty();
    }

    /// <summary>
    /// The loader's own problem, then the same problem reworded: check reports both under the code the loader chose,
    /// in text and in JSON. (Codes used to be recognised from the wording: rewording a message changed its code.)
    /// </summary>
    [Fact]
    public void RewordingALoadersMessageKeepsItsCode()
    {
        using var s = new CheckSandbox();
        s.Write("content/2023/01/bad-date.md", "---\ntitle: 标题\ndate: 2023-13-45\n---\n\n正文。\n");
        var found = s.Check().Findings.Single(f => f.File.EndsWith("bad-date.md", StringComparison.Ordinal));
        found.Code.ShouldBe(ProblemCodes.Date);

        var reworded = found with { Message = "完全换一种说法 (entirely different words)" };
        var report = new CheckReport([reworded], 1);
        CheckReport.Line(reworded).ShouldEndWith("[BK106]");
        using var json = JsonDocument.Parse(CheckReportWriter.Json(report));
        json.RootElement.GetProperty("findings")[0].GetProperty("code").GetString().ShouldBe("BK106");
    }
}
