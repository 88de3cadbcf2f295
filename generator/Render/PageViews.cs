namespace Baoku.Render;

// The view of each page template (`page` in pages/<name>.sbn-html). Shared parts are in Views.cs.

public static class PageViews
{
    /// <summary>Each page template and the view it is given as <c>page</c>: the templates a theme must have, and what docs/templates.md documents.</summary>
    public static IReadOnlyDictionary<string, Type> ByTemplate { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["home"] = typeof(HomeView),
        ["article"] = typeof(ArticleView),
        ["list"] = typeof(ListView),
        ["terms"] = typeof(TermsView),
        ["archive"] = typeof(ArchiveView),
        ["sourcepages"] = typeof(SourcePagesView),
        ["sourcepage"] = typeof(SourcePageView),
        ["notfound"] = typeof(NotFoundView),
        ["redirect"] = typeof(RedirectView),
        ["search"] = typeof(SearchView),
    };
}

/// <summary>pages/home: the campaigns, the latest articles, the calendar of the latest month and the latest 版面.</summary>
public sealed record HomeView(string SiteTitle, string Description, IReadOnlyList<CountedLinkView> Campaigns, IReadOnlyList<ItemView> Latest,
    string ArchiveHref, CalendarView? Calendar, IReadOnlyList<CountedLinkView> SourcePages, string SourcePagesHref);

/// <summary>pages/article. <see cref="BodyHtml"/> is the article's Markdown made HTML by the generator (raw HTML in it is not passed through).</summary>
public sealed record ArticleView(
    string? Kicker, string Title, string? Subtitle, string DateIso, string DateText, string? Authors, string? Photographers, LinkView? Column,
    RawHtml BodyHtml, LinkView? SourcePage, IReadOnlyList<TermLinkView> Campaigns, IReadOnlyList<TermLinkView> People,
    IReadOnlyList<TermLinkView> Orgs, IReadOnlyList<TermLinkView> Tags, IReadOnlyList<DatedLinkView> Related, DatedLinkView? Older, DatedLinkView? Newer);

/// <summary>A campaign on the campaigns page, with its description.</summary>
public sealed record CampaignCardView(string Name, string Href, int Count, string? Description);

/// <summary>pages/terms: all campaigns (as cards, <see cref="Campaigns"/>) or all terms of another taxonomy (<see cref="Terms"/>).</summary>
public sealed record TermsView(string Heading, int Count, string Noun, IReadOnlyList<CampaignCardView>? Campaigns, IReadOnlyList<CountedLinkView> Terms);

/// <summary>
/// pages/list: a term, year, month or day with its articles, one page of them at a time. Each kind fills what it has:
/// a campaign its <see cref="Chart"/> and <see cref="Feed"/>, a year its <see cref="Months"/>, a month or day its <see cref="Calendar"/>.
/// </summary>
public sealed record ListView(string Heading, string? Description, int Count, string? Span, ChartView? Chart, FeedView? Feed,
    CalendarView? Calendar, IReadOnlyList<MonthCellView>? Months, IReadOnlyList<ItemView> Items, PaginationView? Pagination);

public sealed record ArchiveYearView(int Year, string Href, int Count, IReadOnlyList<MonthCellView> Months);

/// <summary>pages/archive (往期): the calendar of the latest month and every year's months.</summary>
public sealed record ArchiveView(int Count, string? Span, CalendarView? Calendar, IReadOnlyList<ArchiveYearView> Years);

public sealed record YearLinkView(int Year, string Href, int Count);

/// <summary>pages/search: the form (shown by search.js) and, for readers without JavaScript, the ways to browse.</summary>
public sealed record SearchView(int Count, string ScriptHref, string ArchiveHref, string CampaignsHref, IReadOnlyList<CountedLinkView> Campaigns, IReadOnlyList<YearLinkView> Years);

public sealed record SourcePageLinkView(string Name, string Href, string DateIso, string DateText, int Count);

/// <summary>pages/sourcepages: the printed pages (版面), newest first, one page of them at a time.</summary>
public sealed record SourcePagesView(int Count, string ArchiveHref, IReadOnlyList<SourcePageLinkView> Pages, PaginationView? Pagination);

public sealed record PageItemView(string Title, string? Kicker, string Href);

/// <summary>pages/sourcepage: one printed page (版面) and its articles in the order printed.</summary>
public sealed record SourcePageView(string Name, string File, string DateIso, string DateText, int Count, IReadOnlyList<PageItemView> Items,
    LinkView? Previous, LinkView? Next);

/// <summary>pages/notfound (404.html): links are absolute paths under the base path, as the page is served at any depth.</summary>
public sealed record NotFoundView(string HomeHref, string CampaignsHref, string ArchiveHref);

/// <summary>pages/redirect: a whole document by itself, sending readers from an article's old address to its new one.</summary>
public sealed record RedirectView(string Title, string Href, string Canonical);
