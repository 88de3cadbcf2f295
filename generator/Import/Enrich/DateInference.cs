namespace Baoku.Import.Enrich;

public enum DateConfidence { Low, Medium, High, Explicit }

/// <summary>A page's publication date, how sure we are, and why (one line of evidence per clue, in Chinese).</summary>
public sealed record InferredDate(DateOnly Date, DateConfidence Confidence, IReadOnlyList<string> Evidence);

/// <summary>
/// Infers a page's publication date. The year is never printed on these pages: the month and day come from the
/// articles' datelines (<see cref="Datelines"/>; a page reports the day before), the year from what the texts mention
/// (<see cref="DateClues"/>: 党的二十大, 疫情, 第四个“全国科技工作者日”, years…), each clue giving an interval; the
/// intervals are intersected.
/// </summary>
public static class DateInference
{
    /// <param name="articleTexts">Every article (and photo story) on the page, full text, paragraphs joined by "\n".</param>
    /// <param name="firstParagraphs">Their first paragraphs (same order as <paramref name="articleTexts"/> when it has as many).</param>
    /// <param name="explicitDate">What site.yml or a sidecar states; wins outright.</param>
    /// <param name="today">No page appears after today.</param>
    public static InferredDate InferPageDate(IReadOnlyList<string> articleTexts, IReadOnlyList<string> firstParagraphs,
        DateOnly? explicitDate, DateOnly today) =>
        InferPageDate(articleTexts, firstParagraphs, explicitDate, today, DateClues.YearRules, DateClues.MonthRules);

    /// <summary>The same with another rule table, e.g. <see cref="DateClues.YearRules"/> plus a local clue.</summary>
    public static InferredDate InferPageDate(IReadOnlyList<string> articleTexts, IReadOnlyList<string> firstParagraphs,
        DateOnly? explicitDate, DateOnly today, IReadOnlyList<YearRule> yearRules, IReadOnlyList<MonthRule> monthRules)
    {
        if (explicitDate is { } given)
            return new InferredDate(given, DateConfidence.Explicit, ["site.yml/sidecar"]);

        var evidence = new List<string>();

        // Month and day: the latest event reported on the page, published the next day.
        var events = CollectEvents(articleTexts, firstParagraphs, evidence);
        (int Month, int Day)? latest = events.Count == 0 ? null : Latest(events);
        if (latest is { } ev)
            evidence.Add($"报道日期 {ev.Month}月{ev.Day}日 → 次日见报");
        else
            evidence.Add("版面上没有报道日期（只有“日前”之类），见报日期无法确定，信心低 (no dateline on the page)");

        // Year: intersect every clue's interval.
        var texts = articleTexts.Concat(firstParagraphs).ToList();
        var clues = DateClues.FindYearClues(texts, yearRules);
        foreach (var c in clues) evidence.Add(c.ToString());
        var months = DateClues.FindMonthClues(texts, monthRules);

        DateOnly date;
        DateConfidence confidence;
        if (clues.Count == 0)
        {
            (date, confidence) = NoYearClue(latest, months, today, evidence);
        }
        else
        {
            var from = clues.Max(c => c.Span.From);
            var to = clues.Min(c => c.Span.To);
            if (from > to)
            {
                evidence.Add($"年份线索互相矛盾，没有共同的时间范围（{from:yyyy-MM-dd} 之后又要 {to:yyyy-MM-dd} 之前），取线索合起来最晚的年份，信心低 (conflicting year clues)");
                date = UnionFallback(clues, latest, today, evidence);
                confidence = DateConfidence.Low;
            }
            else
            {
                // No page appears after today (unless every clue points past it: then say so and ignore today).
                if (to > today)
                {
                    if (from <= today) to = today;
                    else evidence.Add($"线索指向今天（{today:yyyy-MM-dd}）之后，未按今天截止 (clues point past today)");
                }
                var range = new DateSpan(from, to);
                evidence.Add($"年份线索的共同范围：{range}");
                (date, confidence) = latest is { } md
                    ? WithinRange(md, range, evidence)
                    : (EarliestInMonths(range, months), DateConfidence.Low);
                if (latest is null) evidence.Add($"取范围内最早的可能日期 {date:yyyy-MM-dd}");
            }
        }

        // Season clues: consistent, or a reason for doubt.
        foreach (var (rule, matched) in months)
        {
            var allowed = string.Join("、", rule.Months.Select(m => $"{m}月"));
            if (rule.Months.Contains(date.Month))
                evidence.Add($"「{rule.Name}」“{matched}” → {allowed}见报，相符");
            else
            {
                evidence.Add($"「{rule.Name}」“{matched}” → 应在{allowed}见报，与 {date:yyyy-MM-dd} 不符 (season clue disagrees)");
                if (confidence > DateConfidence.Low) confidence--;
            }
        }

        return new InferredDate(date, confidence, evidence);
    }

