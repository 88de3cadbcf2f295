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
    public void PageWithNoRecognisableArticleIsAWarningNamingTheFileAndTheImportGoesOn()
    {
        using var s = new ImportSandbox("000");
        s.WriteSeed("ads.txt", "分类信息\n\n招 聘\n\n8425招会计、司机。13777532527\n");
        var r = s.Run();
        var warning = r.Problems.ShouldHaveSingleItem();
        (warning.File, warning.Severity, warning.Code).ShouldBe(("ads.txt", ProblemSeverity.Warning, ProblemCodes.NoArticle));
        r.HasErrors.ShouldBeFalse();
        r.Written.ShouldBeTrue();
        r.Articles.ShouldNotBeEmpty();   // the other page's articles
    }

    /// <summary>Text the importer cannot place (no headline, no byline) is not lost in the report: it becomes a draft asking for review.</summary>
    [Fact]
    public void TextWithoutHeadlineOrBylineBecomesADraftAskingForReview()
    {
        using var s = new ImportSandbox();
        s.WriteSeed("scrap.txt", "3月5日，城西街道在三个社区新建共享书屋，向居民免费开放，每家书屋藏书两千余册。\n\n街道负责人介绍，书屋由社区志愿者轮流值守。\n");
        var r = s.Run();
        r.HasErrors.ShouldBeFalse();
        var draft = r.Articles.ShouldHaveSingleItem().FrontMatter;
        draft.Draft.ShouldBeTrue();
        draft.Review.ShouldContain(x => x.Contains("没有找到标题"));
        File.ReadAllText(Path.Combine(s.Content, r.Articles[0].RelativePath)).ShouldContain("review:");
    }

    /// <summary>A page of one 5 MB line (a bad export) is read like any other text: no crash, no line lost.</summary>
    [Fact]
    public void APageOfOneFiveMegabyteLineIsImportedWithoutLosingIt()
    {
        using var s = new ImportSandbox();
        var line = "本报讯" + string.Concat(Enumerable.Repeat("开发区企业推动党的二十大精神落地见效，", 88_000)) + "。";
        System.Text.Encoding.UTF8.GetByteCount(line).ShouldBeGreaterThan(5_000_000);
        s.WriteSeed("long.txt", line + "\n");
        var r = s.Run();
        r.HasErrors.ShouldBeFalse(string.Join("\n", r.Problems));
        var page = r.Pages.ShouldHaveSingleItem();
        page.Items.Sum(i => i.Lines.Length).ShouldBeGreaterThan(0);
        r.Articles.ShouldHaveSingleItem().Body.Sum(b => b.Text.Length).ShouldBe(line.Length - "本报讯".Length);
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
