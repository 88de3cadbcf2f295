using System.Globalization;
using System.Text.RegularExpressions;

namespace Baoku.Import.Enrich;

public enum DateConfidence { Low, Medium, High, Explicit }

/// <summary>A page's publication date, how sure we are, and why (one line of evidence per clue, in Chinese).</summary>
public sealed record InferredDate(DateOnly Date, DateConfidence Confidence, IReadOnlyList<string> Evidence);

/// <summary>The publication date lies within [<see cref="From"/>, <see cref="To"/>] (both inclusive).</summary>
public sealed record DateSpan(DateOnly From, DateOnly To)
{
    public static DateSpan Since(int year, int month, int day) => new(new(year, month, day), DateOnly.MaxValue);
    public static DateSpan Between(DateOnly from, DateOnly to) => new(from, to);
    public static DateSpan Year(int year) => new(new(year, 1, 1), new(year, 12, 31));
    public static DateSpan Years(int first, int last) => new(new(first, 1, 1), new(last, 12, 31));
    public static DateSpan FromYear(int year) => new(new(year, 1, 1), DateOnly.MaxValue);

    public bool IsOpenEnded => To == DateOnly.MaxValue;
    public bool Contains(DateOnly d) => d >= From && d <= To;

    public override string ToString()
    {
        var fromNewYear = From.Month == 1 && From.Day == 1;
        if (IsOpenEnded) return fromNewYear ? $"{From.Year} 年起" : $"{Iso(From)} 起";
        if (fromNewYear && To.Month == 12 && To.Day == 31)
            return From.Year == To.Year ? $"{From.Year} 年" : $"{From.Year}–{To.Year} 年";
        return $"{Iso(From)} 至 {Iso(To)}";
    }

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// A clue to the year: where <see cref="Pattern"/> matches an article's text, <see cref="Span"/> tells the interval the
/// publication date must lie in (null: this match says nothing, e.g. a forward-looking "到2025年").
/// </summary>
public sealed record YearRule(string Name, Regex Pattern, Func<Match, string, DateSpan?> Span);

/// <summary>A clue to the season: where <see cref="Pattern"/> matches and <see cref="Applies"/> holds, the page appears in one of <see cref="Months"/>.</summary>
public sealed record MonthRule(string Name, Regex Pattern, Func<Match, string, bool> Applies, IReadOnlyList<int> Months);

/// <summary>One rule that fired on a page, with the text it matched.</summary>
public sealed record YearClue(string Rule, string Matched, DateSpan Span)
{
    public override string ToString() => $"「{Rule}」“{Matched}” → {Span}";
}

/// <summary>
/// Infers a page's publication date. The year is never printed on these pages: the month and day come from the
/// articles' datelines (a page reports the day before), the year from what the texts mention (党的二十大, 疫情,
/// 第四个“全国科技工作者日”, years…), each clue giving an interval; the intervals are intersected.
/// </summary>
public static partial class DateInference
{
    /// <summary>How far into the first paragraph (after 本报讯 and its byline) the dateline may stand.</summary>
    public const int DatelineWindow = 60;

    /// <summary>The 20th Central Committee's term: the 21st National Congress is due in autumn 2027.</summary>
    private static readonly DateOnly TwentiethTermEnd = new(2027, 10, 31);

    // ───────────────────────── the rule table: add a row to teach it a new clue ─────────────────────────

