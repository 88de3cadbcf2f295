using Baoku.Site;

namespace Baoku.Search;

public enum SearchField { Title = 0, Head = 1, Other = 2 }

/// <summary>
/// An article as search sees it: id (0 = newest), where it is, what the result list shows, and its text as segments
/// per field. A segment is a stretch of text no search term can run across (a paragraph, a name, the date).
/// </summary>
public sealed record SearchDocument(
    int Id, string Url, string Title, string? Kicker, string? Subtitle, DateOnly Date, IReadOnlyList<int> Campaigns,
    string BodyText, IReadOnlyList<(SearchField Field, string Text)> Segments);

public static class SearchDocuments
{
    /// <summary>The site's articles in site order (newest first) as search documents.</summary>
    public static IReadOnlyList<SearchDocument> From(SiteModel site)
    {
        var make = Maker(site);
        var docs = new SearchDocument[site.Articles.Count];
        Parallel.For(0, docs.Length, i => docs[i] = make(i));
        return docs;
    }

    /// <summary>Makes document i on demand (the index writer drops each one after use).</summary>
    public static Func<int, SearchDocument> Maker(SiteModel site)
    {
        var campaignIndex = site.Taxonomies[TaxonomyKind.Campaign].Terms.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
        return i => Of(i, site.Articles[i], campaignIndex);
    }

    static SearchDocument Of(int id, SiteArticle a, IReadOnlyDictionary<Term, int> campaignIndex)
    {
        var src = SourceOf(a);
        var body = a.ReadText();   // read now and dropped with the document: the model keeps no body text
        var segments = new List<(SearchField, string)> { (SearchField.Title, src.Title) };
        if (!string.IsNullOrWhiteSpace(src.Kicker)) segments.Add((SearchField.Head, src.Kicker));
        if (!string.IsNullOrWhiteSpace(src.Subtitle)) segments.Add((SearchField.Head, src.Subtitle));
        foreach (var line in body.Split('\n')) if (line.Length > 0) segments.Add((SearchField.Other, line));
        foreach (var name in src.Names) segments.Add((SearchField.Other, name));
        return new SearchDocument(id, src.Url, src.Title, src.Kicker, src.Subtitle, src.Date, src.Campaigns.Select(t => campaignIndex[t]).ToList(), body, segments);
    }

    /// <summary>Everything of an article that its search document is made from, and nothing else: the document above
    /// and <see cref="SearchInputKey"/> (which decides whether an incremental build may keep the index) both read this.
    /// <see cref="TextHash"/> stands for the body's plain text (<see cref="ArticleBody.Text"/>, which the document reads
    /// from the model's body store), not its Markdown: a change to a link's target changes the page, not what search finds.</summary>
    internal sealed record Source(string Url, string Title, string? Kicker, string? Subtitle, DateOnly Date, IReadOnlyList<Term> Campaigns,
        byte[] TextHash, IReadOnlyList<string> Names);

    internal static Source SourceOf(SiteArticle a)
    {
        var m = a.Source.Meta;
        IEnumerable<string> names = [.. m.Authors, .. m.Photographers, .. (m.Column is { } c ? [c] : Array.Empty<string>()),
            .. a.Campaigns.Select(t => t.Name), .. m.People, .. m.Orgs, .. m.Tags, Dates.Text(a.Date)];
        return new Source(a.Url, m.Title, m.Kicker, m.Subtitle, a.Date, a.Campaigns, a.TextHash, names.ToList());
    }
}
