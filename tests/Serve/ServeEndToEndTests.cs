using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Baoku.Serve;

namespace Baoku.Tests.Serve;

/// <summary>
/// <c>baoku serve</c> end to end on a copy of the repo's site in a temp folder, in-process on a free port: what it
/// serves, the live-reload script, rebuilding on an edit, and a broken edit shown on the pages instead of stopping.
/// </summary>
public class ServeEndToEndTests
{
    const string Article = "2023/01/20230112-c58276a3/";
    const string ArticleFile = "content/2023/01/20230112-c58276a3.md";
    const string Title = "政企同心 携手打造世界五金之都";

    [Fact]
    public async Task ServesPagesWithTheLiveReloadScriptOnlyInTheResponse()
    {
        using var s = new ServeSandbox();
        s.Url.Host.ShouldBe("127.0.0.1");

        var (status, type, body) = await s.GetAsync(Article);
        status.ShouldBe(HttpStatusCode.OK);
        type.ShouldBe("text/html; charset=utf-8");
        body.ShouldContain(Title);
        body.ShouldContain($"<script id=\"{LiveReload.ScriptMarker}\">");
        body.ShouldContain(LiveReload.EventsPath);
        body.IndexOf(LiveReload.ScriptMarker, StringComparison.Ordinal).ShouldBeLessThan(body.LastIndexOf("</body>", StringComparison.Ordinal));
        body.ShouldNotContain(ErrorPanel.Id);

        // The built files stay as a build writes them.
        var onDisk = File.ReadAllText(Path.Combine(s.Output, Article, "index.html"));
        onDisk.ShouldContain(Title);
        onDisk.ShouldNotContain(LiveReload.ScriptMarker);
        onDisk.ShouldNotContain("__baoku");

        // The home page is index.html of the root.
        (await s.GetAsync("")).Body.ShouldContain(LiveReload.ScriptMarker);
    }

    [Fact]
    public async Task ServesAssetsWithTheirTypesRedirectsFoldersAndAnswersMissingPagesWithTheSites404()
    {
        using var s = new ServeSandbox();

        var css = await s.GetAsync("assets/style.css");
        css.Status.ShouldBe(HttpStatusCode.OK);
        css.ContentType.ShouldBe("text/css; charset=utf-8");
        css.Body.ShouldBe(File.ReadAllText(Path.Combine(s.Output, "assets", "style.css")));   // assets unchanged: no script
        (await s.GetAsync("assets/site.js")).ContentType.ShouldBe("text/javascript; charset=utf-8");
        (await s.GetAsync("assets/favicon.svg")).ContentType.ShouldBe("image/svg+xml");
        (await s.GetAsync("feed.xml")).ContentType.ShouldBe("application/xml; charset=utf-8");
        ContentTypes.For("a/b.png").ShouldBe("image/png");
        ContentTypes.For("a/b.JPG").ShouldBe("image/jpeg");
        ContentTypes.For("a.json").ShouldStartWith("application/json");
        ContentTypes.For("f.woff2").ShouldBe("font/woff2");

        using (var folder = await s.Http.GetAsync(new Uri(s.Url, "2023/01?x=1")))
        {
            folder.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
            folder.Headers.Location!.OriginalString.ShouldBe("/2023/01/?x=1");
        }

        var missing = await s.GetAsync("no/such/page/");
        missing.Status.ShouldBe(HttpStatusCode.NotFound);
        missing.ContentType.ShouldBe("text/html; charset=utf-8");
        missing.Body.ShouldContain("找不到这个页面");            // the site's own 404.html
        missing.Body.ShouldContain(LiveReload.ScriptMarker);

        using var post = await s.Http.PostAsync(s.Url, new StringContent("x"));
        post.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }

