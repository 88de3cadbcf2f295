using System.Globalization;
using System.Text.RegularExpressions;

namespace Baoku.Import.Enrich;

/// <summary>Where a story's dateline stands: in its lead, at the start of a later paragraph, or at the start of a sentence.</summary>
public enum DatelinePlace { Lead, Paragraph, Sentence }

/// <summary>The day a story reports on, where it was found, and the words it was read from.</summary>
public sealed record StoryDateline(int Month, int Day, DatelinePlace Place, string Excerpt)
{
    public (int Month, int Day) MonthDay => (Month, Day);
    public override string ToString() =>
        $"{Place switch { DatelinePlace.Lead => "导语日期", DatelinePlace.Paragraph => "段首日期", _ => "正文句首日期" }} {Month}月{Day}日：“{Excerpt}”";
}

/// <summary>
/// The day an article reports on. The lead's dateline gives the month and day (the year is never printed); an article
/// without one still dates its events where a sentence or paragraph opens with the date.
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

    // "5月3日上午，…" but not a plan: "6月30日，将举行…".
    [GeneratedRegex(@"(?:^|[。！？\n])\s*((\d{1,2})\s*月\s*(\d{1,2})\s*日)(?:上午|下午|晚上|晚|早上|凌晨|中午|夜间)?\s*[，,](?!\s*(?:将|还将|即将|拟|计划|预计))")]
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

    /// <summary>
    /// A story's datelines: the lead's (<see cref="FindDateline"/> on the first paragraph) and those of later paragraphs that
    /// open with a date (a section's opening, or a second story the layout joined to this one); with none of these, the
    /// first date that opens a sentence anywhere in the story (a lead of 日前…). Other dates inside a story are often plans
    /// (…。6月30日，将举行…) or background, not the day it reports.
    /// </summary>
    public static IReadOnlyList<StoryDateline> ForStory(IReadOnlyList<string> paragraphs)
    {
        var found = new List<StoryDateline>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var md = i == 0 ? FindDateline(paragraphs[i]) : ParagraphInitialDate(paragraphs[i]);
            if (md is { } d) found.Add(new StoryDateline(d.Month, d.Day, i == 0 ? DatelinePlace.Lead : DatelinePlace.Paragraph, Excerpt(paragraphs[i])));
        }
        if (found.Count > 0) return found;
        var text = string.Join("\n", paragraphs);
        return SentenceInitialDates(text).Take(1).Select(x => new StoryDateline(x.Date.Month, x.Date.Day, DatelinePlace.Sentence, Excerpt(text[x.Index..]))).ToList();
    }

    private static (int Month, int Day)? ParagraphInitialDate(string paragraph) =>
        SentenceInitialDate().Match(paragraph) is { Success: true, Index: 0 } m ? Valid(m.Groups[2].Value, m.Groups[3].Value) : null;

    /// <summary>The first 30 characters of a text on one line, for evidence.</summary>
    public static string Excerpt(string text)
    {
        var flat = text.Replace("\n", " ").Trim();
        return flat.Length <= 30 ? flat : flat[..30] + "…";
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
