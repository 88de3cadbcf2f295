using Baoku.Check;
using Baoku.Tests.Content;

namespace Baoku.Tests.Check;

/// <summary>What check must not complain about: the repository's own content, and correct links, images and text.</summary>
public class CheckGoodInputTests
{
    [Fact]
    public void TheRepositoryContentHasNoErrors()
    {
        var root = ContentTestSite.RepoRoot;
        var report = ContentChecker.Run(new CheckOptions(Path.Combine(root, "content"), Path.Combine(root, "site.yml"), Path.Combine(root, "templates"), false));
        report.Errors.ShouldBe(0, string.Join("\n", report.Findings));
        report.Files.ShouldBe(Directory.GetFiles(Path.Combine(root, "content"), "*.md", SearchOption.AllDirectories).Length);
    }

    const string Fm = "---\ntitle: 好文章\ndate: 2023-01-12\ncampaigns: [四大双千]\nslug: fine\n---\n\n";

    public static TheoryData<string, string> GoodBodies() => new()
    {
        { "link to another article by site path", "详见[报道](/2023/01/other/)。" },
        { "relative link to another article", "详见[报道](../other/)和[同一篇](../../../2023/01/other/index.html#p2)。" },
        { "link to a campaign, the archive, a day and search", "见[专题](/campaigns/sida-shuangqian/)、[往期](/archive/)、[当天](/2023/01/12/)和[搜索](/search/?q=二十大)。" },
        { "link to an alias of another article", "详见[旧网址](/2022/11/old-name/)。" },
        { "external links, mail and anchors", "见[新华网](https://www.news.cn/)、<https://example.org/>、[来信](mailto:a@example.org)和[下文](#二)。" },
        { "image among the templates' assets", "![站标](/assets/favicon.svg)" },
        { "spaces in intertitles", "## 砥砺奋进 交出实打实的成绩单\n\n正文。" },
        { "space between digits and Chinese", "2023 年 1 月，GDP 增长 5%，新 iPhone 上市。" },
        { "Chinese in code", "```\n党 的 二十大\n⋯\n```\n\n正文写得很完整。" },
        { "Markdown rules and ellipsis inside text", "第一段……后来呢？\n\n---\n\n***\n\n第二段。" },
        { "body exactly as long as the title", "正文三" },
    };

    [Theory]
    [MemberData(nameof(GoodBodies))]
    public void CorrectTextGivesNoFinding(string name, string body)
    {
        using var s = new CheckSandbox();
        s.Write("content/2023/01/other.md", Fm.Replace("slug: fine", "slug: other\naliases: [2022/11/old-name/]") + "另一篇文章的正文，足够长。\n");
        s.Write("content/2023/01/fine.md", Fm + body + "\n");
        var report = s.Check();
        report.Findings.ShouldBeEmpty($"{name}:\n{string.Join("\n", report.Findings)}");
    }

    [Fact]
    public void DraftsAreCheckedOnlyWithDrafts()
    {
        using var s = new CheckSandbox();
        s.Write("content/2023/01/draft.md", Fm.Replace("slug: fine", "slug: draft\ndraft: true") + "详见[报道](/2023/01/nothing/)。党 的 二十大。\n");
        s.Check().Findings.ShouldBeEmpty();
        s.Check(drafts: true).Findings.Select(f => f.Code.Id).ShouldBe(["BK201", "BK301"], ignoreOrder: true);
    }
}
