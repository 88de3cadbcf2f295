using Baoku.Site;

namespace Baoku.Render;

/// <summary>
/// A campaign's coverage per month, drawn at build time as a table: a row per year, a column per month, each cell its
/// count and a bar as high as the count against the busiest month. Its text is page text at a fixed size, readable on a
/// phone and on a desktop however many years the campaign spans (an SVG scaled to the page width shrank its labels
/// with every year); it needs no JavaScript, and screen readers and text browsers read it as the table it is.
/// </summary>
public static class TimelineChart
{
    public static ChartView? Build(Term campaign)
    {
        if (campaign.Articles.Count == 0) return null;
        var counts = campaign.Articles.GroupBy(a => (a.Date.Year, a.Date.Month)).ToDictionary(g => g.Key, g => g.Count());
        var first = counts.Keys.Min();
        var last = counts.Keys.Max();
        int max = counts.Values.Max();
        var caption = $"“{campaign.Name}”每月报道数，{Dates.MonthText(first.Year, first.Month)}至{Dates.MonthText(last.Year, last.Month)}，最多一个月 {max} 篇";
        var years = Enumerable.Range(first.Year, last.Year - first.Year + 1).Select(year => new ChartYearView(year,
            Enumerable.Range(1, 12).Select(month =>
            {
                int count = counts.GetValueOrDefault((year, month));
                // At least a sliver for one article when the busiest month has hundreds.
                int height = count == 0 ? 0 : Math.Max(6, (int)Math.Round(100.0 * count / max));
                return new ChartCellView(count, height, $"{Dates.MonthText(year, month)}：{count} 篇");
            }).ToList())).ToList();
        return new ChartView(caption, Enumerable.Range(1, 12).ToList(), years);
    }
}
