using Baoku.Config;
using Baoku.Import.Read;
using Baoku.Tests.Support;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Baoku.Tests.Import.Read;

/// <summary>
/// The byline grammar against the hand-checked gold of tests/Fixtures/Papers (eight papers other than the seeds'):
/// for every gold article, the authors, photographers and editors read from its printed byline lines (byline_raw,
/// lead_byline, other_credits_raw) must be the gold's. Measured with no paper profile: the built-in forms must do.
/// </summary>
public class BylineCorpusTests(ITestOutputHelper output)
{
    sealed record GoldArticle(string Id, string? BylineRaw, string? Position, string? Lead, IReadOnlyList<string> Others,
        IReadOnlyList<string> Authors, IReadOnlyList<string> Photographers, IReadOnlyList<string> Editors);

    static IEnumerable<GoldArticle> GoldArticles()
    {
        var root = Path.Combine(SeedArticles.RepoRoot, "tests", "Fixtures", "Papers");
        foreach (var file in Directory.GetFiles(root, "*.gold.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(file)) yaml.Load(reader);
            var items = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["items"];
            foreach (var item in items.Cast<YamlMappingNode>())
            {
                if (Text(item, "kind") != "article") continue;
                yield return new GoldArticle(Text(item, "id")!, Text(item, "byline_raw"), Text(item, "byline_position"), Text(item, "lead_byline"),
                    List(item, "other_credits_raw"), List(item, "authors"), List(item, "photographers"), List(item, "editors"));
            }
        }
    }

    static string? Text(YamlMappingNode m, string key) =>
        m.Children.TryGetValue(key, out var v) && v is YamlScalarNode { Value: { } s } && s is not ("null" or "~" or "") ? s : null;

    static List<string> List(YamlMappingNode m, string key) =>
        m.Children.TryGetValue(key, out var v) && v is YamlSequenceNode seq ? seq.Cast<YamlScalarNode>().Select(s => s.Value!).ToList() : [];

    /// <summary>What the parser reads from an article's printed byline lines, all put together.</summary>
    static List<Byline> Read(GoldArticle a, PaperProfile paper)
    {
        var found = new List<Byline>();
        void Lead(string text) { if (BylineParser.SplitLead(text, paper).Byline is { } b) found.Add(b); }
        if (a.Lead is not null) Lead(a.Lead);
        if (a.BylineRaw is not null && a.BylineRaw != a.Lead)
        {
            if (a.Position == "lead") Lead(a.BylineRaw);
            else if (BylineParser.ParseLine(a.BylineRaw, paper) is { } b) found.Add(b);
        }
        foreach (var line in a.Others.Where(o => o != a.BylineRaw))
            if (BylineParser.ParseLine(line, paper) is { } b) found.Add(b);
        return found;
    }

    [Fact]
    public void BylinesOfOtherPapersAreRead()
    {
        var articles = GoldArticles().ToList();
        articles.Count.ShouldBeGreaterThanOrEqualTo(59);
        var misses = new List<string>();
        int credited = 0, creditedRight = 0;
        foreach (var a in articles)
        {
            var found = Read(a, PaperProfile.Unknown);
            var authors = found.SelectMany(b => b.Authors).Distinct().ToList();
            var photographers = found.SelectMany(b => b.Photographers).Distinct().ToList();
            var editors = found.SelectMany(b => b.Editors).Distinct().ToList();
            bool ok = authors.ToHashSet().SetEquals(a.Authors) && photographers.ToHashSet().SetEquals(a.Photographers)
                && editors.ToHashSet().SetEquals(a.Editors);
            bool hasCredits = a.Authors.Count + a.Photographers.Count + a.Editors.Count > 0;
            if (hasCredits) { credited++; if (ok) creditedRight++; }
            if (!ok)
                misses.Add($"{a.Id} 「{a.BylineRaw}」: authors [{string.Join(" ", authors)}] want [{string.Join(" ", a.Authors)}], "
                    + $"photographers [{string.Join(" ", photographers)}] want [{string.Join(" ", a.Photographers)}], "
                    + $"editors [{string.Join(" ", editors)}] want [{string.Join(" ", a.Editors)}]");
        }
        int right = articles.Count - misses.Count;
        output.WriteLine($"articles {articles.Count}, all credits right {right} ({(double)right / articles.Count:P1}); "
            + $"articles with credits {credited}, right {creditedRight} ({(double)creditedRight / credited:P1})");
        foreach (var m in misses) output.WriteLine("  " + m);
        ((double)right / articles.Count).ShouldBeGreaterThanOrEqualTo(0.95, string.Join("\n", misses));
    }
}
