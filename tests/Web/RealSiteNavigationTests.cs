using System.Net;
using System.Text.RegularExpressions;
using Baoku.Tests.Support.Web;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Baoku.Tests.Web;

/// <summary>
/// A newcomer's walk through the real site in Chromium, clicking links only: home → a campaign (专题) → an article in
/// it → the article's month (breadcrumb) → a day (calendar) → back to the article → its 原载 版面 → 下一版 → 上一版.
/// Over HTTP under a sub-path and from disk, with and without JavaScript. Each landing page's h1 and URL are checked,
/// and no console error or failed request is allowed. With JavaScript on, every step is screenshot into
/// tests/Web/screenshots/{http,file}/ for review.
/// </summary>
[Collection(RealSiteCollection.Name)]
public sealed class RealSiteNavigationTests(BrowserFixture browser, RealSiteFixture site, ITestOutputHelper output)
{
    /// <summary>The campaign the walk starts with: the first one in site.yml.</summary>
    private (string Name, string Slug) Campaign => (site.Config.Campaigns[0].Name, site.Config.Campaigns[0].Slug);

    [Fact]
    public async Task Newcomer_walk_over_http_under_the_sub_path_reaches_campaign_article_date_archive_and_source_pages()
    {
        await using var page = await browser.OpenPageAsync(width: 1024, height: 800);
        site.Server.ClearLog();
        await WalkAsync(page, site.Server.Url(), site.HttpBaseUrl, "http");
        var bad = site.Server.Requests.Where(r => r.Status != 200).ToList();
        bad.ShouldBeEmpty("the server answered with an error: " + string.Join(", ", bad));
        site.Server.Requests.ShouldContain(r => r.Path == RealSiteFixture.SubPath + "assets/style.css");
    }

    [Fact]
    public async Task Newcomer_walk_from_disk_over_file_urls_reaches_campaign_article_date_archive_and_source_pages()
    {
        await using var page = await browser.OpenPageAsync(width: 1024, height: 800);
        await WalkAsync(page, new Uri(Path.Combine(site.FileSite, "index.html")), new Uri(site.FileSite + "/").AbsoluteUri, "file");
    }

    [Fact]
    public async Task Newcomer_walk_with_JavaScript_off_works_by_links_alone_over_http_and_from_disk()
    {
        await using (var page = await browser.OpenPageAsync(javaScript: false, width: 1024, height: 800))
            await WalkAsync(page, site.Server.Url(), site.HttpBaseUrl, shots: null);
        await using (var page = await browser.OpenPageAsync(javaScript: false, width: 1024, height: 800))
            await WalkAsync(page, new Uri(Path.Combine(site.FileSite, "index.html")), new Uri(site.FileSite + "/").AbsoluteUri, shots: null);
    }

    [Fact]
    public async Task Missing_url_under_the_sub_path_gets_the_styled_404_page_whose_links_work()
    {
        using var http = new HttpClient();
        await using var page = await browser.OpenPageAsync(width: 1024, height: 800);
        string[] missingUrls = ["no/such/page/", "2022/11/no-such-article/index.html"];
        foreach (var missing in missingUrls)
        {
            var response = await page.GotoAsync(site.Server.Url(missing));
            response!.Status.ShouldBe(404, $"{missing} is missing: the server answers 404");
            (await H1(page)).ShouldBe("找不到这个页面", $"the 404 page at {missing}");
            (await page.Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.site-title')).color"))
                .ShouldBe("rgb(164, 22, 26)", $"the 404 page at {missing} is styled (its stylesheet link works at any depth)");

            var hrefs = await page.Page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.href)");
            hrefs.ShouldNotBeEmpty();
            foreach (var href in hrefs.Where(h => !h.Contains('#')))
            {
                href.ShouldStartWith(site.HttpBaseUrl, Case.Sensitive, $"a link on the 404 page at {missing} leaves the site's sub-path");
                (await http.GetAsync(href)).StatusCode.ShouldBe(HttpStatusCode.OK, $"the 404 page at {missing} links to {href}");
            }
            var failed = page.FailedRequests.Where(f => !missingUrls.Any(m => f == site.Server.Url(m).AbsoluteUri + ": 404")).ToList();
            failed.ShouldBeEmpty($"the 404 page at {missing} loads everything it needs");
        }

        await Follow(page, page.Page.Locator("main a", new() { HasTextString = "回到首页" }), "404 → 回到首页");
        page.Page.Url.ShouldBe(site.Server.Url().AbsoluteUri);
        (await H1(page)).ShouldBe(site.Config.Title);
        page.ConsoleErrors.Where(e => !e.Contains("404")).ShouldBeEmpty();
    }

    // ---- the walk -----------------------------------------------------------------------------------------------

