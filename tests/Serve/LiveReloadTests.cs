using Baoku.Serve;

namespace Baoku.Tests.Serve;

public class LiveReloadTests
{
    static readonly Problem Broken = new(ProblemCodes.Title, "content/2023/01/a.md", 3, "title（标题）不能是 <script>alert(1)</script> (bad title)");

    [Fact]
    public void TheScriptGoesBeforeTheLastClosingBodyTag()
    {
        var html = "<html><body><p>&lt;/body&gt;</p></BODY></html>";
        var served = LiveReload.Inject(html, []);
        served.ShouldStartWith("<html><body><p>&lt;/body&gt;</p><script id=\"baoku-live-reload\">");
        served.ShouldEndWith("</script></BODY></html>");
        served.ShouldNotContain(ErrorPanel.Id);
    }

    [Fact]
    public void APageWithoutABodyTagGetsTheScriptAtTheEnd()
    {
        LiveReload.Inject("<p>x", []).ShouldStartWith("<p>x<script");
    }

    [Fact]
    public void TheScriptUsesNothingFromOutside()
    {
        LiveReload.Script.ShouldNotContain(" src=");
        LiveReload.Script.ShouldNotContain("http");
        LiveReload.Script.ShouldContain("new EventSource(\"/__baoku/events\")");
        LiveReload.Script.ShouldContain("location.reload()");
    }

    [Fact]
    public void ThePanelNamesFileAndLineAndEscapesTheMessage()
    {
        var served = LiveReload.Inject("<body></body>", [Broken]);
        served.ShouldContain("content/2023/01/a.md:3: error: title（标题）不能是 &lt;script&gt;alert(1)&lt;/script&gt; (bad title)");
        served.ShouldNotContain("<script>alert");
        served.IndexOf(ErrorPanel.Id, StringComparison.Ordinal).ShouldBeLessThan(served.IndexOf("baoku-live-reload", StringComparison.Ordinal));
    }

    [Fact]
    public void ThePanelShowsFilesRelativeToTheWorkingFolderAndCutsLongLists()
    {
        var baseDir = Path.Combine(Path.GetTempPath(), "site");
        var many = Enumerable.Range(1, 60).Select(i => new Problem(ProblemCodes.Title, Path.Combine(baseDir, "content", $"{i}.md"), i, "bad")).ToList();
        var panel = ErrorPanel.Html(many, baseDir);
        panel.ShouldContain("<li>content/1.md:1: error: bad</li>");
        panel.ShouldNotContain(baseDir);
        panel.ShouldNotContain("content/51.md");
        panel.ShouldContain("另有 10 个错误");
    }
}