    private static List<(int Month, int Day)> CollectEvents(IReadOnlyList<string> articleTexts, IReadOnlyList<string> firstParagraphs, List<string> evidence)
    {
        var events = new List<(int, int)>();
        var paired = articleTexts.Count == firstParagraphs.Count;
        var hasDateline = new bool[firstParagraphs.Count];
        for (var i = 0; i < firstParagraphs.Count; i++)
            if (Datelines.FindDateline(firstParagraphs[i]) is { } md)
            {
                hasDateline[i] = true;
                events.Add(md);
                evidence.Add($"导语日期 {md.Month}月{md.Day}日：“{Excerpt(firstParagraphs[i])}”");
            }

        // An article whose lead has no date (日前…, or a feature's introduction) still tells its events where a
        // sentence opens with the date; used per article when the lists pair up, otherwise only for a page with no dateline at all.
        for (var i = 0; i < articleTexts.Count; i++)
        {
            if (paired ? hasDateline[i] : events.Count > 0) continue;
            foreach (var (md, at) in Datelines.SentenceInitialDates(articleTexts[i]).DistinctBy(x => x.Date))
            {
                events.Add(md);
                evidence.Add($"正文句首日期 {md.Month}月{md.Day}日：“{Excerpt(articleTexts[i][at..])}”");
            }
        }
        return events;
    }

    /// <summary>The latest month/day; a page with both December and January dates straddles the new year.</summary>
    private static (int Month, int Day) Latest(List<(int Month, int Day)> events)
    {
        static int Doy((int Month, int Day) md) => new DateOnly(2000, md.Month, md.Day).DayOfYear;
        var min = events.Min(Doy);
        var max = events.Max(Doy);
        return max - min > 183
            ? events.MaxBy(e => Doy(e) < 183 ? Doy(e) + 366 : Doy(e))
            : events.MaxBy(Doy);
    }

    /// <summary>The publication date for an event on month/day in <paramref name="eventYear"/>; null for 29 February of a common year.</summary>
    private static DateOnly? Publication(int eventYear, (int Month, int Day) md) =>
        eventYear is < 1 or > 9998 || md.Day > DateTime.DaysInMonth(eventYear, md.Month)
            ? null
            : new DateOnly(eventYear, md.Month, md.Day).AddDays(1);

