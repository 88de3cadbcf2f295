using System.Text.RegularExpressions;
using Baoku.Tests.Support.Web;
using Xunit.Abstractions;

namespace Baoku.Tests.Web;

/// <summary>
/// The real built site through the checkers: the Nu HTML Checker over every page, axe-core on one page of each kind,
/// and w3m (a text browser: what a reader without CSS and JavaScript, or a screen reader, gets in reading order).
/// </summary>
[Collection(RealSiteCollection.Name)]
public sealed partial class RealSiteCheckerTests(BrowserFixture browser, RealSiteFixture site, ITestOutputHelper output)
{
    /// <summary>The article the checks read: the first article of the first campaign, as a newcomer finds it.</summary>
    private Baoku.Content.Article Article =>
        site.Articles.Where(a => a.Meta.Campaigns.Contains(site.Config.Campaigns[0].Name) && a.Meta.Kicker is not null)
            .OrderByDescending(a => a.Meta.Date).First();

    private string ArticlePath => $"{Article.Meta.Date:yyyy}/{Article.Meta.Date:MM}/{Article.Slug}/";

    [Fact]
    public async Task Every_built_page_passes_the_Nu_HTML_checker_with_no_errors()
    {
        var report = await HtmlChecker.CheckFolderAsync(site.HttpSite);
        var pages = Directory.GetFiles(site.HttpSite, "*.html", SearchOption.AllDirectories).Length;
        output.WriteLine($"Nu HTML Checker: {pages} pages, {report.Errors.Count} errors, {report.Warnings.Count} warnings");
        foreach (var warning in report.Warnings) output.WriteLine(warning.ToString());
        pages.ShouldBeGreaterThan(site.Articles.Count, "the whole site was checked");
        report.Errors.ShouldBeEmpty("the Nu HTML Checker found errors in the built site:\n" + report.DescribeErrors());
    }

    [Fact]
    public async Task Axe_finds_no_serious_or_critical_violation_on_any_kind_of_page()
    {
        var date = Article.Meta.Date;
        var pages = new (string Kind, string Path)[]
        {
            ("home", ""),
            ("article", ArticlePath),
            ("campaign", $"campaigns/{site.Config.Campaigns[0].Slug}/"),
            ("tag", site.FirstTermPath("tags/")),
            ("tags index", "tags/"),
            ("person", site.FirstTermPath("people/")),
            ("archive", "archive/"),
            ("year", $"{date:yyyy}/"),
            ("month", $"{date:yyyy}/{date:MM}/"),
            ("day", $"{date:yyyy}/{date:MM}/{date:dd}/"),
            ("版面 index", "pages/"),
            ("版面", site.FirstTermPath("pages/")),
            ("404", "no/such/page/"),
            ("search results", "search/index.html?q=" + Uri.EscapeDataString("清廉")),
            ("search, no results", "search/index.html?q=" + Uri.EscapeDataString("火星殖民地")),
        };

        await using var page = await browser.OpenPageAsync(width: 1024, height: 800);
        var serious = new List<string>();
        foreach (var (kind, path) in pages)
        {
            var response = await page.GotoAsync(site.Server.Url(path));
            response!.Status.ShouldBe(kind == "404" ? 404 : 200, $"the {kind} page at {path}");
            if (kind.StartsWith("search"))
                await page.Page.WaitForSelectorAsync("#search-results[data-state=done]", new() { Timeout = 15_000 }); // results, filters, 显示更多
            var result = await AxeChecker.RunAsync(page.Page);
            foreach (var v in result.Violations) output.WriteLine($"{kind} ({path}): {Short(v)}");
            serious.AddRange(result.SeriousOrCritical.Select(v => $"{kind} ({path}): {Short(v)}"));
        }
        serious.ShouldBeEmpty("axe-core found serious or critical violations:\n" + string.Join("\n", serious));
    }

    [Fact]
    public async Task W3m_shows_an_article_with_the_navigation_kicker_title_and_body_text()
    {
        var dump = await TextBrowser.DumpAsync(site.Server.Url(ArticlePath));
        output.WriteLine(dump);
        var flat = Flat(dump);
        var meta = Article.Meta;

        foreach (var item in new[] { "首页", "专题", "往期" })
            dump.ShouldContain(item, Case.Sensitive, $"w3m shows the menu item {item}");
        var sentence = FirstSentence(Article.Markdown);
        flat.ShouldContain(Flat(meta.Kicker!), Case.Sensitive, "w3m shows the kicker (引题)");
        flat.ShouldContain(Flat(meta.Title), Case.Sensitive, "w3m shows the title");
        flat.ShouldContain(Flat(sentence), Case.Sensitive, "w3m shows the body's first sentence");
        flat.IndexOf("往期", StringComparison.Ordinal).ShouldBeLessThan(flat.IndexOf(Flat(meta.Title), StringComparison.Ordinal),
            "the navigation comes before the article in reading order");
        var headline = Flat(meta.Kicker!) + Flat(meta.Title);
        flat.ShouldContain(headline, Case.Sensitive, "the kicker is read right before the title, as printed");
        flat.IndexOf(headline, StringComparison.Ordinal).ShouldBeLessThan(flat.IndexOf(Flat(sentence), StringComparison.Ordinal),
            "the headline is read before the body");
    }

    [Fact]
    public async Task W3m_shows_the_home_page_with_every_campaign()
    {
        var dump = await TextBrowser.DumpAsync(Path.Combine(site.FileSite, "index.html"));
        output.WriteLine(dump);
        dump.ShouldContain(site.Config.Title);
        foreach (var campaign in site.Config.Campaigns.Where(c => site.Articles.Any(a => a.Meta.Campaigns.Contains(c.Name))))
            dump.ShouldContain(campaign.Name, Case.Sensitive, $"w3m shows the campaign {campaign.Name} on the home page");
    }

    /// <summary>A violation with its first few elements (a calendar can have dozens).</summary>
    private static string Short(AxeViolation v) =>
        $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Targets.Take(3))}{(v.Targets.Count > 3 ? $" and {v.Targets.Count - 3} more" : "")}";

    /// <summary>The text without any whitespace: w3m breaks lines anywhere in Chinese text.</summary>
    private static string Flat(string text) => WhitespaceRx().Replace(text, "");

    /// <summary>The body's first sentence (up to and including the first 。！？), from the first paragraph of Markdown.</summary>
    private static string FirstSentence(string markdown)
    {
        var paragraph = markdown.Split('\n', StringSplitOptions.TrimEntries).First(l => l.Length > 0 && !l.StartsWith('#'));
        var end = paragraph.IndexOfAny(['。', '！', '？']);
        return end < 0 ? paragraph : paragraph[..(end + 1)];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRx();
}
