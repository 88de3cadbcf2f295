using System.Diagnostics;
using System.Xml;
using Baoku.Build;
using Baoku.Check;
using Xunit.Abstractions;

namespace Baoku.Tests.Check;

/// <summary>
/// Hostile inputs of issue 17 beyond the catalogue's one finding each: what reaches the site (nothing from outside
/// the project, feeds that are XML), what is printed (control characters escaped) and how long a hostile article takes.
/// </summary>
public class HostileInputTests(ITestOutputHelper output)
{
    const string Fm = "---\ntitle: 测试文章的标题\ndate: 2023-01-12\nslug: bad\n---\n\n";
    const string Body = "这是一篇正常的测试文章，正文比标题长得多，没有任何问题。\n";

    static BuildResult Build(CheckSandbox s) =>
        SiteBuild.Run(new BuildOptions(s.Content, s.SiteYml, s.Templates, Path.Combine(s.Root, "public"), false));

    [Fact]
    public void ASymlinkInTemplatesToAFileOutsideIsNeverPublished()
    {
        using var s = new CheckSandbox();
        s.Write("content/2023/01/good.md", Fm.Replace("slug: bad", "slug: good") + Body);
        s.Link("templates/assets/passwd.txt", "/etc/passwd");

        var build = Build(s);

        build.HasErrors.ShouldBeTrue();
        build.Problems.ShouldContain(p => p.Code.Id == "BK080" && p.File.EndsWith("templates/assets/passwd.txt"));
        var published = Path.Combine(s.Root, "public");
        if (Directory.Exists(published))
            Directory.GetFiles(published, "*", SearchOption.AllDirectories).ShouldNotContain(f => File.ReadAllText(f).Contains("root:x:0:0"));
    }

    [Fact]
    public void ControlCharactersInTitleBodyAndSiteTitleStillGiveWellFormedFeeds()
    {
        using var s = new CheckSandbox();
        s.Write("site.yml", string.Join("\n", File.ReadAllLines(s.SiteYml).Select(l => l.StartsWith("title:") ? "title: \"报\\x01库\"" : l)) + "\n");
        s.Write("content/2023/01/bad.md", Fm.Replace("测试文章的标题", "\"测试\\x01文章\\x1f的标题\"") + "第一段\f正文比标题长得多，没有任何问题，这是一段。\n\f\n第二段。\n");

        var build = Build(s);

        build.HasErrors.ShouldBeFalse(string.Join("\n", build.Problems));
        var feeds = Directory.GetFiles(Path.Combine(s.Root, "public"), "*.xml", SearchOption.AllDirectories);
        feeds.ShouldNotBeEmpty();
        foreach (var feed in feeds)
        {
            var doc = new XmlDocument();
            Should.NotThrow(() => doc.Load(feed), feed);
        }
        var atom = File.ReadAllText(feeds.First(f => File.ReadAllText(f).Contains("<feed")));
        atom.ShouldContain("测试文章的标题");
    }

    [Fact]
    public void ANulInASlugIsPrintedEscaped()
    {
        using var s = new CheckSandbox();
        s.Write("content/2023/01/bad.md", Fm.Replace("slug: bad", "slug: \"a\\0b\\x1b[31m\"") + Body);

        var report = s.Check();

        var slug = report.Findings.Single(f => f.Code.Id == "BK112");
        slug.Line.ShouldBe(4);
        slug.Message.ShouldContain("a\\u0000b\\u001b[31m");
        slug.ToString().ShouldNotContain('\0');
        slug.ToString().ShouldNotContain('\u001b');
    }

    [Fact]
    public void TheEmptyLinkArticleOf300KbIsJudgedInUnderTenSecondsAndPrintsItsTime()
    {
        using var s = new CheckSandbox();
        s.Write("content/2023/01/bad.md", Fm + string.Concat(Enumerable.Repeat("[](", 100_000)) + "\n");

        var clock = Stopwatch.StartNew();
        var report = s.Check();
        var checkTime = clock.Elapsed;
        clock.Restart();
        var build = Build(s);
        var buildTime = clock.Elapsed;

        output.WriteLine($"bench: [](×100,000 (300 KB): check {checkTime.TotalMilliseconds:F0} ms, build {buildTime.TotalMilliseconds:F0} ms (was 22.5 s / ~40 s)");
        report.Findings.ShouldContain(f => f.Code.Id == "BK173" && f.Line == 7);
        build.Problems.ShouldContain(p => p.Code.Id == "BK173");
        checkTime.ShouldBeLessThan(TimeSpan.FromSeconds(10));   // generous: the figure above is the measure
        buildTime.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void ASymlinkInsideContentToAnotherArticleThereIsFine()
    {
        using var s = new CheckSandbox();
        s.Write("content/2023/01/real.md", Fm.Replace("slug: bad", "slug: real") + Body);
        s.Link("content/2023/02", Path.Combine(s.Content, "2023", "01"));

        var report = s.Check();

        report.Findings.ShouldNotContain(f => f.Code.Id == "BK174");
    }
}
