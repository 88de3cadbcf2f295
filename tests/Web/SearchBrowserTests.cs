using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Baoku.Search;
using Baoku.Tests.Search;
using Baoku.Tests.Support.Web;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Baoku.Tests.Web;

/// <summary>
/// The search page (search/index.html?q=…) and the header's search box in Chromium, on the real built site, over HTTP
/// under the sub-path and from disk over file://. The C# engine (<see cref="SearchEngine"/> on the same built folder) is
/// the reference: the page must list exactly its ranked hits, in its order, with its counts beside the filters.
/// No console error or failed request is allowed. Screenshots of a results page go to tests/Web/screenshots/.
/// </summary>
[Collection(RealSiteCollection.Name)]
public sealed partial class SearchBrowserTests(BrowserFixture browser, RealSiteFixture site, ITestOutputHelper output)
{
    public enum Mode { Http, File }

    public static TheoryData<string> CaseNames => new(SearchQuerySet.Cases.Select(c => c.Name));

    private static SearchCase QueryCase(string name) => SearchQuerySet.Cases.Single(c => c.Name == name);

    // ---- 1. the query set, hit for hit ----------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Query_set_case_over_http_under_the_sub_path_lists_the_engines_ranked_hits_and_count(string name) =>
        CheckCaseAsync(Mode.Http, QueryCase(name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Query_set_case_from_disk_over_file_urls_lists_the_engines_ranked_hits_and_count(string name) =>
        CheckCaseAsync(Mode.File, QueryCase(name));

    private async Task CheckCaseAsync(Mode mode, SearchCase c)
    {
        var engine = Engine(mode);
        var campaign = CampaignIndex(engine, c.Campaign);
        var expected = engine.Search(c.Query, campaign, c.Year);

        await using var page = await browser.OpenPageAsync(width: 1024, height: 800);
        await page.GotoAsync(SearchUrl(mode, c.Query, campaign, c.Year));
        await WaitDoneAsync(page, $"query {c.Query}");
        await ShowAllAsync(page);

        (await DataCount(page)).ShouldBe(expected.Hits.Count, $"data-count for query “{c.Query}” ({mode})");
        (await Hrefs(page)).ShouldBe(ExpectedHrefs(engine, expected), $"the hits for query “{c.Query}” ({mode}), in order");
        (await page.Page.InputValueAsync("#search-q")).ShouldBe(c.Query, "the search box shows the query");
        if (expected.Hits.Count > 0 || engine.Search(c.Query).Hits.Count > 0)
        {
            (await CheckedValue(page, "campaign")).ShouldBe(campaign?.ToString() ?? "", "the checked campaign filter");
            (await CheckedValue(page, "year")).ShouldBe(c.Year?.ToString() ?? "", "the checked year filter");
        }
        foreach (var href in await Hrefs(page)) TargetExists(mode, href).ShouldBeTrue($"the hit link {href} leads to a built page");
        page.ShouldHaveNoErrors();
    }

    /// <summary>The real content has few articles; a query found in more than one page of hits must page through 显示更多.</summary>
    [Fact]
    public async Task Show_more_appends_the_next_ten_hits_until_all_are_shown()
    {
        var engine = Engine(Mode.Http);
        var query = new[] { "的", "发展", "开发区", "企业", "在" }.FirstOrDefault(q => engine.Search(q).Hits.Count > 10);
        query.ShouldNotBeNull("no query with more than 10 hits on the real content: 显示更多 cannot be exercised");
        var expected = ExpectedHrefs(engine, engine.Search(query));

        await using var page = await browser.OpenPageAsync(width: 1024, height: 800);
        await page.GotoAsync(SearchUrl(Mode.Http, query));
        await WaitDoneAsync(page, query);
        (await Hrefs(page)).ShouldBe(expected.Take(10).ToList(), "the first page shows the engine's first 10 hits");
        (await page.Page.TextContentAsync("#search-more"))!.ShouldContain($"还有 {expected.Count - 10} 篇");
        await ShowAllAsync(page);
        (await Hrefs(page)).ShouldBe(expected, $"after 显示更多 every hit of “{query}” is shown, in order");
        (await page.Page.Locator("#search-more").CountAsync()).ShouldBe(0, "the button goes when everything is shown");
        page.ShouldHaveNoErrors();
    }

    // ---- 2. typing ----------------------------------------------------------------------------------------

    [Theory]
    [InlineData(Mode.Http)]
    [InlineData(Mode.File)]
    public async Task Typing_in_the_header_box_of_an_article_and_pressing_Enter_opens_the_search_page_with_the_results(Mode mode)
    {
        var engine = Engine(mode);
        await using var page = await browser.OpenPageAsync(width: 1024, height: 800);
        await page.GotoAsync(PageUrl(mode, ArticlePath));
        (await page.Page.IsVisibleAsync(".site-search-fallback")).ShouldBeFalse("with JavaScript the header shows the box, not the browse link");

        var box = page.Page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索报道", Exact = true });
        await box.FillAsync("清廉");
        await box.PressAsync("Enter");
        await page.Page.WaitForURLAsync(new Regex("/search/index\\.html\\?q="), new() { WaitUntil = WaitUntilState.Load, Timeout = 10_000 });
        page.Page.Url.ShouldStartWith(PageUrl(mode, "search/index.html").AbsoluteUri + "?q=", Case.Sensitive, "the header box leads to the site's own search page");
        await WaitDoneAsync(page, "清廉 from the header box");
        await ShowAllAsync(page);
        (await Hrefs(page)).ShouldBe(ExpectedHrefs(engine, engine.Search("清廉")), "the header box's query gives the engine's hits");
        (await page.Page.InputValueAsync("#search-q")).ShouldBe("清廉");

        // On the search page: a new query replaces the results.
        await StaleAsync(page);
        await page.Page.FillAsync("#search-q", "二十大");
        await page.Page.PressAsync("#search-q", "Enter");
        await WaitFreshAsync(page, "二十大 typed on the search page");
        await ShowAllAsync(page);
        var expected = engine.Search("二十大");
        (await Hrefs(page)).ShouldBe(ExpectedHrefs(engine, expected), "the new query's hits replace the old ones");
        (await DataCount(page)).ShouldBe(expected.Hits.Count);
        (await page.Page.TextContentAsync("#search-status"))!.ShouldContain($"找到 {expected.Hits.Count} 篇报道");
        if (mode == Mode.Http)
            page.Page.Url.ShouldBe(PageUrl(mode, "search/index.html").AbsoluteUri + "?q=" + Uri.EscapeDataString("二十大"),
                "the address names the new query (so it can be bookmarked or shared)");
        output.WriteLine($"{mode}: after the second query the address is {page.Page.Url}");
        page.ShouldHaveNoErrors();
    }

    /// <summary>While the reader types (and pauses), the page looks up what is typed: it loads the index files and the
    /// first page's documents, so Enter needs no request at all and lists the engine's hits.</summary>
    [Fact]
    public async Task Pausing_while_typing_loads_the_typed_words_files_and_first_documents_before_Enter()
    {
        var engine = Engine(Mode.Http);
        const string query = "世界五金之都";   // a long term: docs and positions streams of two trigrams
        var expected = ExpectedHrefs(engine, engine.Search(query)).Take(10).ToList();
        expected.ShouldNotBeEmpty($"the real content has “{query}”");
        await using var page = await browser.OpenPageAsync(width: 1024, height: 800);
        await page.GotoAsync(SearchUrl(Mode.Http, ""));
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        site.Server.ClearLog();

        await page.Page.FillAsync("#search-q", query);
        await page.Page.WaitForFunctionAsync("n => performance.getEntriesByType('resource').filter(e => e.name.includes('/search/d/')).length >= n",
            expected.Count, new() { Timeout = 10_000 });
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var beforeEnter = site.Server.Requests.Where(r => r.Path.Contains("/search/")).Select(r => r.Path).ToList();
        beforeEnter.Count(p => p.Contains("/search/i/") || p.Contains("/search/p/")).ShouldBe(4, "the docs and positions buckets of 世界五 and 金之都");
        beforeEnter.Count(p => p.Contains("/search/d/")).ShouldBe(expected.Count, "one document file per hit of the first page");
        (await page.Page.GetAttributeAsync("#search-results", "data-state")).ShouldBe("idle", "typing alone shows nothing");

        site.Server.ClearLog();
        await page.Page.PressAsync("#search-q", "Enter");
        await WaitDoneAsync(page, query);
        site.Server.Requests.Where(r => r.Path.Contains("/search/")).ShouldBeEmpty("after the pause Enter needs nothing from the network");
        (await Hrefs(page)).ShouldBe(expected);
        page.ShouldHaveNoErrors();
    }

    // ---- 3. filters ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData(Mode.Http)]
    [InlineData(Mode.File)]
    public async Task Clicking_a_campaign_and_a_year_narrows_the_hits_and_the_counts_to_the_engines(Mode mode)
    {
        var engine = Engine(mode);
        const string query = "企业";
        var all = engine.Search(query);
        // The campaign that narrows the list most while keeping hits in more than one year, if there is one.
        var campaign = Enumerable.Range(0, engine.Campaigns.Count).Where(i => all.CampaignCounts[i] > 0 && all.CampaignCounts[i] < all.Hits.Count)
            .OrderByDescending(i => engine.Search(query, i).YearCounts.Count).ThenByDescending(i => all.CampaignCounts[i]).FirstOrDefault(-1);
        campaign.ShouldBeGreaterThanOrEqualTo(0, $"“{query}” must have hits in a campaign and outside it for this test");
        var year = engine.Search(query, campaign).YearCounts[0].Year;

        await using var page = await browser.OpenPageAsync(width: 1024, height: 800);
        await page.GotoAsync(SearchUrl(mode, query));
        await WaitDoneAsync(page, query);
        await CheckFilteredAsync(page, engine, query, null, null);

        await StaleAsync(page);
        await page.Page.Locator("#search-filter-campaign label").Filter(new() { Has = page.Page.Locator($"input[value='{campaign}']") }).ClickAsync();
        await WaitFreshAsync(page, $"campaign {engine.Campaigns[campaign]}");
        await CheckFilteredAsync(page, engine, query, campaign, null);

        await StaleAsync(page);
        await page.Page.Locator("#search-filter-year label").Filter(new() { Has = page.Page.Locator($"input[value='{year}']") }).ClickAsync();
        await WaitFreshAsync(page, $"year {year}");
        await CheckFilteredAsync(page, engine, query, campaign, year);

        await StaleAsync(page);
        await page.Page.Locator("#search-filter-campaign label").Filter(new() { Has = page.Page.Locator("input[value='']") }).ClickAsync();
        await WaitFreshAsync(page, "campaign 全部");
        await CheckFilteredAsync(page, engine, query, null, year);
        page.ShouldHaveNoErrors();
    }

    private async Task CheckFilteredAsync(BrowserPage page, SearchEngine engine, string query, int? campaign, int? year)
    {
        var what = $"“{query}” with campaign {(campaign is null ? "全部" : engine.Campaigns[campaign.Value])}, year {year?.ToString() ?? "全部"}";
        var expected = engine.Search(query, campaign, year);
        await ShowAllAsync(page);
        (await DataCount(page)).ShouldBe(expected.Hits.Count, $"data-count for {what}");
        (await Hrefs(page)).ShouldBe(ExpectedHrefs(engine, expected), $"the hits for {what}");
        (await CheckedValue(page, "campaign")).ShouldBe(campaign?.ToString() ?? "", $"the checked campaign for {what}");
        (await CheckedValue(page, "year")).ShouldBe(year?.ToString() ?? "", $"the checked year for {what}");

        var shownCampaigns = await FilterCounts(page, "campaign");
        var expectedCampaigns = Enumerable.Range(0, engine.Campaigns.Count).Where(i => expected.CampaignCounts[i] > 0 || i == campaign)
            .Select(i => (i.ToString(), engine.Campaigns[i], expected.CampaignCounts[i])).Prepend(("", "全部", -1)).ToList();
        shownCampaigns.ShouldBe(expectedCampaigns, $"the campaign options and counts for {what} (-1: no count shown)");

        var shownYears = await FilterCounts(page, "year");
        var expectedYears = expected.YearCounts.Select(y => (y.Year.ToString(), $"{y.Year}年", y.Count)).ToList();
        if (year is not null && expected.YearCounts.All(y => y.Year != year)) expectedYears.Add((year.ToString()!, $"{year}年", 0));
        expectedYears = expectedYears.OrderByDescending(y => y.Item1).Prepend(("", "全部", -1)).ToList();
        shownYears.ShouldBe(expectedYears, $"the year options and counts for {what} (-1: no count shown)");
        output.WriteLine($"{what}: {expected.Hits.Count} hits; campaigns {string.Join(" ", shownCampaigns.Skip(1).Select(x => $"{x.Name}（{x.Count}）"))}; " +
                         $"years {string.Join(" ", shownYears.Skip(1).Select(x => $"{x.Name}（{x.Count}）"))}");
    }

    /// <summary>Each option of a filter group: radio value, label name and the count in （）, -1 when none is shown.</summary>
    private static async Task<List<(string Value, string Name, int Count)>> FilterCounts(BrowserPage page, string group)
    {
        var options = await page.Page.EvalOnSelectorAllAsync<string[][]>($"#search-filter-{group} label",
            "ls => ls.map(l => [l.querySelector('input').value, l.textContent.trim()])");
        return options.Select(o =>
        {
            var m = Regex.Match(o[1], "^(.*?)（(\\d+)）$");
            return m.Success ? (o[0], m.Groups[1].Value, int.Parse(m.Groups[2].Value)) : (o[0], o[1], -1);
        }).ToList();
    }

    // ---- 4. no results ------------------------------------------------------------------------------------

    [Theory]
    [InlineData(Mode.Http, "火星殖民地")]
    [InlineData(Mode.File, "火星殖民地")]
    [InlineData(Mode.Http, "清廉 火星")]
    public async Task A_query_with_no_results_says_so_and_links_to_the_browse_pages(Mode mode, string query)
    {
        Engine(mode).Search(query).Hits.ShouldBeEmpty("the query is meant to find nothing");
        await using var page = await browser.OpenPageAsync(width: 1024, height: 800);
        await page.GotoAsync(SearchUrl(mode, query));
        await WaitDoneAsync(page, query);
        (await DataCount(page)).ShouldBe(0);
        var status = (await page.Page.TextContentAsync("#search-status"))!;
        status.ShouldContain("没有找到", Case.Sensitive, "the no-results message");
        status.ShouldContain(query, Case.Sensitive, "the message repeats the query");
        (await page.Page.Locator("li.search-hit").CountAsync()).ShouldBe(0);
        (await page.Page.Locator("#search-results fieldset").CountAsync()).ShouldBe(0, "no filters without results");

        var links = await page.Page.EvalOnSelectorAllAsync<string[][]>("#search-results a", "as => as.map(a => [a.textContent, a.href])");
        output.WriteLine($"{mode} “{query}”: {status} links: {string.Join(", ", links.Select(l => $"{l[0]} → {l[1]}"))}");
        links.Select(l => l[0]).ShouldContain(t => t.Contains("专题"), "the message links to the campaigns (专题)");
        links.Select(l => l[0]).ShouldContain(t => t.Contains("往期"), "the message links to the archive (往期)");
        links.Single(l => l[0].Contains("专题"))[1].ShouldBe(PageUrl(mode, "campaigns/index.html").AbsoluteUri);
        links.Single(l => l[0].Contains("往期"))[1].ShouldBe(PageUrl(mode, "archive/index.html").AbsoluteUri);
        using var http = new HttpClient();
        foreach (var href in links.Select(l => l[1]))
            if (mode == Mode.Http) (await http.GetAsync(href)).StatusCode.ShouldBe(HttpStatusCode.OK, $"the link {href}");
            else File.Exists(new Uri(href).LocalPath).ShouldBeTrue($"the link {href} leads to a built page");

        await page.Page.Locator("#search-results a", new() { HasTextString = "往期" }).ClickAsync();
        await page.Page.WaitForURLAsync(PageUrl(mode, "archive/index.html").AbsoluteUri, new() { WaitUntil = WaitUntilState.Load, Timeout = 10_000 });
        (await page.Page.TextContentAsync("h1"))!.ShouldNotBeNullOrWhiteSpace();
        page.ShouldHaveNoErrors();
    }

    // ---- 5. snippets and escaping -------------------------------------------------------------------------

    [Theory]
    [InlineData("substring of a campaign name")]
    [InlineData("long phrase")]
    [InlineData("two words")]
    [InlineData("Latin and digit")]
    [InlineData("title match ranks first")]
    [InlineData("year with 年")]
    [InlineData("person")]
    public async Task Every_hit_shows_a_mark_of_a_query_term_in_its_heading_meta_line_or_snippet_and_content_as_text(string name)
    {
        var c = QueryCase(name);
        var engine = Engine(Mode.Http);
        var expected = engine.Search(c.Query);
        var terms = SearchText.Terms(c.Query);
        await using var page = await browser.OpenPageAsync(width: 1024, height: 800);
        await page.GotoAsync(SearchUrl(Mode.Http, c.Query));
        await WaitDoneAsync(page, c.Query);
        await ShowAllAsync(page);

        var hits = await Hits(page);
        hits.Count.ShouldBe(expected.Hits.Count);
        for (var i = 0; i < hits.Count; i++)
        {
            var (hit, doc) = (hits[i], engine.Document(expected.Hits[i].Id));
            var marks = hit.Marks.Select(SearchText.Normalize).ToList();
            output.WriteLine($"{hit.Title}: marks {string.Join(" ", hit.Marks.Select(m => $"[{m}]"))}; snippet {hit.Snippet}");
            marks.ShouldContain(m => terms.Contains(m), $"hit {i + 1} “{hit.Title}” of “{c.Query}” shows no <mark> of a query term in its heading, meta line or snippet: the reader cannot see why it matched " +
                                                         $"(marks: {string.Join(", ", hit.Marks)}; snippet: {hit.Snippet})");
            foreach (var m in marks)
                terms.ShouldContain(t => t.Contains(m) && m.Length > 0, $"hit {i + 1} “{hit.Title}”: the mark “{m}” is (part of) a query term");
            hit.Title.ShouldBe(doc.Title, "the title is shown as it is, as text");
            hit.Elements.ShouldAllBe(e => e == "MARK", $"hit {i + 1}: title and snippet hold no element but <mark> (content is text, never HTML)");
        }
        if (name == "substring of a campaign name")
            hits.ShouldContain(h => h.Title == "首场“亲清直通车·政企恳谈会”举行", "the title with “” and · shows verbatim");
        page.ShouldHaveNoErrors();
    }

    /// <summary>
    /// The real content has no markup in titles or bodies, so the document files of this page are rewritten on the way
    /// (Playwright routing) to carry HTML, an event handler and quotes: the page must show them as text.
    /// </summary>
    [Fact]
    public async Task Markup_and_quotes_in_a_document_show_as_text_and_never_run()
    {
        const string evil = "<b>清廉</b><img src=x onerror=\"window.__injected=1\">“引号”‘单’\"双\"&amp;<script>window.__injected=2</script>";
        await using var page = await browser.OpenPageAsync(width: 1024, height: 800);
        await page.Page.RouteAsync("**/search/d/*.js", async route =>
        {
            var response = await route.FetchAsync();
            var script = await response.TextAsync();
            int open = script.IndexOf(','), close = script.LastIndexOf(')');
            var doc = JsonNode.Parse(script[(open + 1)..close])!.AsObject();
            doc["t"] = evil + doc["t"]!.GetValue<string>();
            doc["k"] = evil;
            doc["x"] = evil + doc["x"]!.GetValue<string>();
            await route.FulfillAsync(new() { Response = response, Body = script[..(open + 1)] + doc.ToJsonString() + script[close..] });
        });
        await page.GotoAsync(SearchUrl(Mode.Http, "清廉"));
        await WaitDoneAsync(page, "清廉 with markup in the documents");
        var hits = await Hits(page);
        hits.ShouldNotBeEmpty();
        foreach (var hit in hits)
        {
            hit.Title.ShouldStartWith(evil, Case.Sensitive, "the title's markup shows as text");
            hit.Snippet.ShouldStartWith(evil[..60], Case.Sensitive, "the body's markup shows as text in the snippet");
            hit.Elements.ShouldAllBe(e => e == "MARK", "no element from the content is created");
            hit.Marks.ShouldContain("清廉", "the term inside the markup is still marked");
        }
        (await page.Page.Locator("li.search-hit img, li.search-hit b, li.search-hit script").CountAsync()).ShouldBe(0);
        (await page.Page.EvaluateAsync<bool>("() => window.__injected === undefined")).ShouldBeTrue("no script from the content ran");
        page.ShouldHaveNoErrors();
    }

    private sealed record ShownHit(string Href, string Title, string Snippet, IReadOnlyList<string> Marks, IReadOnlyList<string> Elements);

    /// <summary>Each hit as shown: href, title text, snippet text, the marks of its heading (kicker, title, subtitle), meta line (date, campaigns) and snippet, and the tag names of all elements inside its title link and snippet.</summary>
    private static async Task<List<ShownHit>> Hits(BrowserPage page)
    {
        var raw = await page.Page.EvalOnSelectorAllAsync<System.Text.Json.JsonElement>("li.search-hit", """
            lis => lis.map(li => {
              const a = li.querySelector('a.search-hit-title'), s = li.querySelector('.search-hit-snippet');
              const parts = [li.querySelector('.search-hit-kicker'), a, li.querySelector('.search-hit-subtitle'), li.querySelector('.search-hit-meta'), s].filter(Boolean);
              return {
                href: a.getAttribute('href'), title: a.textContent, snippet: s ? s.textContent : '',
                marks: parts.flatMap(p => [...p.querySelectorAll('mark')].map(m => m.textContent)),
                elements: [a, s].filter(Boolean).flatMap(p => [...p.querySelectorAll('*')].map(e => e.tagName)),
              };
            })
            """);
        static string S(System.Text.Json.JsonElement e, string name) => e.GetProperty(name).GetString()!;
        static List<string> L(System.Text.Json.JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(x => x.GetString()!).ToList();
        return raw.EnumerateArray().Select(h => new ShownHit(S(h, "href"), S(h, "title"), S(h, "snippet"), L(h, "marks"), L(h, "elements"))).ToList();
    }

    // ---- 6. JavaScript off --------------------------------------------------------------------------------

    [Fact]
    public async Task With_JavaScript_off_every_pages_header_shows_the_browse_link_instead_of_the_search_box()
    {
        var pages = Directory.GetFiles(site.HttpSite, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.HttpSite, f).Replace(Path.DirectorySeparatorChar, '/')).Order(StringComparer.Ordinal).ToList();
        await using var page = await browser.OpenPageAsync(javaScript: false, width: 1024, height: 800);
        var wrong = new List<string>();
        foreach (var path in pages)
        {
            await page.GotoAsync(site.Server.Url(path));
            var fallback = page.Page.Locator("header .site-search-fallback");
            if (!await fallback.IsVisibleAsync()) wrong.Add($"{path}: 浏览全部报道 is not shown");
            else if ((await fallback.TextContentAsync())!.Trim() != "浏览全部报道") wrong.Add($"{path}: the link says “{await fallback.TextContentAsync()}”");
            else if (await fallback.EvaluateAsync<string>("a => a.href") is var href
                     && href != site.Server.Url("archive/index.html").AbsoluteUri && href != site.Server.Url("archive/").AbsoluteUri) // 404.html: absolute links
                wrong.Add($"{path}: 浏览全部报道 links to {href}");
            if (await page.Page.IsVisibleAsync("header .site-search")) wrong.Add($"{path}: the header's search form shows without JavaScript");
        }
        output.WriteLine($"{pages.Count} pages checked with JavaScript off");
        wrong.ShouldBeEmpty();
        page.ShouldHaveNoErrors();
    }

    [Theory]
    [InlineData(Mode.Http)]
    [InlineData(Mode.File)]
    public async Task With_JavaScript_off_the_search_page_shows_the_browse_links_and_no_form(Mode mode)
    {
        await using var page = await browser.OpenPageAsync(javaScript: false, width: 1024, height: 800);
        await page.GotoAsync(SearchUrl(mode, "清廉"));
        (await page.Page.IsVisibleAsync("#search-form")).ShouldBeFalse("the search form needs JavaScript: hidden");
        (await page.Page.IsVisibleAsync("header .site-search")).ShouldBeFalse("the header box needs JavaScript: hidden");
        (await page.Page.Locator("input[type=search]:visible, button:visible").CountAsync()).ShouldBe(0, "no visible search box or button");
        (await page.Page.IsVisibleAsync(".search-noscript")).ShouldBeTrue("the page says search needs JavaScript");
        (await page.Page.IsVisibleAsync("#search-browse")).ShouldBeTrue("the browse links show");
        var links = await page.Page.EvalOnSelectorAllAsync<string[][]>("#search-browse a", "as => as.map(a => [a.textContent, a.href])");
        output.WriteLine(string.Join("\n", links.Select(l => $"{l[0]} → {l[1]}")));
        links.ShouldContain(l => l[0].Contains("专题") && l[1] == PageUrl(mode, "campaigns/index.html").AbsoluteUri);
        links.ShouldContain(l => l[0].Contains("往期") && l[1] == PageUrl(mode, "archive/index.html").AbsoluteUri);
        foreach (var campaign in site.Config.Campaigns.Where(c => site.Articles.Any(a => a.Meta.Campaigns.Contains(c.Name))))
            links.ShouldContain(l => l[0] == campaign.Name && l[1] == PageUrl(mode, $"campaigns/{campaign.Slug}/index.html").AbsoluteUri, $"the campaign {campaign.Name}");
        foreach (var year in site.Articles.Select(a => a.Meta.Date.Year).Distinct())
            links.ShouldContain(l => l[0] == $"{year}年" && l[1] == PageUrl(mode, $"{year}/index.html").AbsoluteUri, $"the year {year}");
        foreach (var href in links.Select(l => l[1])) TargetExists(mode, new Uri(href)).ShouldBeTrue($"the link {href} leads to a built page");
        page.ShouldHaveNoErrors();
    }

    // ---- 7. time ------------------------------------------------------------------------------------------

    [Fact]
    // Speed is a benchmark figure (bench/search-bench.sh), not a timed test: this test logs data-ms and checks that a
    // query loads only what it needs.
    public async Task Every_query_set_case_reports_its_time_and_loads_only_its_own_index_files_over_http()
    {
        var wrong = new List<string>();
        var engine = Engine(Mode.Http);
        foreach (var c in SearchQuerySet.Cases)
        {
            await using var page = await browser.OpenPageAsync(width: 1024, height: 800); // a fresh context: nothing cached
            site.Server.ClearLog();
            await page.GotoAsync(SearchUrl(Mode.Http, c.Query, CampaignIndex(engine, c.Campaign), c.Year));
            await WaitDoneAsync(page, c.Query);
            var ms = double.Parse((await page.Page.GetAttributeAsync("#search-results", "data-ms"))!, System.Globalization.CultureInfo.InvariantCulture);
            var index = site.Server.Requests.Where(r => r.Path.StartsWith(RealSiteFixture.SubPath + "search/") && r.Path.EndsWith(".js")).ToList();
            // Where the time goes: the slowest index file (request → response end), then the same query again on the
            // same page (every file already loaded: matching and rendering only; a typed query drops the filters).
            var count = await DataCount(page);
            var slowestFile = await page.Page.EvaluateAsync<double>(
                "() => Math.max(0, ...performance.getEntriesByType('resource').filter(e => e.name.includes('/search/')).map(e => e.responseEnd - e.startTime))");
            await StaleAsync(page);
            await page.Page.FillAsync("#search-q", c.Query);
            await page.Page.PressAsync("#search-q", "Enter");
            await WaitFreshAsync(page, c.Query + " again");
            var again = double.Parse((await page.Page.GetAttributeAsync("#search-results", "data-ms"))!, System.Globalization.CultureInfo.InvariantCulture);
            output.WriteLine($"{ms,7:F1} ms (again {again,5:F1} ms, slowest file {slowestFile,5:F1} ms)  {c.Name} “{c.Query}”: {count} hits, " +
                             $"{index.Count} index files, {index.Sum(r => r.Bytes) / 1024.0:F1} KB");
            if (ms <= 0) wrong.Add($"{c.Name}: data-ms {ms}");
            // data-first-ms (of the query typed again): the first result, or "no results", is on screen no later than the whole page.
            var first = await page.Page.GetAttributeAsync("#search-results", "data-first-ms");
            if (first is null || double.Parse(first, System.Globalization.CultureInfo.InvariantCulture) is var f && (f <= 0 || f > again))
                wrong.Add($"{c.Name}: data-first-ms {first ?? "missing"} after the query typed again (its data-ms {again})");
            var docs = index.Count(r => r.Path.Contains("/search/d/"));
            if (docs != Math.Min(count, 10)) wrong.Add($"{c.Name}: {docs} document files for {count} hits (one per hit shown, 10 per page)");
            var grams = index.Count(r => r.Path.Contains("/search/i/") || r.Path.Contains("/search/p/") || r.Path.Contains("/search/g/"));
            int terms = Baoku.Search.SearchText.Terms(c.Query).Count;
            if (grams > terms * 2 * 2 * 2) wrong.Add($"{c.Name}: {grams} gram files for {terms} terms (at most 2 trigrams × docs and positions × bucket and own file each)");
            page.ShouldHaveNoErrors();
        }
        wrong.ShouldBeEmpty();
    }

    // ---- the rendered page through the Nu checker ----------------------------------------------------------

    /// <summary>The Nu checker of RealSiteCheckerTests sees the built files; this one sees what search.js makes of them.</summary>
    [Fact]
    public async Task The_rendered_results_and_no_results_pages_pass_the_Nu_HTML_checker()
    {
        var folder = Directory.CreateTempSubdirectory("baoku-search-dom-").FullName;
        try
        {
            await using var page = await browser.OpenPageAsync(width: 1024, height: 800);
            foreach (var (name, query) in new[] { ("results", "企业"), ("no-results", "火星殖民地") })
            {
                await page.GotoAsync(SearchUrl(Mode.Http, query));
                await WaitDoneAsync(page, query);
                var html = "<!DOCTYPE html>\n" + await page.Page.EvaluateAsync<string>("() => document.documentElement.outerHTML");
                await File.WriteAllTextAsync(Path.Combine(folder, name + ".html"), html);
            }
            var report = await HtmlChecker.CheckFolderAsync(folder);
            foreach (var m in report.Messages) output.WriteLine(m.ToString());
            report.Errors.ShouldBeEmpty("the Nu HTML Checker found errors in the rendered search page:\n" + report.DescribeErrors());
            page.ShouldHaveNoErrors();
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    // ---- 8. screenshots -----------------------------------------------------------------------------------

    [Theory]
    [InlineData(Mode.Http)]
    [InlineData(Mode.File)]
    public async Task Screenshot_of_the_results_for_qinglian(Mode mode)
    {
        await using var page = await browser.OpenPageAsync(width: 1024, height: 800);
        await page.GotoAsync(SearchUrl(mode, "清廉"));
        await WaitDoneAsync(page, "清廉");
        (await page.Page.IsVisibleAsync("#search-form")).ShouldBeTrue("with JavaScript the search form shows");
        var shot = await Screenshots.TakeAsync(page.Page, $"{(mode == Mode.Http ? "http" : "file")}/search-qinglian.png");
        output.WriteLine($"{Path.GetRelativePath(RepoPaths.Root, shot)} ({new FileInfo(shot).Length / 1024} KB)");
        page.ShouldHaveNoErrors();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private SearchEngine Engine(Mode mode) => SearchEngine.Open(mode == Mode.Http ? site.HttpSite : site.FileSite);

    private static int? CampaignIndex(SearchEngine engine, string? name)
    {
        if (name is null) return null;
        var index = engine.Campaigns.ToList().IndexOf(name);
        index.ShouldBeGreaterThanOrEqualTo(0, $"the campaign {name} is in the index's campaigns");
        return index;
    }

    private Baoku.Content.Article Article => site.Articles.OrderByDescending(a => a.Meta.Date).First();
    private string ArticlePath => $"{Article.Meta.Date:yyyy}/{Article.Meta.Date:MM}/{Article.Slug}/index.html";

    /// <summary>A page of the site (path relative to its root, with an optional ?query) over HTTP or as a file:// URL.</summary>
    private Uri PageUrl(Mode mode, string path)
    {
        if (mode == Mode.Http) return site.Server.Url(path);
        var query = path.IndexOf('?'); // new Uri(fileBase, "x?q=") would escape the ? as %3F
        var file = new Uri(Path.Combine(Path.GetFullPath(site.FileSite), query < 0 ? path : path[..query])).AbsoluteUri;
        return new Uri(query < 0 ? file : file + path[query..]);
    }

    private Uri SearchUrl(Mode mode, string query, int? campaign = null, int? year = null) =>
        PageUrl(mode, "search/index.html?q=" + Uri.EscapeDataString(query) + (campaign is null ? "" : $"&campaign={campaign}") + (year is null ? "" : $"&year={year}"));

    /// <summary>The href a hit's link has on search/index.html: relative to search/, to the article's index.html.</summary>
    private static List<string> ExpectedHrefs(SearchEngine engine, SearchResult result) =>
        result.Hits.Select(h => engine.Document(h.Id).Url).Select(u => "../" + u + (u.EndsWith('/') ? "index.html" : "")).ToList();

    private bool TargetExists(Mode mode, string href) => TargetExists(mode, new Uri(PageUrl(mode, "search/index.html"), href));

    private bool TargetExists(Mode mode, Uri target)
    {
        if (mode == Mode.File) return File.Exists(target.LocalPath);
        var relative = site.Server.BaseUrl.MakeRelativeUri(target).OriginalString;
        return !relative.StartsWith("..") && File.Exists(RealSiteFixture.LocalFile(site.HttpSite, Uri.UnescapeDataString(relative)));
    }

    private static async Task<List<string>> Hrefs(BrowserPage page) =>
        (await page.Page.EvalOnSelectorAllAsync<string[]>("li.search-hit a.search-hit-title", "as => as.map(a => a.getAttribute('href'))")).ToList();

    private static async Task<int> DataCount(BrowserPage page) =>
        int.Parse((await page.Page.GetAttributeAsync("#search-results", "data-count"))!);

    private static Task<string> CheckedValue(BrowserPage page, string group) =>
        page.Page.EvaluateAsync<string>($"() => {{ const r = document.querySelector('input[name={group}]:checked'); return r ? r.value : null; }}");

    private const string Settled = """
        () => { const o = document.getElementById('search-results');
                const s = o && o.firstElementChild;
                return !!o && (o.dataset.state === 'done' || o.dataset.state === 'error') && !(s && s.hasAttribute('data-test-stale')); }
        """;

    /// <summary>Waits until the results are rendered (data-state done); fails with the page's message on data-state error.</summary>
    private static async Task WaitDoneAsync(BrowserPage page, string what)
    {
        try
        {
            await page.Page.WaitForFunctionAsync(Settled, null, new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            var state = await page.Page.GetAttributeAsync("#search-results", "data-state");
            throw new TimeoutException($"{what}: the results did not render within 15 s (data-state {state}); console: " +
                                       string.Join("; ", page.ConsoleErrors) + "; requests: " + string.Join("; ", page.FailedRequests));
        }
        var final = await page.Page.GetAttributeAsync("#search-results", "data-state");
        final.ShouldBe("done", $"{what}: {await page.Page.TextContentAsync("#search-results")}");
    }

    /// <summary>Marks the rendered results as old, so <see cref="WaitFreshAsync"/> waits for the next rendering.</summary>
    private static Task StaleAsync(BrowserPage page) =>
        page.Page.EvaluateAsync("() => { const s = document.getElementById('search-results').firstElementChild; if (s) s.setAttribute('data-test-stale', ''); }");

    private static Task WaitFreshAsync(BrowserPage page, string what) => WaitDoneAsync(page, what);

    /// <summary>Clicks 显示更多 until every hit is shown.</summary>
    private static async Task ShowAllAsync(BrowserPage page)
    {
        for (var clicks = 0; await page.Page.Locator("#search-more").CountAsync() > 0; clicks++)
        {
            clicks.ShouldBeLessThan(1000, "显示更多 never goes away");
            var before = await page.Page.Locator("li.search-hit").CountAsync();
            await page.Page.ClickAsync("#search-more");
            await page.Page.WaitForFunctionAsync(
                "n => document.querySelectorAll('li.search-hit').length > n && document.getElementById('search-results').dataset.state !== 'loading'",
                before, new() { Timeout = 15_000 });
            (await page.Page.GetAttributeAsync("#search-results", "data-state")).ShouldBe("done", "after 显示更多");
        }
    }
}
