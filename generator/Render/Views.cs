namespace Baoku.Render;

// The views: what templates show, as records of text, numbers and ready-made relative hrefs. Templates see each
// field in snake_case (DateIso → date_iso). A field that is absent is null, never "", so `{{ if page.kicker }}` reads
// as it says. docs/templates.md lists them all (written from these types by TemplateModelDocTests).

/// <summary><c>site</c>: the same on every page.</summary>
public sealed record SiteView(string Title, string Description, string BaseUrl, int ArticleCount);

public sealed record LinkView(string Name, string Href);

public sealed record CountedLinkView(string Name, string Href, int Count);

public sealed record DatedLinkView(string Title, string Href, string DateIso, string DateText);

public sealed record MenuView(string Name, string Href, bool Current);

/// <summary>A step of the breadcrumbs; the last one (the page itself) has no href.</summary>
public sealed record CrumbView(string Name, string? Href);

public sealed record FeedView(string Title, string Href);

/// <summary><c>layout</c>: what the layout around every page needs (the page body itself is <c>content</c>).</summary>
public sealed record LayoutView(
    string Title, string SiteTitle, string Description, string Canonical, string HomeHref, string CssHref, string IconHref, string JsHref,
    string FeedHref, FeedView? ExtraFeed, IReadOnlyList<MenuView> Menu, IReadOnlyList<CrumbView> Breadcrumbs, string SearchHref, string BrowseHref);

/// <summary>An article in a list: the partial <c>article-list</c>.</summary>
public sealed record ItemView(string Title, string? Kicker, string Href, string DateIso, string DateText, string? Summary, IReadOnlyList<LinkView> Campaigns);

public sealed record PageLinkView(int Number, string? Href, bool Current, bool Gap);

public sealed record PaginationView(int Current, int Total, string? Prev, string? Next, IReadOnlyList<PageLinkView> Pages);

/// <summary>A cell of the month calendar: <see cref="Day"/> is null in the blank cells before the 1st and after the last day.</summary>
public sealed record CalendarDayView(int? Day, string? Href, bool Current, int Count);

public sealed record CalendarView(string Title, IReadOnlyList<string> Weekdays, IReadOnlyList<IReadOnlyList<CalendarDayView>> Weeks,
    LinkView? Prev, LinkView? Next, string MonthHref);

/// <summary>A month of a year: <see cref="Href"/> is null when it has no article.</summary>
public sealed record MonthCellView(string Name, string? Href, int Count);

/// <summary>One month of the chart: its count, its bar's height in percent of the busiest month's, and its name with the count.</summary>
public sealed record ChartCellView(int Count, int Height, string Title);

public sealed record ChartYearView(int Year, IReadOnlyList<ChartCellView> Months);

/// <summary>A campaign's articles per month: a row per year from the first to the last, twelve months each.</summary>
public sealed record ChartView(string Caption, IReadOnlyList<int> Months, IReadOnlyList<ChartYearView> Years);

/// <summary>A campaign, person, organisation or tag of an article; <see cref="Note"/> is a person's role in it.</summary>
public sealed record TermLinkView(string Name, string Href, string? Note);

public static class ViewText
{
    /// <summary>Absent text is null in a view, so templates test it with a plain <c>if</c>.</summary>
    public static string? OrNull(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
