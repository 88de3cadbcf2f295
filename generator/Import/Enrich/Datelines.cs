using System.Globalization;
using System.Text.RegularExpressions;

namespace Baoku.Import.Enrich;

/// <summary>
/// The day an article reports on. The lead's dateline gives the month and day (the year is never printed); an article
/// without one still dates its events where a sentence opens with the date.
/// </summary>
public static partial class Datelines
{
    /// <summary>How far into the first paragraph (after 本报讯 and its byline) the dateline may stand.</summary>
    public const int DatelineWindow = 60;

    [GeneratedRegex(@"^\s*(?:本报讯|本报消息)\s*(?:[（(][^）)]{0,40}[）)])?\s*[，,:：]?\s*")]
    private static partial Regex NewsLead();

    [GeneratedRegex(@"^(?:日前|近日|连日来|近期|前不久|不久前|最近|近来|昨天|昨日|今天|今日|近年来|目前)")]
    private static partial Regex VagueTime();

    [GeneratedRegex(@"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*日")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"(?:^|[。！？\n])\s*((\d{1,2})\s*月\s*(\d{1,2})\s*日)(?:上午|下午|晚上|晚|早上|凌晨|中午|夜间)?\s*[，,]")]
    private static partial Regex SentenceInitialDate();

    /// <summary>
    /// The month and day of the reported event: the first "M月D日" within the first ~60 characters of the first
    /// paragraph, after a leading 本报讯 and its bracketed byline. Null when there is none or the lead is vague (日前, 近日…).
    /// </summary>
    public static (int Month, int Day)? FindDateline(string firstParagraph)
    {
        if (string.IsNullOrWhiteSpace(firstParagraph)) return null;
        var rest = firstParagraph[NewsLead().Match(firstParagraph).Length..].TrimStart();
        if (VagueTime().IsMatch(rest)) return null;
        var window = rest.Length > DatelineWindow ? rest[..DatelineWindow] : rest;
        foreach (Match m in MonthDay().Matches(window))
            if (Valid(m.Groups[1].Value, m.Groups[2].Value) is { } md) return md;
        return null;
    }

    /// <summary>Dates that open a sentence or paragraph ("。11月11日，永康经济开发区召开…"): the events of an article without a dateline.</summary>
    public static IReadOnlyList<(int Month, int Day)> FindSentenceInitialDates(string articleText) =>
        SentenceInitialDates(articleText).Select(x => x.Date).ToList();

    internal static IEnumerable<((int Month, int Day) Date, int Index)> SentenceInitialDates(string articleText)
    {
        if (string.IsNullOrEmpty(articleText)) yield break;
        foreach (Match m in SentenceInitialDate().Matches(articleText))
            if (Valid(m.Groups[2].Value, m.Groups[3].Value) is { } md) yield return (md, m.Groups[1].Index);
    }

    private static (int, int)? Valid(string month, string day)
    {
        var mo = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(2000, mo) ? (mo, d) : null;
    }
}
