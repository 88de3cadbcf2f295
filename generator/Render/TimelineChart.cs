using System.Globalization;
using System.Net;
using System.Text;
using Baoku.Site;

namespace Baoku.Render;

/// <summary>
/// A campaign's coverage per month as an SVG bar chart drawn at build time: readable without JavaScript,
/// described for screen readers, and backed by a table of the same numbers for text browsers.
/// </summary>
public static class TimelineChart
{
    const int BarWidth = 10, Gap = 2, Height = 120, Top = 16, Bottom = 22, Left = 30;

    public static ChartView? Build(Term campaign)
    {
        if (campaign.Articles.Count == 0) return null;
        var counts = campaign.Articles.GroupBy(a => (a.Date.Year, a.Date.Month)).ToDictionary(g => g.Key, g => g.Count());
        var first = counts.Keys.Min();
        var last = counts.Keys.Max();
        var months = new List<(int Year, int Month)>();
        for (var (y, m) = first; (y, m).CompareTo(last) <= 0; (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)) months.Add((y, m));
        int max = counts.Values.Max();
        int width = Left + months.Count * (BarWidth + Gap) + 8;
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var caption = $"“{campaign.Name}”每月报道数，{Dates.MonthText(first.Year, first.Month)}至{Dates.MonthText(last.Year, last.Month)}，最多一个月 {max} 篇";
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {Top + Height + Bottom}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(caption)}\">");
        svg.Append($"<title>{WebUtility.HtmlEncode(caption)}</title>");
        svg.Append($"<line x1=\"{Left}\" y1=\"{Top + Height}\" x2=\"{width - 4}\" y2=\"{Top + Height}\" stroke=\"#595959\"/>");
        svg.Append($"<text x=\"{Left - 4}\" y=\"{Top + 4}\" font-size=\"10\" text-anchor=\"end\" fill=\"#595959\">{max}</text>");
        svg.Append($"<text x=\"{Left - 4}\" y=\"{Top + Height}\" font-size=\"10\" text-anchor=\"end\" fill=\"#595959\">0</text>");
        for (int i = 0; i < months.Count; i++)
        {
            var key = months[i];
            int count = counts.GetValueOrDefault(key);
            double h = count == 0 ? 0 : Math.Max(2, Height * count / (double)max);
            int x = Left + i * (BarWidth + Gap);
            if (count > 0)
                svg.Append($"<rect x=\"{x}\" y=\"{F(Top + Height - h)}\" width=\"{BarWidth}\" height=\"{F(h)}\" fill=\"#a4161a\"><title>{Dates.MonthText(key.Year, key.Month)}：{count} 篇</title></rect>");
            if (key.Month == 1 || i == 0)
                svg.Append($"<text x=\"{x}\" y=\"{Top + Height + 15}\" font-size=\"10\" fill=\"#1d1d1f\">{key.Year}</text>");
        }
        svg.Append("</svg>");
        var rows = months.Where(k => counts.ContainsKey(k)).Select(k => new ChartRowView(Dates.MonthText(k.Year, k.Month), counts[k])).ToList();
        return new ChartView(new RawHtml(svg.ToString()), caption, rows);
    }
}
