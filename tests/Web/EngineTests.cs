using Baoku.Search;
using Baoku.Tests.Search;
using Baoku.Tests.Support.Web;
using Xunit.Abstractions;

namespace Baoku.Tests.Web;

/// <summary>
/// The core browser checks in Firefox ESR and WebKitGTK, beside Chromium (the third engine, in the other tests of the
/// collection: <see cref="SearchBrowserTests"/>, <see cref="RealSiteNavigationTests"/>, <see cref="RealSiteLayoutTests"/>).
/// tests/tools/engines/run.mjs runs every check in one browser per engine (and one more with JavaScript off), started
/// once by <see cref="EnginesFixture"/>; each test here reads one engine's result for one check, so a failing test's
/// name says which engine and which check broke, and its message carries what the driver saw.
/// <list type="bullet">
/// <item><b>search-http</b>: the search page under the sub-path /baoku/ for a single character, two words, a query with no
/// results, a campaign and year filter, and a query whose hits span pages (显示更多 clicked until all show): data-state
/// done, the box holds the query, data-count and every hit's href in order equal the C# <see cref="SearchEngine"/>'s.</item>
/// <item><b>search-file</b>: the same from disk over file://.</item>
/// <item><b>back-forward</b>: type a query and press Enter, open the first hit, history.back(): the box holds the query
/// and the hits show again; forward and back once more.</item>
/// <item><b>large-text</b>: clicking 大字号 on an article enlarges the body text, is stored, and the next page (a link
/// away) opens with it on.</item>
/// <item><b>no-js</b>: with JavaScript off, the search page says search needs JavaScript and shows the ways to browse
/// (over http and file://), the home page lists articles with the stylesheet applied, an article's title and text
/// show, and 大字号 (CSS alone) works.</item>
/// </list>
/// </summary>
[Collection(RealSiteCollection.Name)]
public sealed class EngineTests(RealSiteFixture site, EnginesFixture engines, ITestOutputHelper output)
{
    /// <summary>
    /// Checks that fail today because of a known reader defect that another branch is fixing in templates/, with the
    /// text of the failure that defect gives. They are not in <see cref="Core_browser_check"/> but in
    /// <see cref="KNOWN_DEFECT_check_fails_until_its_fix_is_merged"/>, so the test list names them as known defects: that
    /// test passes only while the check fails with that text (another failure still fails it), and once the check passes
    /// it fails, asking for the entry to go. <b>Remove an entry when its fix is merged, to switch the check on.</b>
    /// </summary>
    public static readonly Dictionary<(string Engine, string Check), (string Symptom, string Defect)> ExpectedFailures = new()
    {
    };

    /// <summary>Every engine × check that is switched on (not a known defect).</summary>
    public static TheoryData<string, string> EngineChecks => Pairs(known: false);

    /// <summary>
    /// The engine × check pairs in <see cref="ExpectedFailures"/>, or one row ("none", "none") when there are none (a
    /// theory without rows fails in xunit 2).
    /// </summary>
    public static TheoryData<string, string> KnownDefects => ExpectedFailures.Count > 0 ? Pairs(known: true) : new() { { "none", "none" } };

    private static TheoryData<string, string> Pairs(bool known)
    {
        var data = new TheoryData<string, string>();
        foreach (var engine in EnginesFixture.Engines)
            foreach (var check in EnginesFixture.Checks)
                if (ExpectedFailures.ContainsKey((engine, check)) == known)
                    data.Add(engine, check);
        return data;
    }

    [Theory]
    [MemberData(nameof(EngineChecks))]
    public async Task Core_browser_check(string engine, string check)
    {
        var result = await RunCheckAsync(engine, check);
        result.Ok.ShouldBeTrue($"{engine} {check}: {result.Details}");
    }

