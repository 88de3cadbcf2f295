using System.Text;
using Baoku.Tests.Support;

namespace Baoku.Tests.Import;

/// <summary>The import run end to end: what stops it, what it reads, and that every raw line is reported (what it writes: Write/ArticleFilesTests).</summary>
public class ImporterTests
{
    [Fact]
    public void AnErrorOnAnyPageWritesNothing()
    {
        using var s = new ImportSandbox("000");
        s.WriteSeed("999_empty.txt", "");
        var r = s.Run();
        r.HasErrors.ShouldBeTrue();
        r.Written.ShouldBeFalse();
        Directory.Exists(s.Content).ShouldBeFalse();
        r.Problems.ShouldContain(p => p.File.EndsWith("999_empty.txt") && p.Severity == ProblemSeverity.Error);
    }

    [Fact]
    public void KeepGoingImportsTheGoodPages()
    {
        using var s = new ImportSandbox("000");
        s.WriteSeed("999_empty.txt", "");
        var r = s.Run(keepGoing: true);
        r.HasErrors.ShouldBeTrue();
        s.Snapshot().Keys.Count(k => k.EndsWith(".md")).ShouldBe(3);
    }

    [Fact]
    public void BinaryFileIsRefusedByName()
    {
        using var s = new ImportSandbox();
        var bytes = new byte[2048];
        new Random(7).NextBytes(bytes);
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D }.CopyTo(bytes, 0);
        s.WriteSeed("photo.txt", bytes);
        var r = s.Run();
        r.Problems.ShouldContain(p => p.File.EndsWith("photo.txt") && p.Message.Contains("二进制"));
        Directory.Exists(s.Content).ShouldBeFalse();
    }

    [Theory]
    [InlineData("gb18030")]
    [InlineData("utf-16")]
    [InlineData("bom+crlf")]
    public void ReencodedPageGivesTheSameArticlesWithANote(string form)
    {
        using var original = new ImportSandbox("001");
        var expected = original.Run().Articles.Select(a => a.FrontMatter.Title + string.Concat(a.Body.Select(b => b.Text))).ToList();

        using var s = new ImportSandbox();
        var text = File.ReadAllText(Directory.GetFiles(original.Seeds).Single());
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        byte[] bytes = form switch
        {
            "gb18030" => Encoding.GetEncoding("GB18030").GetBytes(text),
            "utf-16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            _ => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n"))],
        };
        s.WriteSeed("001_reencoded.txt", bytes);
        var r = s.Run();
        r.HasErrors.ShouldBeFalse();
        r.Articles.Select(a => a.FrontMatter.Title + string.Concat(a.Body.Select(b => b.Text))).ShouldBe(expected);
        r.Pages.Single().Notes.ShouldNotBeEmpty();
    }

    [Fact]
    public void PageWithNoRecognisableArticleIsAnErrorNamingTheFile()
    {
        using var s = new ImportSandbox();
        s.WriteSeed("ads.txt", "分类信息\n\n招 聘\n\n8425招会计、司机。13777532527\n");
        var r = s.Run();
        r.Problems.ShouldContain(p => p.File.EndsWith("ads.txt") && p.Message.Contains("no recognisable article"));
        r.Written.ShouldBeFalse();
    }

    [Fact]
    public void MissingPagesFolderIsReportedByName()
    {
        using var s = new ImportSandbox();
        var r = s.Run(input: Path.Combine(s.Root, "no-such-folder"));
        r.Problems.ShouldContain(p => p.Severity == ProblemSeverity.Error && p.Message.Contains("no-such-folder"));
    }

    [Fact]
    public void MalformedSiteYmlIsReportedWithItsLine()
    {
        using var s = new ImportSandbox("000");
        File.WriteAllText(s.SiteYml, "title: 报库\ncampaigns:\n  - name: [unclosed\n");
        var r = s.Run();
        r.Problems.ShouldContain(p => p.File.EndsWith("site.yml") && p.Line != null && p.Severity == ProblemSeverity.Error);
        Directory.Exists(s.Content).ShouldBeFalse();
    }

    [Fact]
    public void SidecarDateWinsOverInference()
    {
        using var s = new ImportSandbox("003");
        File.WriteAllText(Path.Combine(s.Seeds, "003_64c2b03470ce42da.yml"), "date: 2020-05-30\npage: 第3版\n");
        var r = s.Run();
        r.Articles.ShouldAllBe(a => a.FrontMatter.Date == new DateOnly(2020, 5, 30) && a.FrontMatter.DateConfidence == "explicit");
        r.Articles.ShouldAllBe(a => a.FrontMatter.Source!.Page == "第3版");
    }

    [Fact]
    public void EveryRawLineBelongsToExactlyOneReportItem()
    {
        using var s = new ImportSandbox("000", "001", "002", "003", "004");
        var r = s.Run();
        foreach (var page in r.Pages)
        {
            var lineCount = File.ReadAllLines(Path.Combine(s.Seeds, page.File)).Length;
            var covered = page.Items.SelectMany(i => ExpandRanges(i.Lines)).ToList();
            covered.ShouldBeUnique();
            covered.Order().ShouldBe(Enumerable.Range(1, lineCount), $"{page.File} lines not covered exactly once");
        }
    }

    static IEnumerable<int> ExpandRanges(string ranges) =>
        ranges.Split(", ").SelectMany(r =>
        {
            var p = r.Split('-');
            int a = int.Parse(p[0]), b = int.Parse(p[^1]);
            return Enumerable.Range(a, b - a + 1);
        });
}
