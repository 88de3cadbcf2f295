using System.Globalization;
using System.Text.RegularExpressions;

namespace Baoku.Import.Enrich;

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
/// Clues to the date in what the articles mention. Year rules: where a rule matches (党的二十大, 疫情, 第四个“全国科技工作者日”,
/// a year…), the publication date lies in the interval it gives. Season rules: the page appears in certain months.
/// </summary>
public static partial class DateClues
{
    /// <summary>The 20th Central Committee's term: the 21st National Congress is due in autumn 2027.</summary>
    private static readonly DateOnly TwentiethTermEnd = new(2027, 10, 31);

    /// <summary>
    /// The year of the newest event the table knows (二十届四中全会, October 2025): the year given to a page that has no clue
    /// at all and no other page in its import to go by (never the machine's clock). Raise it with the table.
    /// </summary>
    public const int NewestKnownYear = 2025;

    // ───────────────────────── the rule table: add a row to teach it a new clue ─────────────────────────

    public static IReadOnlyList<YearRule> YearRules { get; } =
    [
        // The 20th National Congress closed on 2022-10-22 (opened 10-16); the next congress is due in 2027.
        // "迎接党的二十大" is the run-up, not the aftermath: its own rule below.
        // "去年10月党的二十大胜利闭幕" / "今年召开的党的二十大": the year it is said in is known exactly.
        new("党的二十大", new Regex(Relative + @"(?:(?<!迎接|迎)党的二十大|二十大精神|二十大报告)"),
            (m, _) => Offset(m) is int k ? DateSpan.Year(2022 + k) : DateSpan.Between(new(2022, 10, 16), TwentiethTermEnd)),
        new("迎接二十大", new Regex(@"(?:迎接|喜迎)(?:党的)?二十大"),
            (_, _) => DateSpan.Between(new(2021, 11, 1), new(2022, 10, 22))),

        // Plenary sessions of the 20th Central Committee (二十届N中全会), from when each was held
        // (一中 2022-10-23; 二中 opened 2023-02-26; 三中 closed 2024-07-18; 四中 closed 2025-10-23). Add later plenums here.
        new("二十届全会", new Regex(Relative + @"二十届([一二三四])中全会"),
            (m, _) =>
            {
                DateOnly? held = m.Groups[1].Value switch
                {
                    "一" => new(2022, 10, 23),
                    "二" => new(2023, 2, 26),
                    "三" => new(2024, 7, 18),
                    "四" => new(2025, 10, 23),
                    _ => null,
                };
                if (held is not { } h) return null;
                return Offset(m) is int k ? DateSpan.Year(h.Year + k) : DateSpan.Between(h, TwentiethTermEnd);
            }),

        // The first and last years of a five-year plan: 十三五 2016–2020, 十四五 2021–2025, 十五五 2026–2030.
        // "今年是“十四五”规划收官之年" → 2025; "去年是…开局之年" → the year after.
        new("五年规划开局收官", new Regex(Relative + @"[“""「『]?(十三五|十四五|十五五)\s*[”""」』]?\s*(?:规划)?\s*的?\s*(开局|收官)之年"),
            (m, _) =>
            {
                var first = m.Groups[1].Value switch { "十三五" => 2016, "十四五" => 2021, _ => 2026 };
                var year = first + (m.Groups[2].Value == "开局" ? 0 : 4);
                return DateSpan.Year(year + (Offset(m) ?? 0));
            }),

        // The Hangzhou Asian Games (postponed from 2022) opened on 2023-09-23 and closed on 2023-10-08.
        new("杭州亚运会", new Regex(@"杭州(?:第19届)?亚运会\s*(?:(?:开幕\s*)?(?:在即|即将开幕|即将举行|进入倒计时)|(期间|举办期间))"),
            (m, _) => m.Groups[1].Success
                ? DateSpan.Between(new(2023, 9, 23), new(2023, 10, 31))
                : DateSpan.Between(new(2023, 6, 1), new(2023, 9, 23))),

        // Anniversaries counted from a founding year: 建党100周年 → 2021, 新中国成立75周年 → 2024, 改革开放40周年 → 2018.
        new("周年纪念", new Regex(@"(建党|中国共产党成立|新中国成立|中华人民共和国成立|改革开放)\s*([0-9]+|[一二三四五六七八九十百]+)\s*周年"),
            (m, _) => ChineseNumber(m.Groups[2].Value) is int n and > 0
                ? DateSpan.Year(n + m.Groups[1].Value switch { "建党" or "中国共产党成立" => 1921, "改革开放" => 1978, _ => 1949 })
                : null),

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

        // A date announced ahead ("定于2022年7月20日上午10时拍卖", an ad or a notice): the page appears within the year before it.
        new("预告的日期", new Regex(@"(?<![\d.])((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
            (m, text) => IsForwardLooking(m, text) && Day(m) is { } day ? DateSpan.Between(day.AddYears(-1), day) : null),

        // "与2023年同期相比": the period compared with is over, the page appears the year after it at the earliest.
        new("某年同期", new Regex(@"(?<![\d.])((?:19|20)\d{2})\s*年\s*同期"),
            (m, _) => DateSpan.FromYear(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1)),

        // "2022年，全市实施技术改造项目126个；今年以来，又有…": an article that tells a year as past and then speaks of 今年
        // appears in a later year (most likely the next one). Not where the sentence plans ("2024年，我县将…") or says what
        // the year is ("2023年，是…").
        new("今年与往年", CompletedYear(),
            (m, text) => text.Contains("今年", StringComparison.Ordinal) && !PlanWords().IsMatch(Clause(text, m.Index))
                ? DateSpan.FromYear(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1)
                : null),

        // "今年（2023年）", "去年（2022年）": the year said in is given outright.
        new("今年去年注明年份", new Regex(@"(今年|去年|前年|明年)\s*[（(]\s*((?:19|20)\d{2})\s*年?\s*[）)]"),
            (m, _) => DateSpan.Year(int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) + Offset(m.Groups[1].Value))),

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

    // A year told as past: "2022年，全市…" at the start of a sentence, "2022年全年", "2022年全市/我县…".
    [GeneratedRegex(@"(?<=^|[。！？；\n]\s*)((?:19|20)\d{2})\s*年\s*(?:[，,]|全年|(?:全市|全县|全区|全镇|我市|我县|我区|该村|该镇))")]
    private static partial Regex CompletedYear();

    // A plan ("2024年，我县将…") or what the year is ("2023年，是…开局之年"): not a year told as past.
    [GeneratedRegex(@"将|计划|力争|预计|目标|争取|^[^，,]*[，,]\s*(?:是|为)")]
    private static partial Regex PlanWords();

    /// <summary>The text from <paramref name="at"/> to the end of its sentence.</summary>
    private static string Clause(string text, int at)
    {
        var end = text.IndexOfAny(['。', '！', '？', '；', '\n'], at);
        return end < 0 ? text[at..] : text[at..end];
    }

    /// <summary>
    /// An optional 今年 / 去年 / 前年 / 明年 before an event, part of the match: "去年10月党的二十大", "今年是“十四五”…",
    /// "去年召开的…". <see cref="Offset(Match)"/> reads it.
    /// </summary>
    private const string Relative = @"(?:(?<rel>今年|去年|前年|明年)\s*(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?\s*(?:是|为|胜利召开的|召开的|举行的|胜利闭幕的|闭幕的)?\s*(?:党的)?)?";

    /// <summary>How many years before the page the matched event is said to be: 今年 0, 去年 1, 前年 2, 明年 −1; null when not said.</summary>
    private static int? Offset(Match m) => m.Groups["rel"].Success ? Offset(m.Groups["rel"].Value) : null;

    private static int Offset(string word) => word switch { "去年" => 1, "前年" => 2, "明年" => -1, _ => 0 };

    private static DateOnly? Day(Match m)
    {
        var y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    private static bool IsForwardLooking(Match m, string text)
    {
        var before = text[Math.Max(0, m.Index - 4)..m.Index];
        var after = text[(m.Index + m.Length)..Math.Min(text.Length, m.Index + m.Length + 3)];
        if (Regex.IsMatch(before, @"(?:[—–\-－~～]|(?<!截)至|到|力争|争取|预计|计划|将|定|拟)于?\s*$")) return true;
        if (Regex.IsMatch(after, @"^(?:前(?![一二三四五六七八九十两\d])|底前|以前|远景)")) return true;
        return false;
    }

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

    /// <summary>Every season rule that fires on the texts, once per rule and matched text, in table order.</summary>
    internal static List<(MonthRule Rule, string Matched)> FindMonthClues(IEnumerable<string> texts, IReadOnlyList<MonthRule> rules)
    {
        var clues = new List<(MonthRule, string)>();
        foreach (var rule in rules)
            foreach (var text in texts.Where(t => !string.IsNullOrEmpty(t)))
                foreach (Match m in rule.Pattern.Matches(text))
                    if (rule.Applies(m, text) && !clues.Any(c => c.Item1 == rule && c.Item2 == m.Value))
                        clues.Add((rule, m.Value));
        return clues;
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