    /// <summary>
    /// A check that fails today because of a known defect (<see cref="ExpectedFailures"/>): reported under this name so
    /// that it is seen, and kept honest both ways: it must fail with the defect's symptom, and it fails once the check
    /// passes, so that the entry is removed and the check joins <see cref="Core_browser_check"/>.
    /// </summary>
    [Theory]
    [MemberData(nameof(KnownDefects))]
    public async Task KNOWN_DEFECT_check_fails_until_its_fix_is_merged(string engine, string check)
    {
        if (!ExpectedFailures.TryGetValue((engine, check), out var known))
        {
            output.WriteLine("no known defects: every check is switched on in Core_browser_check");
            return;
        }
        var result = await RunCheckAsync(engine, check);
        result.Ok.ShouldBeFalse($"{engine} {check} passes now: the fix for {known.Defect} is in. Remove ({engine}, {check}) " +
                                "from EngineTests.ExpectedFailures to switch the check on.");
        result.Details.ShouldContain(known.Symptom, Case.Sensitive,
            $"{engine} {check} is an expected failure because of {known.Defect}, but it fails for another reason: {result.Details}");
        output.WriteLine($"EXPECTED FAILURE (known defect, switched on when its fix is merged): {known.Defect}");
    }

    private async Task<EngineCheckResult> RunCheckAsync(string engine, string check)
    {
        var run = await engines.RunAsync(site, engine, () => Expectations(site));
        var result = run.Check(check);
        foreach (var browser in run.Browsers) output.WriteLine(browser);
        output.WriteLine($"{engine} {check}: {(result.Ok ? "passed" : "failed")} in {result.Milliseconds / 1000.0:0.0} s " +
                         $"(the whole run of {engine}: {run.Elapsed.TotalSeconds:0.0} s)\n{result.Details}");
        return result;
    }

    /// <summary>The driver ends its browsers itself; the fixture ends and names whatever of the run is still alive after it.</summary>
    [Theory]
    [InlineData(EnginesFixture.Firefox)]
    [InlineData(EnginesFixture.WebKit)]
    public async Task An_engine_run_leaves_no_process_behind_and_gets_no_error_status_from_the_server(string engine)
    {
        var run = await engines.RunAsync(site, engine, () => Expectations(site));
        output.WriteLine($"{engine}: {run.Elapsed.TotalSeconds:0.0} s, exit {run.ExitCode}, {run.Requests.Count} requests over http");
        foreach (var c in run.Checks) output.WriteLine($"  {c.Check}: {(c.Ok ? "ok" : "FAILED")} {c.Milliseconds / 1000.0:0.0} s");
        if (run.StandardError.Length > 0) output.WriteLine("standard error:\n" + run.StandardError);
        run.LeftBehind.ShouldBeEmpty($"processes of the {engine} run were still alive 15 s after the driver ended (the fixture killed them)");
        run.ExitCode.ShouldNotBeNull($"the {engine} driver did not end within {EnginesFixture.RunTimeout.TotalMinutes:0} minutes and was killed");
        run.Checks.Select(c => c.Check).ShouldBe(EnginesFixture.Checks, ignoreOrder: true, $"every check reported once; standard error:\n{run.StandardError}");
        run.Requests.ShouldNotBeEmpty($"{engine} loaded the site over http");
        // Firefox asks for /favicon.ico at the host root on its own, now and then, although every page names its icon
        // (assets/favicon.svg); a site under a sub-path cannot answer that, so it is logged and not counted.
        var guesses = run.Requests.Where(r => r is { Status: 404, Path: "/favicon.ico" }).ToList();
        if (guesses.Count > 0) output.WriteLine($"{engine} asked {guesses.Count} time(s) for /favicon.ico at the host root (the browser's own guess)");
        var errors = run.Requests.Where(r => r.Status >= 400).Except(guesses).ToList();
        errors.ShouldBeEmpty($"{engine} asked for something the site does not have: {string.Join(", ", errors)}");
    }

