using System.Text.RegularExpressions;
using Baoku.Search;
using Baoku.Tests.Support.Web;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Baoku.Tests.Web;

/// <summary>
/// The search page as readers on other browsers and small phones meet it (issue 17): Back from a result keeps the query
/// in the box, a 360×640 phone shows the first result without scrolling, and a browser that lacks what search.js needs
/// gets a message with the ways to browse. Written as plain navigate / fill / click / history.back() steps, so the same
/// steps can run in other engines.
/// </summary>
[Collection(RealSiteCollection.Name)]
public sealed class SearchReaderTests(BrowserFixture browser, RealSiteFixture site, ITestOutputHelper output)
{
    public enum Mode { Http, File }

    // ---- Back from a result --------------------------------------------------------------------------------

    /// <summary>
    /// Chromium under Playwright does not keep pages in its back-forward cache, so Back loads the search page again and
    /// the box is filled from the address. Other browsers bring the page back as it was, except for the box:
    /// <list type="bullet">
    /// <item>webkit: WebKit resets every input with autocomplete="off" when a page comes back from its cache, in a task it
    /// queues on the way (HTMLInputElement::resumeFromDocumentSuspension); this script does the same after Back;</item>
    /// <item>forgetful: a browser that empties the boxes before the page's own pageshow listeners run.</item>
    /// </list>
    /// </summary>
    private static readonly Dictionary<string, string?> BackBehaviours = new()
    {
        ["chromium"] = null,
        ["webkit"] = """
            addEventListener('pageshow', e => {
              const nav = performance.getEntriesByType('navigation')[0];
              if (!e.persisted && !(nav && nav.type === 'back_forward')) return;
              setTimeout(() => {
                for (const input of document.querySelectorAll('input'))
                  if (input.autocomplete === 'off' || (input.form && input.form.getAttribute('autocomplete') === 'off')) input.value = input.defaultValue;
              }, 0);
            });
            """,
        ["forgetful"] = """
            addEventListener('pageshow', e => {
              const nav = performance.getEntriesByType('navigation')[0];
              if (!e.persisted && !(nav && nav.type === 'back_forward')) return;
              for (const input of document.querySelectorAll('input[type=search]')) input.value = '';
            });
            """,
    };

    public static TheoryData<string, Mode> BackCases => new()
    {
        { "chromium", Mode.Http }, { "webkit", Mode.Http }, { "forgetful", Mode.Http },
        { "webkit", Mode.File },
    };