    [Theory]
    [InlineData("/../site.yml")]
    [InlineData("/%2e%2e/site.yml")]
    [InlineData("/%2E%2E%2Fsite.yml")]
    [InlineData("/assets/..%2f..%2fsite.yml")]
    [InlineData("/..%5csite.yml")]
    public async Task RefusesPathsThatLeaveTheSiteFolder(string target)
    {
        using var s = new ServeSandbox();
        File.Exists(Path.Combine(s.Root, "site.yml")).ShouldBeTrue();   // what the path would reach, beside the preview folder
        var (status, response) = await ServeSandbox.RawGetAsync(s.Url, target);
        status.ShouldNotBe(200);
        status.ShouldBeInRange(400, 404);
        response.ShouldNotContain("base_url");
    }

    [Fact]
    public async Task ListensOnLoopbackOnly()
    {
        using var s = new ServeSandbox();
        var others = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            .ToList();
        foreach (var address in others)
        {
            using var tcp = new TcpClient();
            await Should.ThrowAsync<SocketException>(() => tcp.ConnectAsync(address, s.Url.Port));
        }
        (await s.GetAsync("")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnEditedTitleIsServedAfterTheReloadEvent()
    {
        using var s = new ServeSandbox();
        await using var events = await EventStreamClient.ConnectAsync(s.Url);
        events.ContentType.ShouldBe("text/event-stream");
        (await events.NextAsync(ServeSandbox.Patience)).ShouldBe("build 1");

        var file = Path.Combine(s.Root, ArticleFile);
        ServeSandbox.SaveLikeAnEditor(file, File.ReadAllText(file).Replace("title: " + Title, "title: 改过的标题 " + Title));

        await events.WaitForAsync("reload", ServeSandbox.Patience);
        // The reload comes after the new site is in place: the very next request has the new title.
        var (status, _, body) = await s.GetAsync(Article);
        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldContain("改过的标题 " + Title);
        s.Log.ShouldContain("20230112-c58276a3.md");
        s.Session.Builds.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task ABrokenEditShowsTheErrorOnEveryPageUntilItIsFixed()
    {
        using var s = new ServeSandbox();
        await using var events = await EventStreamClient.ConnectAsync(s.Url);
        (await events.NextAsync(ServeSandbox.Patience)).ShouldBe("build 1");
        var file = Path.Combine(s.Root, ArticleFile);
        var good = File.ReadAllText(file);

        // An invalid date whose text is HTML: the panel must show it as text.
        ServeSandbox.SaveLikeAnEditor(file, good.Replace("title: " + Title, "title: 坏的改动 " + Title).Replace("date: 2023-01-12", "date: 2023-13-45<b>x</b>"));
        await events.WaitForAsync("reload", ServeSandbox.Patience);
        var (status, _, body) = await s.GetAsync(Article);
        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldContain(Title);
        body.ShouldNotContain("坏的改动");                     // the last good site is still served
        var panel = Panel(body);
        panel.ShouldContain("20230112-c58276a3.md:4: error:");
        panel.ShouldContain("构建失败");
        panel.ShouldContain("The build failed");
        panel.ShouldContain("2023-13-45&lt;b&gt;x&lt;/b&gt;");
        panel.ShouldNotContain("<b>x</b>");
        Panel((await s.GetAsync("")).Body).ShouldContain("20230112-c58276a3.md:4");   // every page
        File.ReadAllText(Path.Combine(s.Output, "index.html")).ShouldNotContain(ErrorPanel.Id);
        s.Log.ShouldContain("20230112-c58276a3.md:4: error:");
        s.Session.Errors.ShouldNotBeEmpty();

        // Front matter that is not YAML at all: still up, the panel names the file.
        ServeSandbox.SaveLikeAnEditor(file, good.Replace("title: " + Title, "title: \"" + Title));
        await events.WaitForAsync("reload", ServeSandbox.Patience);
        Panel((await s.GetAsync(Article)).Body).ShouldContain("20230112-c58276a3.md");

        // Fixed: the panel goes and the edit shows.
        ServeSandbox.SaveLikeAnEditor(file, good.Replace("title: " + Title, "title: 修好了 " + Title));
        await events.WaitForAsync("reload", ServeSandbox.Patience);
        body = (await s.GetAsync(Article)).Body;
        body.ShouldContain("修好了 " + Title);
        body.ShouldNotContain(ErrorPanel.Id);
        s.Session.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task AFirstBuildThatFailsStillServesTheErrorsAndTheSiteOnceFixed()
    {
        using var site = new Support.BuildSandbox();
        var file = Path.Combine(site.Root, ArticleFile);
        var good = File.ReadAllText(file);
        File.WriteAllText(file, good.Replace("date: 2023-01-12", "date: 2023-13-45"));
        var log = new StringWriter();
        var output = Path.Combine(site.Root, ".baoku-preview");
        using var session = PreviewSession.Start(new ServeOptions(site.Content, site.SiteYml, site.Templates, output, false, 0), TextWriter.Synchronized(log));
        using var http = ServeSandbox.NewClient();

        Directory.Exists(output).ShouldBeFalse();
        using (var first = await http.GetAsync(session.Url))
        {
            first.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
            var body = await first.Content.ReadAsStringAsync();
            Panel(body).ShouldContain("20230112-c58276a3.md:4: error:");
            body.ShouldContain(LiveReload.ScriptMarker);
        }

        ServeSandbox.SaveLikeAnEditor(file, good);
        var deadline = DateTime.UtcNow + ServeSandbox.Patience;
        string page;
        do
        {
            await Task.Delay(250);
            page = await (await http.GetAsync(new Uri(session.Url, Article))).Content.ReadAsStringAsync();
        } while (!page.Contains(Title) && DateTime.UtcNow < deadline);
        page.ShouldContain(Title);
        page.ShouldNotContain(ErrorPanel.Id);
    }

    [Fact]
    public async Task A_broken_template_shows_its_file_line_and_column_in_the_error_panel_and_the_last_good_site_stays()
    {
        using var s = new ServeSandbox();
        await using var events = await EventStreamClient.ConnectAsync(s.Url);
        (await events.NextAsync(ServeSandbox.Patience)).ShouldBe("build 1");
        var template = Path.Combine(s.Templates, "pages", "article.sbn-html");
        var good = File.ReadAllText(template);
        ServeSandbox.SaveLikeAnEditor(template, "<h1>{{ page.title }}</h1>\n<p>{{ for x in page.tags }}</p>\n");
        await events.WaitForAsync("reload", ServeSandbox.Patience);
        var body = (await s.GetAsync(Article)).Body;
        body.ShouldContain(Title);                                  // the last good site is still served
        Panel(body).ShouldMatch(@"article\.sbn-html:2:\d+: error: 模板有语法错误");
        Panel(body).ShouldNotContain("   at ");

        ServeSandbox.SaveLikeAnEditor(template, good);
        await events.WaitForAsync("reload", ServeSandbox.Patience);
        (await s.GetAsync(Article)).Body.ShouldNotContain(ErrorPanel.Id);
    }

    [Fact]
    public async Task TemplateAndSiteConfigurationChangesRebuildToo()
    {
        using var s = new ServeSandbox();
        var footer = Path.Combine(s.Templates, "layouts", "base.sbn-html");
        ServeSandbox.SaveLikeAnEditor(footer, File.ReadAllText(footer).Replace("<footer class=\"site-footer\">", "<footer class=\"site-footer\"><p>模板改动</p>"));
        await s.WaitForPageAsync("", b => b.Contains("<p>模板改动</p>"), "template edit");

        var yml = File.ReadAllText(s.SiteYml);
        var title = System.Text.RegularExpressions.Regex.Match(yml, @"(?m)^title: *(.+)$").Groups[1].Value.Trim();
        title.ShouldNotBeEmpty();
        File.WriteAllText(s.SiteYml, yml.Replace("title: " + title, "title: 预览测试报库"));   // saved in place this time
        await s.WaitForPageAsync("", b => b.Contains("预览测试报库"), "site.yml edit");
    }

    static string Panel(string html)
    {
        var start = html.IndexOf($"<div id=\"{ErrorPanel.Id}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, "no error panel on the page");
        var end = html.IndexOf("</div>", start, StringComparison.Ordinal);
        return html[start..end];
    }
}