    public static IReadOnlyList<YearRule> YearRules { get; } =
    [
        // The 20th National Congress closed on 2022-10-22 (opened 10-16); the next congress is due in 2027.
        // "迎接党的二十大" is the run-up, not the aftermath: its own rule below.
        new("党的二十大", new Regex(@"(?<!迎接|迎)党的二十大|二十大精神|二十大报告"),
            (_, _) => DateSpan.Between(new(2022, 10, 16), TwentiethTermEnd)),
        new("迎接二十大", new Regex(@"(?:迎接|喜迎)(?:党的)?二十大"),
            (_, _) => DateSpan.Between(new(2021, 11, 1), new(2022, 10, 22))),

        // Plenary sessions of the 20th Central Committee (二十届N中全会), from when each was held
        // (一中 2022-10-23; 二中 opened 2023-02-26; 三中 closed 2024-07-18). Add later plenums here.
        new("二十届全会", new Regex(@"二十届([一二三])中全会"),
            (m, _) => m.Groups[1].Value switch
            {
                "一" => DateSpan.Between(new(2022, 10, 23), TwentiethTermEnd),
                "二" => DateSpan.Between(new(2023, 2, 26), TwentiethTermEnd),
                "三" => DateSpan.Between(new(2024, 7, 18), TwentiethTermEnd),
                _ => null,
            }),

        // 新质生产力 was first said in September 2023 (Heilongjiang inspection).
        new("新质生产力", new Regex(@"新质生产力"), (_, _) => DateSpan.Since(2023, 9, 7)),

        // 全国科技工作者日 is 30 May, first held in 2017: the N-th one falls in 2016+N.
        new("全国科技工作者日", new Regex(@"第\s*([0-9]+|[零〇一二两三四五六七八九十百]+)\s*个\s*[“""「『]?\s*全国科技工作者日"),
            (m, _) => ChineseNumber(m.Groups[1].Value) is int n and > 0 ? DateSpan.Year(2016 + n) : null),

        // Drafting the 14th Five-Year Plan (2021–2025) happened in 2019–2020.
        new("十四五规划编制", new Regex(@"十四五\s*[”""」]?\s*规划编制|编制\s*[“""「]?\s*十四五"),
            (_, _) => DateSpan.Years(2019, 2020)),
        // Reviewing the 13th Five-Year Plan (2016–2020) as a whole happened in its last year.
        new("十三五回头看", new Regex(@"对\s*[“""「]?\s*十三五\s*[”""」]?\s*规划作一次\s*[“""「]?\s*回头看"),
            (_, _) => DateSpan.Year(2020)),

        // COVID-19 (not animal epidemics): from January 2020 until the reopening of January 2023.
        new("疫情", new Regex(@"新冠|(?<!猪瘟|禽流感|动物|口蹄疫)疫情"),
            (_, _) => DateSpan.Between(new(2020, 1, 1), new(2023, 1, 31))),

        // "对2023年发展充满信心": the outlook of the year the page appears in.
        new("对某年发展充满信心", new Regex(@"对\s*((?:19|20)\d{2})\s*年(?:的)?发展充满信心"),
            (m, _) => DateSpan.Year(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))),

        // "2023年度" results, rankings, reports are published after that year.
        new("年度", AnnualYear(),
            (m, _) => DateSpan.FromYear(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1)),
        // …and when the same article calls that year "过去一年" (the past year), the page appears the year after it.
        new("年度与过去一年", AnnualYear(),
            (m, text) =>
            {
                if (!text.Contains("过去一年", StringComparison.Ordinal)) return null;
                var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                var latest = AnnualYear().Matches(text).Max(x => int.Parse(x.Groups[1].Value, CultureInfo.InvariantCulture));
                return year == latest ? DateSpan.Year(year + 1) : null;
            }),

        // Any year mentioned (1999年, 2022年销售额…) has begun, unless the phrase looks ahead (到2025年, 2035年前, 至2030年)
        // or the year closes a range (2021—2025年).
        new("提到的年份", new Regex(@"(?<![\d.])((?:19|20)\d{2})\s*年(?!度)"),
            (m, text) => IsForwardLooking(m, text) ? null
                : DateSpan.FromYear(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))),

