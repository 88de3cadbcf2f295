using Baoku.Import.Enrich;
using Baoku.Tests.Support;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Baoku.Tests.Import.Enrich;

/// <summary>
/// Precision and recall of the people, organisations and places the importer finds, against hand-checked lists:
/// (a) the eleven seed articles, imported end to end, against tests/Import/Enrich/entities-gold.yml;
/// (b) the 59 articles of the invented corpus (tests/Fixtures/Papers/**/*.gold.yml), extracted from the gold's own
/// headline and body text so that story segmentation does not blur the figures.
/// Names are compared exactly, per article. The floors are the figures reached when they were set, less a margin:
/// a change that loses entities fails here; one that gains should raise the floors.
/// </summary>
public class EntityQualityTests(ITestOutputHelper output)
{
    public sealed record GoldArticle(string Key, string Text, IReadOnlyList<string> People, IReadOnlyList<string> Orgs, IReadOnlyList<string> Places);

    public sealed record Found(IReadOnlyList<string> People, IReadOnlyList<string> Orgs, IReadOnlyList<string> Places);

    /// <summary>True positives, false positives and false negatives of one kind of entity.</summary>
    public sealed record Tally(int Tp, int Fp, int Fn)
    {
        /// <summary>1 when nothing was found (nothing wrong was said).</summary>
        public double Precision => Tp + Fp == 0 ? 1 : (double)Tp / (Tp + Fp);
        public double Recall => Tp + Fn == 0 ? 1 : (double)Tp / (Tp + Fn);
        public override string ToString() => $"P {Precision:0.000} R {Recall:0.000} (tp {Tp}, fp {Fp}, fn {Fn})";
    }

    [Fact]
    public void SeedArticlesMeetTheFloors()
    {
        var gold = LoadSeedGold();
        using var sandbox = new ImportSandbox(SeedArticles.Pages);
        var result = sandbox.Run(dryRun: true);
        var found = result.Articles.ToDictionary(a => a.FrontMatter.Source!.File + "|" + a.FrontMatter.Title,
            a => new Found(a.FrontMatter.People, a.FrontMatter.Orgs, a.FrontMatter.Places));
        found.Keys.Order(StringComparer.Ordinal).ShouldBe(gold.Select(g => g.Key).Order(StringComparer.Ordinal), "the seeds' articles");

        var (people, orgs, places) = Score(gold, g => found[g.Key], "seeds");
        // Before the segmenter (rules only): people P 1.000 R 0.938, orgs P 1.000 R 0.855, places none (R 0).
        Floors(people, 0.95, 0.95);
        Floors(orgs, 0.93, 0.93);
        Floors(places, 0.80, 0.90);
    }

    [Fact]
    public void CorpusArticlesMeetTheFloors()
    {
        var gold = LoadCorpusGold();
        gold.Count.ShouldBe(59);
        var (people, orgs, places) = Score(gold, g =>
        {
            var e = EntityExtractor.Extract(g.Text);
            return new Found(e.People.Select(p => p.Name).ToList(), e.Orgs, e.Places);
        }, "corpus");
        // Before the segmenter (rules only): people P 0.917 R 0.710, orgs P 0.842 R 0.444, places none (R 0).
        Floors(people, 0.93, 0.87);
        Floors(orgs, 0.88, 0.82);
        Floors(places, 0.75, 0.87);
    }

    (Tally People, Tally Orgs, Tally Places) Score(IReadOnlyList<GoldArticle> gold, Func<GoldArticle, Found> extract, string what)
    {
        var tallies = new Tally[3];
        for (var k = 0; k < 3; k++) tallies[k] = new Tally(0, 0, 0);
        foreach (var g in gold)
        {
            var f = extract(g);
            (IReadOnlyList<string> Expected, IReadOnlyList<string> Actual)[] kinds = [(g.People, f.People), (g.Orgs, f.Orgs), (g.Places, f.Places)];
            string[] kindNames = ["person", "org", "place"];
            for (var k = 0; k < 3; k++)
            {
                var (expected, actual) = kinds[k];
                var tp = actual.Distinct().Count(expected.Contains);
                tallies[k] = new Tally(tallies[k].Tp + tp, tallies[k].Fp + actual.Distinct().Count() - tp, tallies[k].Fn + expected.Distinct().Count() - tp);
                foreach (var miss in expected.Except(actual)) output.WriteLine($"  {what} {g.Key}: missed {kindNames[k]} {miss}");
                foreach (var extra in actual.Except(expected)) output.WriteLine($"  {what} {g.Key}: extra {kindNames[k]} {extra}");
            }
        }
        output.WriteLine($"{what} people: {tallies[0]}");
        output.WriteLine($"{what} orgs:   {tallies[1]}");
        output.WriteLine($"{what} places: {tallies[2]}");
        return (tallies[0], tallies[1], tallies[2]);
    }

    static void Floors(Tally t, double precision, double recall)
    {
        t.Precision.ShouldBeGreaterThanOrEqualTo(precision, t.ToString());
        t.Recall.ShouldBeGreaterThanOrEqualTo(recall, t.ToString());
    }

    static IReadOnlyList<GoldArticle> LoadSeedGold()
    {
        var root = LoadYaml(Path.Combine(SeedArticles.RepoRoot, "tests", "Import", "Enrich", "entities-gold.yml"));
        return ((YamlSequenceNode)root["articles"]).Cast<YamlMappingNode>()
            .Select(a => new GoldArticle(Scalar(a, "file") + "|" + Scalar(a, "title"), "", Names(a), List(a, "orgs"), List(a, "places")))
            .ToList();
    }

    /// <summary>Every article of the corpus gold, with its text as the importer hands it to the extractor: headline, then body.</summary>
    public static IReadOnlyList<GoldArticle> LoadCorpusGold()
    {
        var papers = Path.Combine(SeedArticles.RepoRoot, "tests", "Fixtures", "Papers");
        var result = new List<GoldArticle>();
        foreach (var file in Directory.GetFiles(papers, "*.gold.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            foreach (var item in ((YamlSequenceNode)LoadYaml(file)["items"]).Cast<YamlMappingNode>().Where(i => Scalar(i, "kind") == "article"))
            {
                var headline = new[] { "kicker", "title", "subtitle" }.Select(k => Scalar(item, k)).Where(s => s.Length > 0);
                var text = string.Join("\n", headline.Concat(List(item, "body_paragraphs")));
                result.Add(new GoldArticle(Scalar(item, "id"), text, Names(item), List(item, "orgs"), List(item, "places")));
            }
        return result;
    }

    static YamlMappingNode LoadYaml(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path)) stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    static string Scalar(YamlMappingNode m, string key) =>
        m.Children.TryGetValue(key, out var v) && v is YamlScalarNode { Value: { } s } && s != "null" ? s : "";

    static IReadOnlyList<string> List(YamlMappingNode m, string key) =>
        m.Children.TryGetValue(key, out var v) && v is YamlSequenceNode seq
            ? seq.Cast<YamlScalarNode>().Select(s => s.Value ?? "").ToList()
            : [];

    static IReadOnlyList<string> Names(YamlMappingNode m) =>
        m.Children.TryGetValue("people", out var v) && v is YamlSequenceNode seq
            ? seq.Cast<YamlMappingNode>().Select(p => Scalar(p, "name")).ToList()
            : [];
}
