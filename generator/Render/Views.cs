namespace Baoku.Render;

// View records hold what templates show: text and ready-made relative hrefs. Lower-case names match the templates.
#pragma warning disable IDE1006

public sealed record LinkView(string name, string href);

public sealed record MenuView(string name, string href, bool current);

public sealed record CrumbView(string name, string? href);

public sealed record FeedView(string title, string href);

/// <summary>What the layout around every page needs.</summary>
public sealed record LayoutView(
    string title, string siteTitle, string description, string canonical, string homeHref, string cssHref, string iconHref, string jsHref,
    string feedHref, FeedView? extraFeed, IReadOnlyList<MenuView> menu, IReadOnlyList<CrumbView> breadcrumbs, string searchHref, string browseHref)
{
    public string Content { get; init; } = "";
    public string content => Content;
}

public sealed record ItemView(string title, string? kicker, string href, string dateIso, string dateText, string summary, IReadOnlyList<LinkView> campaigns);

public sealed record PageLinkView(int number, string? href, bool current, bool gap);

public sealed record PaginationView(int current, int total, string? prev, string? next, IReadOnlyList<PageLinkView> pages);

public sealed record CalendarDayView(int? day, string? href, bool current, int count);

public sealed record CalendarView(string title, IReadOnlyList<string> weekdays, IReadOnlyList<IReadOnlyList<CalendarDayView>> weeks,
    LinkView? prev, LinkView? next, string monthHref);

public sealed record MonthCellView(string name, string? href, int count);

/// <summary>One month of the chart: its count, its bar's height in percent of the busiest month's, and its name with the count.</summary>
public sealed record ChartCellView(int count, int height, string title);

public sealed record ChartYearView(int year, IReadOnlyList<ChartCellView> months);

/// <summary>A campaign's articles per month: a row per year from the first to the last, twelve months each.</summary>
public sealed record ChartView(string caption, IReadOnlyList<int> months, IReadOnlyList<ChartYearView> years);

public sealed record TermLinkView(string name, string href, string? note);

#pragma warning restore IDE1006
