using Baoku.Build;

namespace Baoku.Tests.Build;

public class LinkCheckerTests
{
    [Fact]
    public void LinksAreReadLikeAnHtmlParserReadsThem() =>
        LinkChecker.Links("<a href=\"a/index.html\">x</a><img src='b.png' alt=''><a href=x&amp;y>z</a><!-- <a href=\"c\"> --><p>href=\"d\"</p>")
            .ShouldBe(["a/index.html", "b.png", "x&y"]);

    [Fact]
    public void BrokenAndEscapingLinksAreReportedWithTheirPage()
    {
        var root = Path.Combine(Path.GetTempPath(), "baoku-links-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "a"));
        File.WriteAllText(Path.Combine(root, "index.html"), "<a href=\"a/index.html\">ok</a><a href=\"missing/index.html\">x</a><a href=\"../../etc/passwd\">y</a><a href=\"javascript:alert(1)\">z</a><a href=\"#top\">t</a><a href=\"https://example.org/\">e</a>");
        File.WriteAllText(Path.Combine(root, "a", "index.html"), "<link href=\"../style.css\" rel=stylesheet>");
        var broken = LinkChecker.Check(root, "/");
        broken.Select(b => (b.Page, b.Link)).ShouldBe([("a/index.html", "../style.css"), ("index.html", "../../etc/passwd"), ("index.html", "javascript:alert(1)"), ("index.html", "missing/index.html")]);
        Directory.Delete(root, true);
    }
}
