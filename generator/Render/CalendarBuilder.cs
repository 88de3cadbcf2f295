using Baoku.Site;

namespace Baoku.Render;

/// <summary>The 往期 calendar: one month as weeks (Monday first), days with articles linked, and the neighbouring months that have articles.</summary>
public static class CalendarBuilder
{
    static readonly string[] Weekdays = ["一", "二", "三", "四", "五", "六", "日"];

    static int IndexOf(IReadOnlyList<MonthArchive> months, int year, int month)
    {
        for (int i = 0; i < months.Count; i++)
            if (months[i].Year == year && months[i].Month == month) return i;
        return -1;
    }

    public static CalendarView? Month(SiteModel site, int year, int month, DateOnly? current, string pageUrl)
    {
        var months = site.MonthsInOrder;
        int at = IndexOf(months, year, month);
        if (at < 0) return null;
        var m = months[at];
        var days = m.Days.ToDictionary(d => d.Date.Day);
        var first = new DateOnly(year, month, 1);
        int offset = ((int)first.DayOfWeek + 6) % 7;
        int daysInMonth = DateTime.DaysInMonth(year, month);
        var weeks = new List<IReadOnlyList<CalendarDayView>>();
        var week = new List<CalendarDayView>();
        for (int i = 0; i < offset; i++) week.Add(new CalendarDayView(null, null, false, 0));
        for (int d = 1; d <= daysInMonth; d++)
        {
            days.TryGetValue(d, out var day);
            week.Add(new CalendarDayView(d, day is null ? null : UrlScheme.Relative(pageUrl, day.Url),
                current?.Day == d && current.Value.Month == month && current.Value.Year == year, day?.Articles.Count ?? 0));
            if (week.Count == 7) { weeks.Add(week); week = []; }
        }
        if (week.Count > 0)
        {
            while (week.Count < 7) week.Add(new CalendarDayView(null, null, false, 0));
            weeks.Add(week);
        }
        LinkView? Link(MonthArchive? x) => x is null ? null : new LinkView(Dates.MonthText(x.Year, x.Month), UrlScheme.Relative(pageUrl, x.Url));
        return new CalendarView(Dates.MonthText(year, month), Weekdays, weeks,
            Link(at > 0 ? months[at - 1] : null), Link(at + 1 < months.Count ? months[at + 1] : null), UrlScheme.Relative(pageUrl, m.Url));
    }
}