    private static (DateOnly, DateConfidence) WithinRange((int Month, int Day) md, DateSpan range, List<string> evidence)
    {
        var candidates = new List<DateOnly>();
        for (var y = range.From.Year - 1; y <= range.To.Year; y++)
            if (Publication(y, md) is { } pub && range.Contains(pub)) candidates.Add(pub);

        if (candidates.Count == 0)
        {
            // The dateline does not fit the clues in any year: take the year whose date comes nearest to the range.
            var nearest = Enumerable.Range(Math.Max(1, range.From.Year - 4), Math.Min(range.To.Year, 9990) - range.From.Year + 9)
                .Select(y => Publication(y, md)).OfType<DateOnly>()
                .OrderBy(d => d < range.From ? range.From.DayNumber - d.DayNumber : d.DayNumber - range.To.DayNumber)
                .ThenBy(d => d)
                .First();
            evidence.Add($"报道日期 {md.Month}月{md.Day}日 不在年份线索的范围内，取最接近的 {nearest:yyyy-MM-dd}，信心低 (dateline outside the clues' range)");
            return (nearest, DateConfidence.Low);
        }
        if (candidates.Count == 1)
        {
            evidence.Add($"只可能是 {candidates[0].Year} 年 → {candidates[0]:yyyy-MM-dd}");
            return (candidates[0], DateConfidence.High);
        }
        evidence.Add($"可能的年份：{string.Join("、", candidates.Select(c => c.Year))}，取最早的 {candidates[0]:yyyy-MM-dd} (several years possible)");
        return (candidates[0], DateConfidence.Medium);
    }

    private static DateOnly EarliestInMonths(DateSpan range, List<(MonthRule Rule, string Matched)> months)
    {
        if (months.Count == 0) return range.From;
        var allowed = months.SelectMany(m => m.Rule.Months).ToHashSet();
        for (var d = range.From; d <= range.To && d.Year <= range.From.Year + 2; d = d.AddDays(1))
            if (allowed.Contains(d.Month)) return d;
        return range.From;
    }

    private static (DateOnly, DateConfidence) NoYearClue((int Month, int Day)? latest,
        List<(MonthRule Rule, string Matched)> months, DateOnly today, List<string> evidence)
    {
        evidence.Add($"没有年份线索，按今年（{today.Year}）计，信心低 (no year clue: assumed this year)");
        if (latest is not { } md)
        {
            var start = new DateOnly(today.Year, 1, 1);
            return (EarliestInMonths(new DateSpan(start, new DateOnly(today.Year, 12, 31)), months), DateConfidence.Low);
        }
        var date = Publication(today.Year, md) ?? new DateOnly(today.Year, md.Month, 28).AddDays(1);
        if (date > today)
        {
            // Not yet: the latest year in which it has already appeared.
            var earlier = Enumerable.Range(1, 8).Select(back => Publication(today.Year - back, md)).OfType<DateOnly>().First(d => d <= today);
            evidence.Add($"{date:yyyy-MM-dd} 还没到，改取 {earlier:yyyy-MM-dd}");
            date = earlier;
        }
        return (date, DateConfidence.Low);
    }

    /// <summary>Conflicting clues: the latest year covered by any clue (open-ended ones end today) that can hold the date.</summary>
    private static DateOnly UnionFallback(IReadOnlyList<YearClue> clues, (int Month, int Day)? latest, DateOnly today, List<string> evidence)
    {
        var spans = clues.Select(c => c.Span.To > today && c.Span.From <= today ? c.Span with { To = today } : c.Span).ToList();
        var lastYear = Math.Min(spans.Max(s => s.To.Year), 9998);
        var firstYear = spans.Min(s => s.From.Year);
        DateOnly? date = null;
        if (latest is { } md)
        {
            for (var y = lastYear; y >= firstYear - 1 && date is null; y--)
                if (Publication(y, md) is { } pub && spans.Any(s => s.Contains(pub))) date = pub;
            // Nothing fits (29 February): the nearest year at or before the latest that has the day.
            date ??= Enumerable.Range(0, 8).Select(back => Publication(lastYear - back, md)).OfType<DateOnly>().First();
        }
        else
        {
            var holder = spans.Where(s => s.To.Year == lastYear).MinBy(s => s.From)!;
            date = holder.From.Year == lastYear ? holder.From : new DateOnly(lastYear, 1, 1);
        }
        evidence.Add($"按线索合起来最晚的年份 {date!.Value.Year} 计 → {date:yyyy-MM-dd}");
        return date.Value;
    }

    private static string Excerpt(string text)
    {
        var flat = text.Replace("\n", " ").Trim();
        return flat.Length <= 30 ? flat : flat[..30] + "…";
    }
}
