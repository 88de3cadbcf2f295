using Baoku.Check;
using Baoku.Tests.Content;

namespace Baoku.Tests.Check;

/// <summary>The table of codes: stable shape, no duplicates, every code explained to editors in the README.</summary>
public class CheckCodesTests
{
    [Fact]
    public void CodesAreUniqueAndWellFormed()
    {
        var codes = CheckCodes.All.Select(c => c.Code).ToList();
        codes.ShouldBeUnique();
        codes.ShouldAllBe(c => System.Text.RegularExpressions.Regex.IsMatch(c, @"^BK\d{3}$"));
        CheckCodes.All.ShouldAllBe(c => c.Zh.Length > 0 && c.En.Length > 0);
    }

    [Fact]
    public void TheReadmeExplainsEveryCode()
    {
        var readme = File.ReadAllText(Path.Combine(ContentTestSite.RepoRoot, "README.md"));
        var section = readme[readme.IndexOf("### check 的提示", StringComparison.Ordinal)..];
        CheckCodes.All.Where(c => !section.Contains(c.Code, StringComparison.Ordinal)).Select(c => c.Code).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("专题“甲”没有在 site.yml 里定义（已定义：乙） (campaign '甲' is not defined in site.yml (defined: 乙))", ProblemSeverity.Error, "BK110")]
    [InlineData("title（标题）应该是一段文字 (title must be text)", ProblemSeverity.Error, "BK107")]
    [InlineData("front-matter 应该是“键: 值”的映射，例如 title: 标题 (the front-matter must be a mapping)", ProblemSeverity.Error, "BK104")]
    [InlineData("一条没有见过的新错误 (a new kind of error)", ProblemSeverity.Error, "BK190")]
    [InlineData("一条没有见过的新警告 (a new kind of warning)", ProblemSeverity.Warning, "BK191")]
    public void LoaderProblemsAreClassifiedByTheirWording(string message, ProblemSeverity severity, string code) =>
        CheckCodes.Classify(new Problem("content/x.md", 1, severity, message), CheckStage.Content).Code.ShouldBe(code);
}