    private async Task WalkAsync(BrowserPage page, Uri home, string siteRoot, string? shots)
    {
        var n = 0;
        async Task Landed(string step, string expectedH1, string shotName)
        {
            (await H1(page)).ShouldBe(expectedH1, $"step “{step}”: the page's h1 at {page.Page.Url}");
            page.Page.Url.ShouldStartWith(siteRoot, Case.Sensitive, $"step “{step}” left the site");
            var problems = page.ConsoleErrors.Select(e => "console: " + e).Concat(page.FailedRequests.Select(f => "request: " + f)).ToList();
            problems.ShouldBeEmpty($"step “{step}” ({page.Page.Url}) reported:\n" + string.Join("\n", problems));
            n++;
            if (shots is not null)
            {
                var path = await Screenshots.TakeAsync(page.Page, $"{shots}/{n:D2}-{shotName}.png");
                output.WriteLine($"{step}: {page.Page.Url} → {Path.GetRelativePath(RepoPaths.Root, path)} ({new FileInfo(path).Length / 1024} KB)");
            }
        }

        var response = await page.GotoAsync(home);
        if (response is not null) response.Status.ShouldBe(200, "the home page");
        await Landed("home", site.Config.Title, "home");

        var (campaignName, campaignSlug) = Campaign;
        var url = await Follow(page, page.Page.Locator(".home-campaigns a", new() { HasTextString = campaignName }), $"home → 专题 {campaignName}");
        url.ShouldBe(siteRoot + $"campaigns/{campaignSlug}/index.html");
        await Landed($"home → 专题 {campaignName}", $"专题：{campaignName}", "campaign");

        var firstArticle = page.Page.Locator(".article-list .item-title a").First;
        var title = (await firstArticle.TextContentAsync())!.Trim();
        var articleUrl = await Follow(page, firstArticle, "专题 → its first article");
        articleUrl.ShouldMatch("/[0-9]{4}/[0-9]{2}/[^/]+/index\\.html$");
        await Landed($"专题 → article “{title}”", title, "article");

        var date = DateOnly.Parse((await page.Page.GetAttributeAsync(".article-meta time", "datetime"))!);
        url = await Follow(page, page.Page.Locator(".breadcrumbs a", new() { HasTextRegex = new Regex($"^{date.Month}月$") }), "article → breadcrumb month");
        url.ShouldBe(siteRoot + $"{date:yyyy}/{date:MM}/index.html");
        await Landed($"article → breadcrumb {date.Month}月", $"{date.Year}年{date.Month}月报道", "month");

        url = await Follow(page, page.Page.Locator(".calendar-grid a", new() { HasTextRegex = new Regex($"^{date.Day}$") }), "month → calendar day");
        url.ShouldBe(siteRoot + $"{date:yyyy}/{date:MM}/{date:dd}/index.html");
        await Landed($"month → calendar day {date.Day}", $"{date.Year}年{date.Month}月{date.Day}日报道", "day");
        (await page.Page.GetAttributeAsync(".calendar-grid a[aria-current]", "aria-current")).ShouldBe("date", "the day page marks its day in the calendar");

        url = await Follow(page, page.Page.Locator(".article-list .item-title a", new() { HasTextString = title }), "day → the article again");
        url.ShouldBe(articleUrl);
        (await H1(page)).ShouldBe(title, "the day page links back to the article");

        var sourceLink = page.Page.Locator(".source-page a");
        var sourceName = (await sourceLink.TextContentAsync())!.Trim();
        url = await Follow(page, sourceLink, "article → 原载");
        url.ShouldMatch("/pages/[^/]+/index\\.html$");
        await Landed($"article → 原载 {sourceName}", sourceName, "source-page");
        (await page.Page.Locator(".page-order a", new() { HasTextString = title }).CountAsync()).ShouldBe(1, "the 版面 lists the article it was reached from");

        var next = page.Page.Locator(".prev-next a[rel=next]");
        var nextName = (await next.TextContentAsync())!.Trim();
        nextName.ShouldStartWith("下一版：");
        await Follow(page, next, "版面 → 下一版");
        await Landed("版面 → 下一版", nextName["下一版：".Length..], "next-source-page");

        var previous = page.Page.Locator(".prev-next a[rel=prev]");
        (await previous.TextContentAsync())!.Trim().ShouldBe("上一版：" + sourceName, "下一版's 上一版 is the page we came from");
        await Follow(page, previous, "下一版 → 上一版");
        await Landed("下一版 → 上一版", sourceName, "previous-source-page");
    }

    /// <summary>Clicks the link and waits until its target has loaded; returns the target URL.</summary>
    private static async Task<string> Follow(BrowserPage page, ILocator link, string step)
    {
        var count = await link.CountAsync();
        count.ShouldBeGreaterThan(0, $"step “{step}”: no such link on {page.Page.Url}");
        var href = await link.First.GetAttributeAsync("href");
        href.ShouldNotBeNullOrEmpty($"step “{step}”: the link has no href");
        var target = new Uri(new Uri(page.Page.Url), href).AbsoluteUri;
        await link.First.ClickAsync();
        await page.Page.WaitForURLAsync(target, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load, Timeout = 10_000 });
        return target;
    }

    private static async Task<string> H1(BrowserPage page) =>
        string.Join(" | ", (await page.Page.Locator("h1").AllTextContentsAsync()).Select(t => t.Trim()));
}
