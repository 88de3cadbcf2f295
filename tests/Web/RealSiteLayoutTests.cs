using Baoku.Tests.Support.Web;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Baoku.Tests.Web;

/// <summary>
/// How the real site's pages adapt: a 375 px phone screen without horizontal scrolling (screenshot kept in
/// tests/Web/screenshots/narrow/), printing without the navigation, and the 大字号 (large text) switch.
/// </summary>
[Collection(RealSiteCollection.Name)]
public sealed class RealSiteLayoutTests(BrowserFixture browser, RealSiteFixture site, ITestOutputHelper output)
{
    private Baoku.Content.Article Article =>
        site.Articles.Where(a => a.Meta.Campaigns.Contains(site.Config.Campaigns[0].Name) && a.Meta.Kicker is not null)
            .OrderByDescending(a => a.Meta.Date).First();

    private string ArticlePath => $"{Article.Meta.Date:yyyy}/{Article.Meta.Date:MM}/{Article.Slug}/";

    private const string HorizontalOverflow =
        "() => { const s = document.scrollingElement; return s.scrollWidth > s.clientWidth ? `${s.scrollWidth} > ${s.clientWidth}` : ''; }";

    [Fact]
    public async Task On_a_375px_phone_screen_pages_need_no_horizontal_scrolling()
    {
        await using var page = await browser.OpenPageAsync(width: 375, height: 812);
        var date = Article.Meta.Date;
        foreach (var (kind, path) in new[]
                 {
                     ("article", ArticlePath), ("home", ""), ("campaign", $"campaigns/{site.Config.Campaigns[0].Slug}/"),
                     ("archive", "archive/"), ("day", $"{date:yyyy}/{date:MM}/{date:dd}/"), ("tags index", "tags/"),
                 })
        {
            await page.GotoAsync(site.Server.Url(path));
            if (kind == "article")
            {
                var shot = await Screenshots.TakeAsync(page.Page, "narrow/article-375.png");
                output.WriteLine($"{Path.GetRelativePath(RepoPaths.Root, shot)} ({new FileInfo(shot).Length / 1024} KB)");
            }
            (await page.Page.EvaluateAsync<string>(HorizontalOverflow)).ShouldBeEmpty($"the {kind} page ({path}) scrolls sideways at 375 px (scrollWidth > clientWidth)");
        }
        page.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task On_a_375px_phone_screen_search_results_with_filters_need_no_horizontal_scrolling()
    {
        await using var page = await browser.OpenPageAsync(width: 375, height: 812);
        await page.GotoAsync(site.Server.Url("search/index.html?q=" + Uri.EscapeDataString("清廉")));
        await page.Page.WaitForSelectorAsync("#search-results[data-state=done]", new() { Timeout = 15_000 });
        (await page.Page.Locator("li.search-hit").CountAsync()).ShouldBeGreaterThan(0, "清廉 finds articles");
        var shot = await Screenshots.TakeAsync(page.Page, "narrow/search-375.png");
        output.WriteLine($"{Path.GetRelativePath(RepoPaths.Root, shot)} ({new FileInfo(shot).Length / 1024} KB)");
        (await page.Page.EvaluateAsync<string>(HorizontalOverflow)).ShouldBeEmpty("the search results scroll sideways at 375 px (scrollWidth > clientWidth)");
        var overflowing = await page.Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.search-filter, .search-filter-option, .search-row, .search-hit')]
              .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
              .map(e => `${e.className} “${e.textContent.trim().slice(0, 20)}” ends at ${Math.round(e.getBoundingClientRect().right)} px`)
            """);
        overflowing.ShouldBeEmpty("search form, filters and hits fit in 375 px");
        page.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Printing_an_article_hides_the_navigation_and_keeps_the_text()
    {
        await using var page = await browser.OpenPageAsync(width: 1024, height: 800);
        await page.GotoAsync(site.Server.Url(ArticlePath));
        (await page.Page.IsVisibleAsync(".site-nav")).ShouldBeTrue("on screen the navigation shows");
        await page.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        foreach (var hidden in new[] { ".site-nav", ".breadcrumbs", ".large-text-label", ".prev-next" })
            (await page.Page.IsVisibleAsync(hidden)).ShouldBeFalse($"in print, {hidden} is hidden");
        (await page.Page.IsVisibleAsync("article h1")).ShouldBeTrue("in print, the title shows");
        (await page.Page.IsVisibleAsync(".article-body p")).ShouldBeTrue("in print, the body shows");
    }

    [Fact]
    public async Task Clicking_the_large_text_label_enlarges_the_article_body_with_and_without_JavaScript()
    {
        foreach (var javaScript in new[] { true, false })
        {
            await using var page = await browser.OpenPageAsync(javaScript: javaScript, width: 1024, height: 800);
            await page.GotoAsync(site.Server.Url(ArticlePath));
            var before = await BodyFontSize(page);
            await page.Page.ClickAsync("label.large-text-label:has-text('大字号')");
            var after = await BodyFontSize(page);
            output.WriteLine($"JavaScript {(javaScript ? "on" : "off")}: body text {before}px → {after}px");
            after.ShouldBeGreaterThan(before, $"大字号 enlarges the body text (JavaScript {(javaScript ? "on" : "off")})");
            page.ShouldHaveNoErrors();
        }
    }

    private static async Task<double> BodyFontSize(BrowserPage page) =>
        double.Parse((await page.Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.article-body p')).fontSize")).Replace("px", ""),
            System.Globalization.CultureInfo.InvariantCulture);
}
