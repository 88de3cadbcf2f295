using System.Net;
using System.Text;
using Baoku.Tests.Support.Web;

namespace Baoku.Tests.Web;

/// <summary>
/// Shows that the web test harness works, and can fail: the static server, Chromium through Playwright, the Nu HTML
/// Checker, axe-core and w3m, on the small fixture site tests/Fixtures/MiniSite and on pages broken on purpose.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HarnessTests(BrowserFixture browser) : IDisposable
{
    private static readonly string MiniSite = RepoPaths.Fixture("MiniSite");
    private readonly string temp = Directory.CreateTempSubdirectory("baoku-web-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private string WriteTemp(string name, string html)
    {
        var path = Path.Combine(temp, name);
        File.WriteAllText(path, html, new UTF8Encoding(false));
        return path;
    }

    // Broken on purpose: a <p> closed twice, an unclosed <div>, a <li> outside a list, an <img> with no alt and a
    // form field with no label.
    private const string BrokenPage = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>坏页面</title></head>
        <body>
        <main>
        <p>第一段</p></p>
        <div>没有关闭
        <li>列表之外的条目</li>
        <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
        <input type="text" name="q">
        </main>
        </body>
        </html>
        """;

    [Fact]
    public async Task Server_answers_like_a_static_host_under_the_sub_path()
    {
        await using var server = new StaticSiteServer(MiniSite, "/baoku/");
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        server.BaseUrl.ToString().ShouldBe($"http://127.0.0.1:{server.Port}/baoku/");

        var home = await http.GetAsync(server.Url());
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        home.Content.Headers.ContentType!.ToString().ShouldBe("text/html; charset=utf-8");
        (await home.Content.ReadAsStringAsync()).ShouldContain("人民日报旧闻选读");

        var bare = await http.GetAsync(new Uri(server.BaseUrl, "/baoku"));
        bare.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        bare.Headers.Location!.OriginalString.ShouldBe("/baoku/");

        var directory = await http.GetAsync(server.Url("about?x=1"));
        directory.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        directory.Headers.Location!.OriginalString.ShouldBe("/baoku/about/?x=1");

        (await http.GetAsync(server.Url("about/"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.GetAsync(server.Url("style.css"))).Content.Headers.ContentType!.ToString().ShouldBe("text/css; charset=utf-8");
        (await http.GetAsync(server.Url("site.js"))).Content.Headers.ContentType!.ToString().ShouldBe("text/javascript; charset=utf-8");
        (await http.GetAsync(server.Url("logo.svg"))).Content.Headers.ContentType!.ToString().ShouldBe("image/svg+xml");

        var missing = await http.GetAsync(server.Url("no/such/page/"));
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("找不到页面");

        var outside = await http.GetAsync(new Uri(server.BaseUrl, "/style.css"));
        outside.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outside.Content.ReadAsStringAsync()).ShouldContain("outside the site's base path");

        (await http.GetAsync(server.Url("../../../etc/passwd"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await http.GetAsync(new Uri(server.BaseUrl, "/baoku/%2e%2e/%2e%2e/etc/passwd"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var css = server.Requests.Single(r => r.Path == "/baoku/style.css");
        (css.Status, css.Bytes).ShouldBe((200, new FileInfo(Path.Combine(MiniSite, "style.css")).Length));
        server.Requests.Count(r => r.Status == 301).ShouldBe(2);
        server.BytesServed.ShouldBe(server.Requests.Sum(r => r.Bytes));
    }

    [Fact]
    public async Task Chromium_loads_both_pages_over_http_without_errors()
    {
        await using var server = new StaticSiteServer(MiniSite, "/baoku/");
        await using var page = await browser.OpenPageAsync();

        var home = await page.GotoAsync(server.Url());
        home!.Status.ShouldBe(200);
        (await page.Page.TitleAsync()).ShouldBe("宝库测试小站");
        (await page.Page.EvaluateAsync<string>("() => document.documentElement.dataset.js")).ShouldBe("on");
        (await page.Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('h1')).color")).ShouldBe("rgb(158, 27, 27)");
        (await page.Page.EvaluateAsync<bool>("() => document.querySelector('img').naturalWidth > 0")).ShouldBeTrue();

        await page.Page.ClickAsync("text=关于本站");
        await page.Page.WaitForURLAsync(server.Url("about/").AbsoluteUri);
        (await page.Page.TextContentAsync("h1")).ShouldBe("关于本站");

        page.ShouldHaveNoErrors();
        server.Requests.Where(r => r.Path == "/baoku/style.css").ShouldNotBeEmpty();
        server.Requests.ShouldAllBe(r => r.Status == 200);
    }

    [Fact]
    public async Task Chromium_records_errors_and_serves_the_404_page()
    {
        await using var server = new StaticSiteServer(MiniSite, "/baoku/");
        await using var page = await browser.OpenPageAsync();

        var response = await page.GotoAsync(server.Url("no/such/page/"));
        response!.Status.ShouldBe(404);
        (await page.Page.TextContentAsync("h1")).ShouldBe("找不到页面");
        page.FailedRequests.ShouldContain(f => f.EndsWith("/baoku/no/such/page/: 404"));

        await page.Page.EvaluateAsync("() => { console.error('故意的错误'); setTimeout(() => { throw new Error('boom'); }); }");
        await page.Page.WaitForTimeoutAsync(100);
        page.ConsoleErrors.ShouldContain("故意的错误");
        page.ConsoleErrors.ShouldContain(e => e.Contains("boom"));
        Should.Throw<ShouldAssertException>(page.ShouldHaveNoErrors);
    }

    [Fact]
    public async Task With_JavaScript_off_the_page_loads_but_its_scripts_do_not_run()
    {
        await using var server = new StaticSiteServer(MiniSite, "/baoku/");
        await using var page = await browser.OpenPageAsync(javaScript: false);

        await page.GotoAsync(server.Url());
        (await page.Page.TextContentAsync("h1")).ShouldBe("人民日报旧闻选读");
        (await page.Page.GetAttributeAsync("html", "data-js")).ShouldBeNull();
        page.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Chromium_opens_the_site_from_disk_and_takes_a_full_page_screenshot()
    {
        await using var page = await browser.OpenPageAsync(width: 800, height: 300);

        await page.OpenFileAsync(Path.Combine(MiniSite, "index.html"));
        page.Page.Url.ShouldStartWith("file:///");
        (await page.Page.TitleAsync()).ShouldBe("宝库测试小站");
        (await page.Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('h1')).color")).ShouldBe("rgb(158, 27, 27)");

        var shot = Path.Combine(temp, "shots", "index.png");
        await page.ScreenshotAsync(shot);
        var png = await File.ReadAllBytesAsync(shot);
        png.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        var height = (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23];
        height.ShouldBeGreaterThan(300, "a full-page screenshot is taller than the 300 px viewport");

        await page.OpenFileAsync(Path.Combine(MiniSite, "about", "index.html"));
        (await page.Page.TextContentAsync("h1")).ShouldBe("关于本站");
        page.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Nu_checker_passes_the_fixture_and_fails_a_broken_page()
    {
        var fixture = await HtmlChecker.CheckFolderAsync(MiniSite);
        fixture.Errors.ShouldBeEmpty(fixture.DescribeErrors());

        WriteTemp("broken.html", BrokenPage);
        var broken = await HtmlChecker.CheckFolderAsync(temp);
        broken.Errors.ShouldNotBeEmpty();
        broken.Errors.ShouldAllBe(e => e.File == "broken.html");
        broken.Errors.ShouldContain(e => e.Line == 6 && e.Message.Contains("No “p” element in scope"), broken.DescribeErrors());
        broken.Errors.ShouldContain(e => e.Message.Contains("alt"), broken.DescribeErrors());

        // The allow-list is applied to the report (CheckFolderAsync(folder, allow) does the same in one call): it keeps
        // this test to two runs of the checker.
        var allowed = broken.Allowing("No “p” element in scope");
        allowed.Allowed.Count.ShouldBe(1);
        allowed.Errors.Count.ShouldBe(broken.Errors.Count - 1);
    }

    [Fact]
    public async Task Axe_passes_the_fixture_and_fails_an_inaccessible_page()
    {
        await using var server = new StaticSiteServer(MiniSite, "/baoku/");
        await using var page = await browser.OpenPageAsync();
        foreach (var url in new[] { server.Url(), server.Url("about/") })
        {
            await page.GotoAsync(url);
            var result = await AxeChecker.RunAsync(page.Page);
            result.SeriousOrCritical.ShouldBeEmpty(result.Describe());
        }

        await page.OpenFileAsync(WriteTemp("inaccessible.html", BrokenPage));
        var broken = await AxeChecker.RunAsync(page.Page);
        var ids = broken.SeriousOrCritical.Select(v => v.Id).ToList();
        ids.ShouldContain("image-alt", broken.Describe());
        ids.ShouldContain("label", broken.Describe());
        broken.SeriousOrCritical.Single(v => v.Id == "image-alt").Targets.ShouldBe(["img"]);
    }

    [Fact]
    public async Task W3m_dumps_the_chinese_text_from_disk_and_over_http()
    {
        var fromDisk = await TextBrowser.DumpAsync(Path.Combine(MiniSite, "index.html"));
        fromDisk.ShouldContain("人民日报旧闻选读");
        fromDisk.ShouldContain("各地农村积极组织劳动力");

        await using var server = new StaticSiteServer(MiniSite, "/baoku/");
        var overHttp = await TextBrowser.DumpAsync(server.Url("about/"));
        overHttp.ShouldContain("本站收录旧报纸的文章");
        server.Requests.ShouldContain(r => r.Path == "/baoku/about/" && r.Status == 200);
    }
}
