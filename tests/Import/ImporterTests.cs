using System.Text;
using Baoku.Import.Write;
using Baoku.Tests.Support;

namespace Baoku.Tests.Import;

public class ImporterTests
{
    [Fact]
    public void ReimportingTheSamePagesGivesByteIdenticalFiles()
    {
        using var s = new ImportSandbox("000", "003");
        s.Run().HasErrors.ShouldBeFalse();
        var first = s.Snapshot();
        var report = File.ReadAllText(s.Report);
        var again = s.Run();
        again.Files.ShouldAllBe(f => f.Outcome == FileOutcome.Unchanged);
        s.Snapshot().ShouldBe(first);
    }

    [Fact]
    public void EverySeedArticleGetsAUniqueWindowsSafePath()
    {
        using var s = new ImportSandbox("000", "001", "002", "003", "004");
        var r = s.Run();
        r.Articles.Count.ShouldBe(11);
        r.Articles.Select(a => a.RelativePath).ShouldBeUnique();
        r.Articles.ShouldAllBe(a => System.Text.RegularExpressions.Regex.IsMatch(a.RelativePath, @"^\d{4}/\d{2}/\d{8}-[0-9a-f]{8}(-\d+)?\.md$"));
    }

    [Fact]
    public void ArticleEditedAfterImportIsNotOverwritten()
    {
        using var s = new ImportSandbox("001");
        var path = Path.Combine(s.Content, s.Run().Articles[0].RelativePath);
        var edited = File.ReadAllText(path).Replace("市委书记章旭升深入", "市委书记章旭升同志深入");
        File.WriteAllText(path, edited);

        var r = s.Run();
        r.Files.ShouldContain(f => f.Outcome == FileOutcome.KeptEdited);
        File.ReadAllText(path).ShouldBe(edited);
    }

    [Fact]
    public void ForceReplacesAnEditedArticleButKeepsTheEditorsCampaigns()
    {
        using var s = new ImportSandbox("001");
        var article = s.Run().Articles[0];
        var path = Path.Combine(s.Content, article.RelativePath);
        article.FrontMatter.Campaigns.ShouldBe(["四大双千"]);
        // The editor removes the automatic campaign and adds another one.
        File.WriteAllText(path, File.ReadAllText(path).Replace("campaigns: [四大双千]", "campaigns: [二十大学习]"));

        var r = s.Run(force: true);
        r.Files.ShouldContain(f => f.Outcome == FileOutcome.Replaced);
        File.ReadAllText(path).ShouldContain("campaigns: [二十大学习]\n");
    }

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
    public void DamagedImportManifestStopsTheImport()
    {
        using var s = new ImportSandbox("000");
        s.Run();
        var before = s.Snapshot();
        File.WriteAllText(Path.Combine(s.Content, ImportManifest.FileName), "{ not json");
        var r = s.Run();
        r.Problems.ShouldContain(p => p.File.EndsWith(ImportManifest.FileName));
        s.Snapshot().Where(k => !k.Key.StartsWith('.')).ShouldBe(before.Where(k => !k.Key.StartsWith('.')));
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
    public void RetitledArticleMovesToItsNewPathWhenUnedited()
    {
        using var s = new ImportSandbox("003");
        var first = s.Run().Articles.ToDictionary(a => a.SourceKey, a => a.RelativePath);
        // An editor's sidecar moves the page to another date: the same sources get new paths.
        File.WriteAllText(Path.Combine(s.Seeds, "003_64c2b03470ce42da.yml"), "date: 2020-05-30\n");
        var r = s.Run();
        r.Files.ShouldAllBe(f => f.Outcome == FileOutcome.Renamed);
        foreach (var old in first.Values) File.Exists(Path.Combine(s.Content, old)).ShouldBeFalse();
        s.Snapshot().Keys.Count(k => k.EndsWith(".md")).ShouldBe(first.Count);
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
