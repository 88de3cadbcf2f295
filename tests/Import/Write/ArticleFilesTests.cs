using Baoku.Import.Write;
using Baoku.Tests.Support;

namespace Baoku.Tests.Import.Write;

/// <summary>Articles written under content/, run end to end: stable paths and bytes, and an editor's work never lost.</summary>
public class ArticleFilesTests
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
    public void CampaignsTheEditorAddedStayAndCampaignsTheEditorRemovedStayRemoved()
    {
        // Last import gave A and B; the editor removed B and added C; the rules now give A, B and D.
        var edited = "---\ntitle: 标题\ndate: 2022-11-22\ncampaigns: [A, C]\n---\n正文\n";
        ArticleFiles.KeepEditorCampaigns(edited, ["A", "B"], ["A", "B", "D"]).ShouldBe(["A", "D", "C"]);
    }
}
