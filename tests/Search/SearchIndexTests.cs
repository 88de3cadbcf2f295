using Baoku.Render;
using Baoku.Search;
using FsCheck;
using FsCheck.Fluent;

namespace Baoku.Tests.Search;

/// <summary>Index files kept in memory, by site path.</summary>
public sealed class MemoryOutput : ISiteOutput
{
    public SortedDictionary<string, string> Files { get; } = new(StringComparer.Ordinal);
    public void Write(string relativePath, string content) { lock (Files) Files[relativePath] = content; }
    public void CopyFile(string sourcePath, string relativePath) => Write(relativePath, File.ReadAllText(sourcePath));
    public SearchEngine Engine() => new(path => Files.GetValueOrDefault(SearchIndexWriter.Folder + path));
}

/// <summary>The index and the C# engine against a brute-force substring search over the same documents.</summary>
public class SearchIndexTests
{
    internal static SearchDocument Doc(int id, string title, string? head = null, string body = "", int[]? campaigns = null, int year = 2024) =>
        new(id, $"{year}/01/d{id}/", title, head, null, new DateOnly(year, 1, 1), campaigns ?? [], body,
            [(SearchField.Title, title), .. head is null ? Array.Empty<(SearchField, string)>() : [(SearchField.Head, head)],
             .. body.Split('\n').Where(l => l.Length > 0).Select(l => (SearchField.Other, l))]);

    static readonly (string, string)[] TwoCampaigns = [("甲专题", "campaigns/a/"), ("乙专题", "campaigns/b/")];

    internal static MemoryOutput Build(IReadOnlyList<SearchDocument> docs, SearchIndexOptions? options = null)
    {
        var output = new MemoryOutput();
        SearchIndexWriter.Write(docs, TwoCampaigns, output, options);
        return output;
    }

    /// <summary>Occurrences (overlapping) of a normalised term per field, by plain string search.</summary>
    internal static TermCounts Oracle(SearchDocument d, string term)
    {
        int[] counts = new int[3];
        foreach (var (field, text) in d.Segments)
        {
            var s = SearchText.Normalize(text);
            for (int at = s.IndexOf(term, StringComparison.Ordinal); at >= 0; at = s.IndexOf(term, at + 1, StringComparison.Ordinal))
                counts[(int)field]++;
        }
        return new TermCounts(counts[0], counts[1], counts[2]);
    }

    internal static List<int> OracleIds(IReadOnlyList<SearchDocument> docs, string query) =>
        SearchText.Terms(query) is { Count: > 0 } terms
            ? docs.Where(d => terms.All(t => Oracle(d, t).Total > 0)).Select(d => d.Id).Order().ToList()
            : [];

    [Fact]
    public void A_substring_of_a_longer_word_is_found_and_counted_in_its_field()
    {
        var docs = new[] { Doc(0, "推进清廉民企建设", body: "清廉民企。\n清廉"), Doc(1, "别的", body: "廉政"), Doc(2, "无关", head: "清廉") };
        var engine = Build(docs).Engine();
        var r = engine.Search("清廉");
        r.Hits.Select(h => h.Id).ShouldBe([0, 2]);
        r.Hits[0].Occurrences.ShouldBe(3);
        engine.Search("廉").Hits.Select(h => h.Id).ShouldBe([0, 2, 1]);
        engine.Search("廉民企建").Hits.Select(h => h.Id).ShouldBe([0]);
    }

    [Fact]
    public void A_term_never_runs_across_paragraphs_or_fields()
    {
        var docs = new[] { Doc(0, "世界五金", body: "之都\n开发区") };
        var engine = Build(docs).Engine();
        engine.Search("五金之都").Hits.ShouldBeEmpty();
        engine.Search("都开").Hits.ShouldBeEmpty();
        engine.Search("金之").Hits.ShouldBeEmpty();
        engine.Search("开发区").Hits.Count.ShouldBe(1);
    }

    [Fact]
    public void Punctuation_spaces_and_width_inside_a_paragraph_are_ignored()
    {
        var docs = new[] { Doc(0, "题目", body: "打造“世界 五金，之都”，建设 ５Ｇ 基站 2023年") };
        var engine = Build(docs).Engine();
        foreach (var q in new[] { "世界五金之都", "五金之都", "5g", "5G基站", "２０２３年", "3年" })
            engine.Search(q).Hits.Count.ShouldBe(1, q);
    }

    [Fact]
    public void Every_word_of_a_multi_word_query_must_occur()
    {
        var docs = new[] { Doc(0, "清廉", body: "民企"), Doc(1, "清廉"), Doc(2, "民企") };
        var engine = Build(docs).Engine();
        engine.Search("清廉 民企").Hits.Select(h => h.Id).ShouldBe([0]);
        engine.Search("清廉　火星").Hits.ShouldBeEmpty();
    }

    [Fact]
    public void Ranking_puts_title_before_head_before_body_then_more_occurrences_then_newer()
    {
        var docs = new[]
        {
            Doc(0, "其他", body: "党建"),
            Doc(1, "其他", body: "党建 党建 党建"),
            Doc(2, "其他", head: "党建"),
            Doc(3, "党建联盟"),
            Doc(4, "其他", body: "党建"),
        };
        Build(docs).Engine().Search("党建").Hits.Select(h => h.Id).ShouldBe([3, 2, 1, 0, 4]);
    }

