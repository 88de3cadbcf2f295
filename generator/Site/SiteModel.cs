using Baoku.Config;
using Baoku.Content;

namespace Baoku.Site;

public enum TaxonomyKind { Campaign, Tag, Person, Org, Column }

/// <summary>
/// An article placed in the site: its URL, its summary, its terms, its neighbours in time and its related articles.
/// Not its body's HTML or text: they wait in the model's <see cref="BodyStore"/> until the page and search read them,
/// so the model of a large archive stays small.
/// </summary>
public sealed class SiteArticle
{
    public required Article Source { get; init; }
    public required string Url { get; init; }
    public required string Summary { get; init; }
    /// <summary>SHA-256 of <see cref="ReadText"/>'s UTF-8: tells whether the searchable text changed without keeping it.</summary>
    public required byte[] TextHash { get; init; }
    public required BodyStore Bodies { get; init; }
    public required BodyRef BodyAt { get; init; }
    /// <summary>The body as its page shows it (<see cref="ArticleBody.Html"/>).</summary>
    public string ReadHtml() => Bodies.Html(BodyAt);
    /// <summary>The body's plain text, what search indexes (<see cref="ArticleBody.Text"/>).</summary>
    public string ReadText() => Bodies.Text(BodyAt);
    /// <summary>The first characters of the Markdown, what related articles compare (<see cref="RelatedArticles"/>).</summary>
    public string ReadLead() => Bodies.Lead(BodyAt);
    /// <summary>Everything of the body, parsed again from the Markdown (<c>check</c> reads its links).</summary>
    public ArticleBody ReadBody() => ArticleBody.Read(Source.Markdown, Url);
    public DateOnly Date => Source.Meta.Date;
    public string Title => Source.Meta.Title;
    public List<Term> Campaigns { get; } = [];
    public List<Term> Tags { get; } = [];
    public List<Term> People { get; } = [];
    public List<Term> Orgs { get; } = [];
    public Term? Column { get; set; }
    public SourcePage? SourcePage { get; set; }
    public SiteArticle? Older { get; set; }
    public SiteArticle? Newer { get; set; }
    public IReadOnlyList<SiteArticle> Related { get; set; } = [];
}

/// <summary>A campaign, tag, person, organisation or column, with its articles newest first.</summary>
public sealed class Term
{
    public required TaxonomyKind Kind { get; init; }
    public required string Name { get; init; }
    public required string Url { get; init; }
    public string? Description { get; init; }
    public List<SiteArticle> Articles { get; } = [];
}

public sealed class Taxonomy
{
    public required TaxonomyKind Kind { get; init; }
    public required string Url { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<Term> Terms { get; init; }
}

/// <summary>A printed page (版面) the articles came from, its articles in the order they stand on the page.</summary>
public sealed class SourcePage
{
    public required string Key { get; init; }
    public required string File { get; init; }
    public required string Name { get; init; }
    public required DateOnly Date { get; init; }
    public required string Url { get; init; }
    public List<SiteArticle> Articles { get; } = [];
    public SourcePage? Previous { get; set; }
    public SourcePage? Next { get; set; }
}

public sealed record DayArchive(DateOnly Date, string Url, IReadOnlyList<SiteArticle> Articles);
public sealed record MonthArchive(int Year, int Month, string Url, IReadOnlyList<DayArchive> Days)
{
    public int Count => Days.Sum(d => d.Articles.Count);
}
public sealed record YearArchive(int Year, string Url, IReadOnlyList<MonthArchive> Months)
{
    public int Count => Months.Sum(m => m.Count);
}

/// <summary>The whole site before rendering: every page's data, computed once, presentation-free.</summary>
public sealed class SiteModel
{
    public required SiteConfig Config { get; init; }
    /// <summary>Published articles, newest first.</summary>
    public required IReadOnlyList<SiteArticle> Articles { get; init; }
    public required IReadOnlyDictionary<TaxonomyKind, Taxonomy> Taxonomies { get; init; }
    /// <summary>Years newest first; months and days oldest first within them (calendar order).</summary>
    public required IReadOnlyList<YearArchive> Years { get; init; }
    /// <summary>Source pages newest first.</summary>
    public required IReadOnlyList<SourcePage> SourcePages { get; init; }

    /// <summary>Every month that has articles, oldest first: the calendar's previous/next months.</summary>
    public IReadOnlyList<MonthArchive> MonthsInOrder => _months ??= Years.SelectMany(y => y.Months).OrderBy(m => (m.Year, m.Month)).ToList();
    List<MonthArchive>? _months;
}
