using System.Globalization;
using System.Text.RegularExpressions;

namespace Baoku.Import.Enrich;

/// <summary>The issue's own date printed on the page: a page header or a web page's meta line.</summary>
public sealed record IssueDate(DateOnly Date, IssueDateKind Kind, string Matched);

public enum IssueDateKind { PageHeader, WebMeta }

/// <summary>
/// Dates that name the issue itself rather than an event: a page header with its weekday (<c>2023年6月8日 星期四</c>,
/// <c>A2 要闻 2024年3月19日 星期二</c>), a web page's meta line (<c>发布时间：2025-04-09 18:21</c>, <c>发布日期：2023年08月30日</c>)
/// or a time stamp (<c>2023-03-08 09:30 来源：…</c>). A header's weekday must agree with the calendar: one that does not is
/// reported (<see cref="FindMisprinted"/>) and not used.
/// </summary>
public static partial class IssueDates
{
    [GeneratedRegex(@"(?<![0-9])(?<y>(?:19|20)\d{2})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日\s*(?:星期|周)\s*(?<w>[一二三四五六日天])")]
    private static partial Regex Header();

    // 发布时间：2025-04-09 18:21 / 发布日期：2023年08月30日 / 更新时间: 2024/3/5
    [GeneratedRegex(@"(?:发布|发表|更新|录入|上传)\s*(?:时间|日期)\s*[:：]?\s*(?<y>(?:19|20)\d{2})\s*(?:[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*日?)")]
    private static partial Regex Meta();

    // 2023-03-08 09:30 (a machine time stamp: date and hours:minutes)
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?<y>(?:19|20)\d{2})[-/](?<m>\d{1,2})[-/](?<d>\d{1,2})\s+\d{1,2}:\d{2}(?![0-9])")]
    private static partial Regex TimeStamp();

    /// <summary>The issue dates printed in the texts, each once, in the order found.</summary>
    public static IReadOnlyList<IssueDate> Find(IEnumerable<string> texts)
    {
        var found = new List<IssueDate>();
        foreach (var text in texts.Where(t => !string.IsNullOrEmpty(t)))
        {
            foreach (Match m in Header().Matches(text))
                if (ToDate(m) is { } d && Weekday(m.Groups["w"].Value) == d.DayOfWeek)
                    Add(found, new IssueDate(d, IssueDateKind.PageHeader, Flat(m.Value)));
            foreach (var m in Meta().Matches(text).Concat(TimeStamp().Matches(text)))
                if (ToDate(m) is { } d)
                    Add(found, new IssueDate(d, IssueDateKind.WebMeta, Flat(m.Value)));
        }
        return found;
    }

    /// <summary>Page headers whose weekday does not fall on their date (a misprint, or an OCR error).</summary>
    public static IReadOnlyList<string> FindMisprinted(IEnumerable<string> texts) =>
        texts.Where(t => !string.IsNullOrEmpty(t))
            .SelectMany(t => Header().Matches(t))
            .Where(m => ToDate(m) is { } d && Weekday(m.Groups["w"].Value) != d.DayOfWeek)
            .Select(m => Flat(m.Value)).Distinct().ToList();

    private static void Add(List<IssueDate> found, IssueDate d)
    {
        if (!found.Any(f => f.Date == d.Date && f.Kind == d.Kind)) found.Add(d);
    }

    private static DayOfWeek Weekday(string w) => w switch
    {
        "一" => DayOfWeek.Monday, "二" => DayOfWeek.Tuesday, "三" => DayOfWeek.Wednesday, "四" => DayOfWeek.Thursday,
        "五" => DayOfWeek.Friday, "六" => DayOfWeek.Saturday, _ => DayOfWeek.Sunday,
    };

    private static DateOnly? ToDate(Match m)
    {
        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    private static string Flat(string s) => Regex.Replace(s, @"\s+", " ").Trim();
}