    [Fact]
    public void Filters_narrow_the_hits_and_each_filter_counts_within_the_other()
    {
        var docs = new[]
        {
            Doc(0, "企业", campaigns: [0], year: 2024), Doc(1, "企业", campaigns: [0, 1], year: 2023),
            Doc(2, "企业", campaigns: [1], year: 2023), Doc(3, "企业", year: 2022),
        };
        var engine = Build(docs).Engine();
        var all = engine.Search("企业");
        all.CampaignCounts.ShouldBe([2, 2]);
        all.YearCounts.ShouldBe([(2024, 1), (2023, 2), (2022, 1)]);
        var c1 = engine.Search("企业", campaign: 1);
        c1.Hits.Select(h => h.Id).ShouldBe([1, 2]);
        c1.YearCounts.ShouldBe([(2023, 2)]);
        var y2023 = engine.Search("企业", year: 2023);
        y2023.Hits.Select(h => h.Id).ShouldBe([1, 2]);
        y2023.CampaignCounts.ShouldBe([1, 2]);
        engine.Search("企业", campaign: 0, year: 2022).Hits.ShouldBeEmpty();
    }

    [Fact]
    public void The_same_documents_give_byte_identical_index_files()
    {
        var docs = RandomCorpus(7).Sample(1, 1).First();
        Build(docs).Files.ShouldBe(Build(docs).Files);
    }

    [Fact]
    public void A_query_reads_only_its_buckets_and_the_meta_file()
    {
        var docs = Enumerable.Range(0, 200).Select(i => Doc(i, $"标题{i}", body: $"正文第{i}篇，包含清廉民企与开发区{i % 7}号")).ToArray();
        var output = Build(docs, new SearchIndexOptions { BucketBytes = 256 });
        var engine = output.Engine();
        engine.DocsBuckets.ShouldBeGreaterThan(4);
        engine.Search("清廉民企").Hits.Count.ShouldBe(200);
        engine.FilesRead.ShouldAllBe(f => f == "meta.js" || f.StartsWith("i/") || f.StartsWith("p/") || f.StartsWith("g/"));
        engine.FilesRead.Count.ShouldBeLessThanOrEqualTo(1 + 2 * 2 * 2);
    }

    static Gen<SearchDocument[]> RandomCorpus(int maxDocs)
    {
        // A tiny alphabet makes repeats, overlaps and near-misses common; punctuation and spaces split nothing.
        var unit = Gen.Elements("甲", "乙", "丙", "丁", "a", "Ａ", "1", "，", " ", "𠀀");
        var text = Gen.ArrayOf(unit).Select(string.Concat);
        var body = Gen.ArrayOf(text).Select(lines => string.Join("\n", lines));
        var doc = from title in text from head in text from b in body select (title, head, b);
        return Gen.ArrayOf(doc).Select(ds => ds.Take(maxDocs).Select((d, i) => Doc(i, d.title, d.head.Length > 0 ? d.head : null, d.b)).ToArray());
    }

    static Gen<string> RandomQuery =>
        Gen.ArrayOf(Gen.Elements("甲", "乙", "丙", "a", "A", "1", " ", "，", "𠀀")).Select(string.Concat);

    [Fact]
    public void Random_corpora_answer_exactly_as_brute_force_substring_search_with_the_same_counts()
    {
        Prop.ForAll(RandomCorpus(12).ToArbitrary(), RandomQuery.ToArbitrary(), (docs, query) =>
        {
            var engine = Build(docs).Engine();
            var result = engine.Search(query);
            var terms = SearchText.Terms(query);
            bool sameDocs = result.Hits.Select(h => h.Id).Order().SequenceEqual(OracleIds(docs, query));
            bool sameCounts = result.Hits.All(h => h.Occurrences == terms.Sum(t => Oracle(docs[h.Id], t).Total)
                && h.TitleTerms == terms.Count(t => Oracle(docs[h.Id], t).Title > 0)
                && h.HeadTerms == terms.Count(t => Oracle(docs[h.Id], t).Head > 0));
            return sameDocs && sameCounts;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Any_piece_of_any_paragraph_finds_its_article_with_exact_counts()
    {
        var gen = from docs in RandomCorpus(12).Where(d => d.Length > 0)
                  from pick in Gen.Choose(0, 1000)
                  from start in Gen.Choose(0, 1000)
                  from length in Gen.Choose(1, 9)
                  select (docs, pick, start, length);
        Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var doc = x.docs[x.pick % x.docs.Length];
            var text = SearchText.Normalize(doc.Segments[x.pick % doc.Segments.Count].Text).Replace(" ", "");
            if (text.Length == 0) return true;
            int start = x.start % text.Length;
            var query = text.Substring(start, Math.Min(x.length, text.Length - start));
            if (char.IsLowSurrogate(query[0]) || char.IsHighSurrogate(query[^1])) return true;
            var hits = Build(x.docs).Engine().Search(query).Hits;
            return hits.Any(h => h.Id == doc.Id) && hits.Select(h => h.Id).Order().SequenceEqual(OracleIds(x.docs, query))
                && hits.All(h => h.Occurrences == Oracle(x.docs[h.Id], SearchText.Normalize(query)).Total);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Several_passes_small_buckets_and_own_files_answer_as_one_pass_does()
    {
        Prop.ForAll(RandomCorpus(20).ToArbitrary(), RandomQuery.ToArbitrary(), (docs, query) =>
        {
            var one = Build(docs).Engine().Search(query);
            var split = Build(docs, new SearchIndexOptions { CharsPerPass = 40, BucketBytes = 64, OwnFileBytes = 16 }).Engine().Search(query);
            return one.Hits.SequenceEqual(split.Hits);
        }).QuickCheckThrowOnFailure();
    }
}
