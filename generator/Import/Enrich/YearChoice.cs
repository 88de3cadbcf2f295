namespace Baoku.Import.Enrich;

/// <summary>
/// The year of a page from the year clues of its whole text, scored together. Each clue gives an interval
/// (<see cref="DateSpan"/>) and points at the year it starts in (2022年 → 2022, 党的二十大 → 2022, 今年 after "2022年，" → 2023).
/// With a common interval: the latest year a clue points at that fits it (with the dateline's month and day, when there
/// is one), else the first year that fits. Without one (the clues contradict each other): the year that satisfies the
/// most clues, the latest on a tie, at low confidence.
/// </summary>
internal static class YearChoice
{
    /// <summary>The page date in <paramref name="year"/> for a story reporting on <paramref name="ev"/> (published the next day).</summary>
    internal static DateOnly? Publication(int year, (int Month, int Day) ev)
    {
        if (year is < 2 or > 9998) return null;
        if (ev is (12, 31)) return new DateOnly(year, 1, 1);          // reported on New Year's Day
        return ev.Day > DateTime.DaysInMonth(year, ev.Month) ? null : new DateOnly(year, ev.Month, ev.Day).AddDays(1);
    }

    internal static (DateOnly Date, DateConfidence Confidence) Choose(IReadOnlyList<YearClue> clues, (int Month, int Day)? ev,
        IReadOnlyList<int> seasonMonths, List<string> evidence)
    {
        var pointed = clues.Select(c => c.Span.From.Year).Distinct().OrderDescending().ToList();
        var from = clues.Max(c => c.Span.From);
        var to = clues.Min(c => c.Span.To);
        if (from > to) return Conflict(clues, ev, pointed, evidence);

        var range = new DateSpan(from, to);
        evidence.Add($"年份线索的共同范围：{range}");
        if (ev is not { } md)
        {
            var year = pointed.FirstOrDefault(y => y >= from.Year && y <= to.Year, from.Year);
            var date = Earliest(range, year, seasonMonths);
            evidence.Add($"取线索所指最晚的年份 {year} 年，范围内最早的可能日期 {Dates.Iso(date)}");
            return (date, DateConfidence.Low);
        }

        DateOnly? chosen = null;
        foreach (var y in pointed.SelectMany(p => new[] { p, p + 1 }))
            if (Publication(y, md) is { } pub && range.Contains(pub)) { chosen = pub; break; }
        var lastYear = range.IsOpenEnded ? from.Year + 12 : Math.Min(to.Year, from.Year + 12);
        chosen ??= Enumerable.Range(from.Year, lastYear - from.Year + 1)
            .Select(y => Publication(y, md)).FirstOrDefault(d => d is { } pub && range.Contains(pub));
        if (chosen is not { } found) return Nearest(range, md, evidence);

        var fitting = Enumerable.Range(from.Year, lastYear - from.Year + 1)
            .Where(y => Publication(y, md) is { } pub && range.Contains(pub)).ToList();
        if (fitting.Count == 1 && !range.IsOpenEnded)
        {
            evidence.Add($"只可能是 {found.Year} 年 → {Dates.Iso(found)}");
            return (found, DateConfidence.High);
        }
        var years = range.IsOpenEnded ? $"{fitting[0]} 年起各年" : string.Join("、", fitting);
        evidence.Add($"可能的年份：{years}，取线索所指最晚的 {found.Year} 年 → {Dates.Iso(found)} (several years possible: the latest year a clue points at)");
        return (found, DateConfidence.Medium);
    }

    /// <summary>No year satisfies every clue: the one that satisfies the most, the latest on a tie; say which clues disagree.</summary>
    private static (DateOnly, DateConfidence) Conflict(IReadOnlyList<YearClue> clues, (int Month, int Day)? ev, List<int> pointed,
        List<string> evidence)
    {
        var years = pointed.Concat(pointed.Select(y => y + 1))
            .Concat(clues.Where(c => !c.Span.IsOpenEnded).Select(c => c.Span.To.Year)).Distinct();
        var scored = years
            .Select(y => (Year: y, Date: ev is { } md ? Publication(y, md) : FirstIn(clues, y)))
            .Where(x => x.Date is not null)
            .Select(x => (x.Year, Date: x.Date!.Value, Score: clues.Count(c => c.Span.Contains(x.Date!.Value))))
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Year)
            .FirstOrDefault();
        var date = scored.Score > 0 ? scored.Date : new DateOnly(pointed.Max(), 1, 1);
        var against = clues.Where(c => !c.Span.Contains(date)).Select(c => $"「{c.Rule}」“{c.Matched}”");
        evidence.Add($"年份线索互相矛盾，取符合线索最多的最晚年份 {date.Year} → {Dates.Iso(date)}，与{string.Join("、", against)}不符，信心低 (conflicting year clues)");
        return (date, DateConfidence.Low);
    }

    /// <summary>The dateline fits no year of the range: the year whose date comes nearest to it.</summary>
    private static (DateOnly, DateConfidence) Nearest(DateSpan range, (int Month, int Day) md, List<string> evidence)
    {
        var lastYear = Math.Min(range.IsOpenEnded ? range.From.Year : range.To.Year, 9990);
        var nearest = Enumerable.Range(Math.Max(2, range.From.Year - 4), lastYear - range.From.Year + 9)
            .Select(y => Publication(y, md)).OfType<DateOnly>()
            .OrderBy(d => d < range.From ? range.From.DayNumber - d.DayNumber : d.DayNumber - range.To.DayNumber)
            .ThenBy(d => d)
            .First();
        evidence.Add($"报道日期 {md.Month}月{md.Day}日 不在年份线索的范围内，取最接近的 {Dates.Iso(nearest)}，信心低 (dateline outside the clues' range)");
        return (nearest, DateConfidence.Low);
    }

    /// <summary>The day of <paramref name="year"/> that the most clues allow: a clue's first day in that year, or 1 January.</summary>
    private static DateOnly? FirstIn(IReadOnlyList<YearClue> clues, int year) =>
        year is < 2 or > 9998 ? null
            : clues.Select(c => c.Span.From).Where(d => d.Year == year).Append(new DateOnly(year, 1, 1)).Order()
                .MaxBy(d => clues.Count(c => c.Span.Contains(d)));

    /// <summary>The first day of <paramref name="year"/> inside <paramref name="range"/>, in one of the season's months when there are any.</summary>
    internal static DateOnly Earliest(DateSpan range, int year, IReadOnlyList<int> seasonMonths)
    {
        var start = new DateOnly(year, 1, 1) < range.From ? range.From : new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31) > range.To ? range.To : new DateOnly(year, 12, 31);
        for (var d = start; d <= end; d = d.AddDays(1))
            if (seasonMonths.Count == 0 || seasonMonths.Contains(d.Month)) return d;
        return start;
    }
}