    [Theory]
    [MemberData(nameof(BackCases))]
    public async Task Back_from_a_result_shows_the_query_in_the_box_and_its_results(string behaviour, Mode mode)
    {
        const string query = "清廉";
        await using var page = await browser.OpenPageAsync(width: 1024, height: 800);
        if (BackBehaviours[behaviour] is { } script) await page.Page.AddInitScriptAsync(script);
        await page.Page.AddInitScriptAsync("addEventListener('pageshow', e => { window.__persisted = e.persisted; });");

        await page.GotoAsync(PageUrl(mode, "search/index.html"));
        await page.Page.FillAsync("#search-q", query);
        await page.Page.PressAsync("#search-q", "Enter");
        await WaitDoneAsync(page, query);
        var before = await Hrefs(page);
        before.ShouldNotBeEmpty($"{query} finds articles");
        var searchUrl = page.Page.Url;

        await page.Page.ClickAsync("li.search-hit a.search-hit-title");
        await page.Page.WaitForURLAsync(new Regex("/[0-9]{4}/[0-9]{2}/[^/]+/index\\.html$"), new() { WaitUntil = WaitUntilState.Load, Timeout = 10_000 });
        var articleUrl = page.Page.Url;
        // Waits for the state, not for a load event: a page that comes back from a back-forward cache fires none, and
        // Playwright's WaitForURL after history.back() can miss a fast navigation.
        await page.Page.EvaluateAsync("() => { window.__leftBehind = true; history.back(); }");
        try
        {
            await page.Page.WaitForFunctionAsync("u => !window.__leftBehind && location.href === u && document.readyState === 'complete'",
                searchUrl, new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            throw new ShouldAssertException($"Back from {articleUrl} did not lead to {searchUrl} (at {page.Page.Url})");
        }
        await WaitDoneAsync(page, query + " after Back");
        // WebKit's reset comes in a task queued after pageshow; wait until tasks queued by now have run.
        await page.Page.EvaluateAsync("() => new Promise(r => setTimeout(() => setTimeout(r, 0), 0))");

        output.WriteLine($"{behaviour}, {mode}: back at {page.Page.Url}, from the back-forward cache: {await page.Page.EvaluateAsync<bool?>("() => window.__persisted")}");
        (await page.Page.InputValueAsync("#search-q")).ShouldBe(query, $"after Back ({behaviour}) the box shows the query of the results");
        (await Hrefs(page)).ShouldBe(before, "after Back the same results show");
        page.ShouldHaveNoErrors();
    }

    // ---- a 360×640 phone ----------------------------------------------------------------------------------

    [Fact]
    public async Task On_a_360x640_phone_the_first_result_is_visible_without_scrolling_and_the_filters_open_on_a_tap()
    {
        var engine = SearchEngine.Open(site.HttpSite);
        // The query with the most filter options (campaigns and years): the case where the filters take most room.
        var query = new[] { "的", "企业", "发展", "清廉", "党" }
            .OrderByDescending(q => engine.Search(q) is var r ? r.CampaignCounts.Count(c => c > 0) + r.YearCounts.Count : 0).First();
        await using var page = await browser.OpenPageAsync(width: 360, height: 640);
        await page.GotoAsync(site.Server.Url("search/index.html?q=" + Uri.EscapeDataString(query)));
        await WaitDoneAsync(page, query);

        var top = await page.Page.EvaluateAsync<double>("() => document.querySelector('li.search-hit').getBoundingClientRect().top");
        var shot = await Screenshots.TakeAsync(page.Page, "narrow/search-360x640.png");
        output.WriteLine($"“{query}”: the first result starts at y = {top:F0} px; {Path.GetRelativePath(RepoPaths.Root, shot)}");
        top.ShouldBeLessThan(640 - 40, "on a 360×640 phone the first result's heading is on the screen without scrolling");

        // The filters are one tap away, and picking one keeps them open.
        var summary = page.Page.Locator("#search-filters > summary");
        (await summary.IsVisibleAsync()).ShouldBeTrue("the filters' summary shows");
        (await page.Page.IsVisibleAsync("#search-filter-year")).ShouldBeFalse("on a phone the filters start closed");
        await summary.ClickAsync();
        (await page.Page.IsVisibleAsync("#search-filter-year")).ShouldBeTrue("a tap on the summary opens the filters");
        var year = await page.Page.GetAttributeAsync("#search-filter-year input[value]:not([value=''])", "value");
        await page.Page.Locator("#search-filter-year label").Filter(new() { Has = page.Page.Locator($"input[value='{year}']") }).ClickAsync();
        await page.Page.WaitForFunctionAsync("y => document.querySelector('#search-filter-year input:checked')?.value === y && document.getElementById('search-results').dataset.state === 'done'",
            year, new() { Timeout = 15_000 });
        (await page.Page.IsVisibleAsync("#search-filter-year")).ShouldBeTrue("after a pick the filters stay open");
        (await summary.TextContentAsync())!.ShouldContain($"{year}年", Case.Sensitive, "the summary names the year picked");
        await Screenshots.TakeAsync(page.Page, "narrow/search-360x640-filters-open.png");
        page.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task On_a_wide_screen_the_filters_are_open()
    {
        await using var page = await browser.OpenPageAsync(width: 1366, height: 768);
        await page.GotoAsync(site.Server.Url("search/index.html?q=" + Uri.EscapeDataString("企业")));
        await WaitDoneAsync(page, "企业");
        (await page.Page.IsVisibleAsync("#search-filter-campaign")).ShouldBeTrue("on a wide screen the campaign filter shows at once");
        (await page.Page.IsVisibleAsync("#search-filter-year")).ShouldBeTrue("on a wide screen the year filter shows at once");
        page.ShouldHaveNoErrors();
    }

    // ---- older browsers -----------------------------------------------------------------------------------

    /// <summary>
    /// What search.js needs, taken away before any script of the page runs, as an older browser lacks it. (Typed arrays
    /// as a whole cannot go: Playwright's own calls in the page use them.)
    /// </summary>
    public static TheoryData<string> MissingFeatures => new() { "codePointAt", "URLSearchParams", "typed array methods" };

    private static string Remove(string feature) => feature switch
    {
        "codePointAt" => "delete String.prototype.codePointAt;",
        "URLSearchParams" => "delete window.URLSearchParams;",
        "typed array methods" => "{ const T = Object.getPrototypeOf(Int32Array); delete T.from; delete T.prototype.filter; delete T.prototype.subarray; }",
        _ => throw new ArgumentOutOfRangeException(nameof(feature)),
    };

    [Theory]
    [MemberData(nameof(MissingFeatures))]
    public async Task A_browser_without_what_search_needs_gets_a_message_with_links_to_browse(string feature)
    {
        foreach (var mode in new[] { Mode.Http, Mode.File })
        {
            await using var page = await browser.OpenPageAsync(width: 1024, height: 800);
            await page.Page.AddInitScriptAsync(Remove(feature));
            await page.GotoAsync(PageUrl(mode, "search/index.html?q=" + Uri.EscapeDataString("清廉")));
            try
            {
                await page.Page.WaitForSelectorAsync("#search-results[data-state=unsupported]", new() { Timeout = 10_000 });
            }
            catch (TimeoutException)
            {
                throw new ShouldAssertException($"without {feature} ({mode}) the page shows no message: data-state " +
                    $"{await page.Page.GetAttributeAsync("#search-results", "data-state")}, “{await page.Page.TextContentAsync("#search-results")}”; " +
                    $"console: {string.Join("; ", page.ConsoleErrors)}");
            }
            var message = (await page.Page.TextContentAsync("#search-results"))!;
            output.WriteLine($"without {feature} ({mode}): {message}");
            message.ShouldContain("浏览器", Case.Sensitive, "the message says the browser is the reason");
            var links = await page.Page.EvalOnSelectorAllAsync<string[][]>("#search-results a", "as => as.map(a => [a.textContent, a.href])");
            links.ShouldContain(l => l[0].Contains("专题") && l[1] == PageUrl(mode, "campaigns/index.html").AbsoluteUri, "a link to 专题");
            links.ShouldContain(l => l[0].Contains("往期") && l[1] == PageUrl(mode, "archive/index.html").AbsoluteUri, "a link to 往期");
            (await page.Page.IsVisibleAsync("#search-form")).ShouldBeFalse("the search box that cannot work stays hidden");
            (await page.Page.IsVisibleAsync("#search-browse")).ShouldBeTrue("the ways to browse show below");
            (await page.Page.IsVisibleAsync("header .site-search")).ShouldBeFalse("the header offers no search box that cannot work");
            (await page.Page.IsVisibleAsync("header .site-search-fallback")).ShouldBeTrue("the header links to browse instead");
            if (feature == "codePointAt") await Screenshots.TakeAsync(page.Page, $"{(mode == Mode.Http ? "http" : "file")}/search-unsupported-browser.png");
            page.ShouldHaveNoErrors();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /// <summary>A page of the site (path relative to its root, with an optional ?query) over HTTP under the sub-path or as a file:// URL.</summary>
    private Uri PageUrl(Mode mode, string path)
    {
        if (mode == Mode.Http) return site.Server.Url(path);
        var query = path.IndexOf('?'); // new Uri(fileBase, "x?q=") would escape the ? as %3F
        var file = new Uri(Path.Combine(Path.GetFullPath(site.FileSite), query < 0 ? path : path[..query])).AbsoluteUri;
        return new Uri(query < 0 ? file : file + path[query..]);
    }

    private static async Task<List<string>> Hrefs(BrowserPage page) =>
        (await page.Page.EvalOnSelectorAllAsync<string[]>("li.search-hit a.search-hit-title", "as => as.map(a => a.getAttribute('href'))")).ToList();

    private static async Task WaitDoneAsync(BrowserPage page, string what)
    {
        try
        {
            await page.Page.WaitForSelectorAsync("#search-results[data-state=done] li.search-hit", new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{what}: no results within 15 s (data-state {await page.Page.GetAttributeAsync("#search-results", "data-state")}); " +
                                       "console: " + string.Join("; ", page.ConsoleErrors));
        }
    }
}
