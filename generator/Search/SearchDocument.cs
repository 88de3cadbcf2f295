using Baoku.Render;
using Baoku.Site;
using Markdig;

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
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().Build();

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
        var m = a.Source.Meta;
        var body = PlainText(a.Source.Markdown);
        var segments = new List<(SearchField, string)> { (SearchField.Title, m.Title) };
        if (!string.IsNullOrWhiteSpace(m.Kicker)) segments.Add((SearchField.Head, m.Kicker));
        if (!string.IsNullOrWhiteSpace(m.Subtitle)) segments.Add((SearchField.Head, m.Subtitle));
        foreach (var line in body.Split('\n')) if (line.Length > 0) segments.Add((SearchField.Other, line));
        IEnumerable<string> names = [.. m.Authors, .. m.Photographers, .. (m.Column is { } c ? [c] : Array.Empty<string>()),
            .. a.Campaigns.Select(t => t.Name), .. m.People, .. m.Orgs, .. m.Tags, Dates.Text(a.Date)];
        foreach (var name in names) segments.Add((SearchField.Other, name));
        return new SearchDocument(id, a.Url, m.Title, m.Kicker, m.Subtitle, a.Date, a.Campaigns.Select(t => campaignIndex[t]).ToList(), body, segments);
    }

    /// <summary>The body as plain text, one line per paragraph, heading or list item; no markup, link targets dropped.</summary>
    public static string PlainText(string markdown)
    {
        var text = Markdown.ToPlainText(markdown, Pipeline);
        var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        return string.Join("\n", lines);
    }
}