        // National economic and technological development zones date from 1984: their N-th anniversary is 1984+N.
        new("国家级经开区周年", new Regex(@"国家级(?:经济技术开发区|经开区)(?:建设|设立|成立)?\s*([0-9]+|[一二三四五六七八九十]+)\s*周年"),
            (m, _) => ChineseNumber(m.Groups[1].Value) is int n and > 0 ? DateSpan.Year(1984 + n) : null),
    ];

    public static IReadOnlyList<MonthRule> MonthRules { get; } =
    [
        // The Central Economic Work Conference meets in December; "贯彻…中央经济工作会议精神" for "新的一年" is January–February news.
        new("中央经济工作会议", new Regex(@"中央经济工作会议"),
            (_, text) => text.Contains("新的一年", StringComparison.Ordinal), [1, 2]),
    ];

    [GeneratedRegex(@"(?<![\d.])((?:19|20)\d{2})\s*年度(?!\s*(?:目标|计划|预算|任务))")]
    private static partial Regex AnnualYear();

    private static bool IsForwardLooking(Match m, string text)
    {
        var before = text[Math.Max(0, m.Index - 4)..m.Index];
        var after = text[(m.Index + m.Length)..Math.Min(text.Length, m.Index + m.Length + 3)];
        if (Regex.IsMatch(before, @"(?:[—–\-－~～]|(?<!截)至|到|力争|争取|预计|计划|将于)\s*$")) return true;
        if (Regex.IsMatch(after, @"^(?:前(?![一二三四五六七八九十两\d])|底前|以前|远景)")) return true;
        return false;
    }

    // ───────────────────────── datelines ─────────────────────────

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

    private static IEnumerable<((int Month, int Day) Date, int Index)> SentenceInitialDates(string articleText)
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

    // ───────────────────────── year clues ─────────────────────────

    /// <summary>Every rule that fires on the texts, once per rule and matched text, in table order.</summary>
    public static IReadOnlyList<YearClue> FindYearClues(IEnumerable<string> texts, IReadOnlyList<YearRule>? rules = null)
    {
        var all = texts.Where(t => !string.IsNullOrEmpty(t)).ToList();
        var clues = new List<YearClue>();
        foreach (var rule in rules ?? YearRules)
            foreach (var text in all)
                foreach (Match m in rule.Pattern.Matches(text))
                    if (rule.Span(m, text) is { } span)
                    {
                        var clue = new YearClue(rule.Name, Regex.Replace(m.Value, @"\s+", ""), span);
                        if (!clues.Contains(clue)) clues.Add(clue);
                    }
        return clues;
    }

    private static List<(MonthRule Rule, string Matched)> FindMonthClues(IEnumerable<string> texts, IReadOnlyList<MonthRule> rules)
    {
        var clues = new List<(MonthRule, string)>();
        foreach (var rule in rules)
            foreach (var text in texts.Where(t => !string.IsNullOrEmpty(t)))
                foreach (Match m in rule.Pattern.Matches(text))
                    if (rule.Applies(m, text) && !clues.Any(c => c.Item1 == rule && c.Item2 == m.Value))
                        clues.Add((rule, m.Value));
        return clues;
    }

    // ───────────────────────── the page ─────────────────────────

    /// <param name="articleTexts">Every article (and photo story) on the page, full text, paragraphs joined by "\n".</param>
    /// <param name="firstParagraphs">Their first paragraphs (same order as <paramref name="articleTexts"/> when it has as many).</param>
    /// <param name="explicitDate">What site.yml or a sidecar states; wins outright.</param>
    /// <param name="today">No page appears after today.</param>
    public static InferredDate InferPageDate(IReadOnlyList<string> articleTexts, IReadOnlyList<string> firstParagraphs,
        DateOnly? explicitDate, DateOnly today) =>
        InferPageDate(articleTexts, firstParagraphs, explicitDate, today, YearRules, MonthRules);

    /// <summary>The same with another rule table, e.g. <see cref="YearRules"/> plus a local clue.</summary>
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
        var clues = FindYearClues(texts, yearRules);
        foreach (var c in clues) evidence.Add(c.ToString());
        var months = FindMonthClues(texts, monthRules);

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
            if (FindDateline(firstParagraphs[i]) is { } md)
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
            foreach (var (md, at) in SentenceInitialDates(articleTexts[i]).DistinctBy(x => x.Date))
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

    /// <summary>"四" → 4, "十一" → 11, "二十" → 20, "40" → 40; null when it is not a number.</summary>
    internal static int? ChineseNumber(string s)
    {
        s = s.Trim();
        if (s.Length == 0) return null;
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        const string digits = "零一二三四五六七八九";
        int total = 0, current = 0;
        foreach (var ch in s)
        {
            var d = ch switch { '〇' => 0, '两' => 2, _ => digits.IndexOf(ch) };
            if (d >= 0) { current = d; continue; }
            if (ch == '十') { total += (current == 0 ? 1 : current) * 10; current = 0; }
            else if (ch == '百') { total += (current == 0 ? 1 : current) * 100; current = 0; }
            else return null;
        }
        return total + current;
    }
}
