using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Baoku.Tests.Support;

namespace Baoku.Tests.Render;

/// <summary>
/// A site whose articles name no printed page (版面), such as a web-only archive: no page may offer 版面 (the menu
/// entry of site.yml, the home page's 最新版面) when there is none to show, and every link of the site still works.
/// </summary>
public sealed partial class EmptySectionTests : IDisposable
{
    private readonly BuildSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Without_source_pages_no_page_offers_the_empty_版面_section()
    {
        foreach (var file in Directory.GetFiles(sandbox.Content, "*.md", SearchOption.AllDirectories))
            File.WriteAllText(file, SourceRx().Replace(File.ReadAllText(file), ""));
        File.ReadAllText(Path.Combine(sandbox.SiteYml)).ShouldContain("path: pages/", Case.Sensitive, "site.yml's menu has 版面");

        var result = sandbox.Build();
        result.Problems.Where(p => p.IsError).ShouldBeEmpty();
        result.Published.ShouldBeTrue("the site builds, its link check included");

        var parser = new HtmlParser();
        var pages = Directory.GetFiles(sandbox.Output, "*.html", SearchOption.AllDirectories);
        var offering = new List<string>();
        foreach (var path in pages)
        {
            var doc = parser.ParseDocument(File.ReadAllText(path));
            var relative = Path.GetRelativePath(sandbox.Output, path).Replace('\\', '/');
            if (doc.QuerySelectorAll(".site-nav a").Any(a => a.TextContent.Trim() == "版面"))
                offering.Add($"{relative}: the menu has 版面");
            if (!relative.StartsWith("pages/", StringComparison.Ordinal) && doc.QuerySelectorAll("a[href]").Any(a => PagesLinkRx().IsMatch(a.GetAttribute("href")!)))
                offering.Add($"{relative}: links to pages/");
            if (doc.Body!.TextContent.Contains("共 0 个版面", StringComparison.Ordinal) || doc.Body.TextContent.Contains("最新版面", StringComparison.Ordinal))
                offering.Add($"{relative}: shows an empty 版面 section");
        }
        offering.ShouldBeEmpty(string.Join("\n", offering));

        var home = parser.ParseDocument(File.ReadAllText(Path.Combine(sandbox.Output, "index.html")));
        home.QuerySelectorAll(".site-nav a").Select(a => a.TextContent.Trim()).ShouldBe(["首页", "专题", "往期", "人物", "单位", "标签", "栏目", "搜索"],
            "the other entries of site.yml's menu stay, in their order");
        home.QuerySelector("#pages-title").ShouldBeNull("the home page has no 最新版面");
    }

    [GeneratedRegex(@"^source:\n(?:[ \t]+.*\n)+", RegexOptions.Multiline)]
    private static partial Regex SourceRx();

    [GeneratedRegex(@"(^|/)pages/")]
    private static partial Regex PagesLinkRx();
}