    /// <summary>
    /// The fixture's last line of cleaning, on its own: a process of a run whose parent is gone (as a browser is when its
    /// driver is killed) is found by the run's marker in its environment and ended by pid; a process without it is not.
    /// </summary>
    [Fact]
    public async Task The_fixture_finds_and_ends_a_process_of_a_run_whose_parent_is_gone()
    {
        var marker = "harness-" + Guid.NewGuid().ToString("N");
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-c", "sleep 300 >/dev/null 2>&1 </dev/null & echo $!" }) start.ArgumentList.Add(a);
        start.Environment[EnginesFixture.MarkerVariable] = marker;
        int orphan;
        using (var shell = System.Diagnostics.Process.Start(start)!)
        {
            orphan = int.Parse((await shell.StandardOutput.ReadLineAsync())!);
            await shell.WaitForExitAsync();
        }
        try
        {
            EnginesFixture.MarkedProcesses(marker).ShouldBe([(orphan, "sleep")], "the orphaned sleep carries the marker");
            EnginesFixture.MarkedProcesses("harness-other").ShouldBeEmpty("another run's marker finds nothing");
            var ended = await EnginesFixture.EndMarkedProcessesAsync(marker, TimeSpan.FromMilliseconds(500));
            ended.ShouldBe([$"sleep ({orphan})"], "the sleep outlived the grace and was ended");
            for (var waited = 0; EnginesFixture.MarkedProcesses(marker).Count > 0; waited += 100)
            {
                waited.ShouldBeLessThan(10_000, "the ended sleep is gone");
                await Task.Delay(100);
            }
        }
        finally
        {
            try { using var p = System.Diagnostics.Process.GetProcessById(orphan); if (p.ProcessName == "sleep") p.Kill(); }
            catch (ArgumentException) { /* gone, as it should be */ }
        }
    }

    // ---- what the pages must show, from the C# side ------------------------------------------------------------------

    /// <summary>The query-set cases the engines run: a single character, two words, no result, both filters.</summary>
    public static readonly string[] QueryCases = ["single character", "two words", "no result", "filter by campaign and year"];

    /// <summary>Candidates for a query whose hits span more than one page (10 hits a page) on the real content.</summary>
    public static readonly string[] PagedQueries = ["的", "发展", "开发区", "企业", "在"];

    /// <summary>The expectations file of tests/tools/engines/run.mjs (see the comment at its top), from the C# engine.</summary>
    public static object Expectations(RealSiteFixture site)
    {
        var http = SearchEngine.Open(site.HttpSite);
        var file = SearchEngine.Open(site.FileSite);
        var paged = PagedQueries.FirstOrDefault(q => http.Search(q).Hits.Count > 10)
                    ?? throw new InvalidOperationException("no query with more than 10 hits on the real content: paging cannot be checked");
        var cases = QueryCases.Select(name => SearchQuerySet.Cases.Single(c => c.Name == name))
            .Append(new SearchCase("hits on more than one page", paged)).ToList();

        object Case(SearchEngine engine, SearchCase c)
        {
            int? campaign = c.Campaign is null ? null : engine.Campaigns.ToList().IndexOf(c.Campaign);
            if (campaign < 0) throw new InvalidOperationException($"the campaign {c.Campaign} is not in the search index");
            var result = engine.Search(c.Query, campaign, c.Year);
            return new { name = c.Name, query = c.Query, campaign, year = c.Year, count = result.Hits.Count, hrefs = Hrefs(engine, result) };
        }

        var backQuery = "清廉";
        var backHits = Hrefs(http, http.Search(backQuery)).Take(10).ToList();
        if (backHits.Count == 0) throw new InvalidOperationException($"“{backQuery}” finds nothing: back/forward cannot open a hit");
        var article = site.Articles.OrderByDescending(a => a.Meta.Date).First();
        var articlePath = $"{article.Meta.Date:yyyy}/{article.Meta.Date:MM}/{article.Slug}/index.html";

        return new
        {
            search = new { http = cases.Select(c => Case(http, c)).ToList(), file = cases.Select(c => Case(file, c)).ToList() },
            backForward = new { query = backQuery, hrefs = backHits },
            largeText = new { article = articlePath },
            noJs = new
            {
                search = "search/index.html?q=" + Uri.EscapeDataString(backQuery),
                browse = new[] { "campaigns/index.html", "archive/index.html" },
                home = new { h1 = site.Config.Title },
                article = new { path = articlePath, h1 = article.Meta.Title },
            },
        };
    }

    /// <summary>The href a hit's link has on search/index.html: relative to search/, to the article's index.html.</summary>
    private static List<string> Hrefs(SearchEngine engine, SearchResult result) =>
        result.Hits.Select(h => engine.Document(h.Id).Url).Select(u => "../" + u + (u.EndsWith('/') ? "index.html" : "")).ToList();
}
