using Baoku.Content;
using Baoku.Search;
using Baoku.Site;
using Baoku.Tests.Support;

namespace Baoku.Tests.Search;

/// <summary>The real content/ built once, with its search index and its search documents.</summary>
public sealed class RealSearchIndex : IDisposable
{
    readonly BuildSandbox _sandbox = new();
    public string Site => _sandbox.Output;
    public IReadOnlyList<SearchDocument> Documents { get; }

    public RealSearchIndex()
    {
        var build = _sandbox.Build();
        if (!build.Published) throw new InvalidOperationException("the real site did not build: " + string.Join("; ", build.Problems));
        var articles = ContentLoader.Load(_sandbox.Content, RealSiteConfig.Config).Articles;
        var (model, _) = SiteModelBuilder.Build(articles, RealSiteConfig.Config);
        Documents = SearchDocuments.From(model);
    }

    public SearchEngine Engine() => SearchEngine.Open(Site);

    /// <summary>A case's query with its filters as the engine takes them.</summary>
    public SearchResult Run(SearchEngine engine, SearchCase c) =>
        engine.Search(c.Query, c.Campaign is null ? null : engine.Campaigns.ToList().IndexOf(c.Campaign), c.Year);

    public string FileName(int id) => Documents[id].Url.TrimEnd('/').Split('/')[^1];

    public void Dispose() => _sandbox.Dispose();
}

public class RealContentSearchTests(RealSearchIndex index) : IClassFixture<RealSearchIndex>
{
    public static TheoryData<string> CaseNames => new(SearchQuerySet.Cases.Select(c => c.Name));

    static SearchCase Case(string name) => SearchQuerySet.Cases.Single(c => c.Name == name);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Query_set_case_finds_exactly_the_articles_that_contain_every_term(string name)
    {
        var c = Case(name);
        var engine = index.Engine();
        var result = index.Run(engine, c);
        int? campaign = c.Campaign is null ? null : engine.Campaigns.ToList().IndexOf(c.Campaign);
        var expected = SearchIndexTests.OracleIds(index.Documents, c.Query)
            .Where(id => (campaign is null || index.Documents[id].Campaigns.Contains(campaign.Value)) && (c.Year is null || index.Documents[id].Date.Year == c.Year))
            .ToList();
        result.Hits.Select(h => h.Id).Order().ToList().ShouldBe(expected, $"query {c.Query}");

        var found = result.Hits.Select(h => index.FileName(h.Id)).ToList();
        foreach (var must in c.MustInclude ?? []) found.ShouldContain(must, $"query {c.Query}");
        foreach (var not in c.MustExclude ?? []) found.ShouldNotContain(not, $"query {c.Query}");
        if (c.NoResults) found.ShouldBeEmpty();
        else found.ShouldNotBeEmpty($"query {c.Query} is meant to find something");
        if (c.SameAs is not null) result.Hits.ShouldBe(index.Run(engine, Case(SearchQuerySet.Cases.Single(x => x.Query == c.SameAs).Name)).Hits);
        if (c.FirstHit is not null) found[0].ShouldBe(c.FirstHit);
    }

    [Fact]
    public void Hits_are_ranked_by_title_then_head_then_occurrences_then_date()
    {
        var engine = index.Engine();
        foreach (var c in SearchQuerySet.Cases)
        {
            var hits = index.Run(engine, c).Hits;
            for (int i = 1; i < hits.Count; i++)
            {
                var (a, b) = (hits[i - 1], hits[i]);
                var ka = (a.TitleTerms, a.HeadTerms, a.Occurrences, -a.Id);
                var kb = (b.TitleTerms, b.HeadTerms, b.Occurrences, -b.Id);
                ka.CompareTo(kb).ShouldBeGreaterThan(0, $"{c.Query}: hit {i - 1} before hit {i}");
            }
        }
    }

    [Fact]
    public void Every_article_is_in_the_index_with_its_url_and_title()
    {
        var engine = index.Engine();
        engine.DocumentCount.ShouldBe(index.Documents.Count);
        foreach (var d in index.Documents)
        {
            engine.Document(d.Id).ShouldBe((d.Url, d.Title));
            File.Exists(Path.Combine(index.Site, d.Url, "index.html")).ShouldBeTrue(d.Url);
        }
    }

    [Fact]
    public void Every_title_finds_its_own_article_first()
    {
        var engine = index.Engine();
        foreach (var d in index.Documents)
            engine.Search(d.Title).Hits[0].TitleTerms.ShouldBe(SearchText.Terms(d.Title).Count, d.Title);
    }
}
