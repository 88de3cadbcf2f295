namespace Baoku.Import.Enrich;

/// <summary>
/// Infers a page's publication date from the strongest evidence there is, in this order:
/// <list type="number">
/// <item>a date a person stated: site.yml <c>pages:</c> or the page's sidecar, then <c>import --date</c> (explicit);
///   <c>import --year</c> fixes only the year;</item>
/// <item>a date in the raw file's path (<see cref="PathDates"/>; high);</item>
/// <item>the issue's date printed on the page: a page header with its weekday, a web meta line (<see cref="IssueDates"/>; high);</item>
/// <item>the stories' datelines (<see cref="Datelines.ForStory"/>: the latest, plus one day, since a paper reports
///   yesterday's events) and the year clues of the whole page scored together (<see cref="DateClues"/>, <see cref="YearChoice"/>);</item>
/// <item>no clue to the year at all: the year of the other pages of the same import (<see cref="YearHint"/>), else
///   <see cref="DateClues.NewestKnownYear"/>, at low confidence and with a review reason for the editor.</item>
/// </list>
/// Clues that disagree with the date taken lower its confidence and are named in the evidence. Pure: no clock, no files.
/// </summary>
public static class DateInference
{
    /// <summary>The review reason of a page whose year nothing tells.</summary>
    public const string NoYearReview = "年份无依据";

    public static InferredDate InferPageDate(PageText page, DateOverrides overrides, YearHint? hint = null) =>
        InferPageDate(page, overrides, hint, DateClues.YearRules, DateClues.MonthRules);

    /// <summary>The same with other rule tables, e.g. <see cref="DateClues.YearRules"/> plus a local clue.</summary>
    public static InferredDate InferPageDate(PageText page, DateOverrides overrides, YearHint? hint,
        IReadOnlyList<YearRule> yearRules, IReadOnlyList<MonthRule> monthRules)
    {
        if (overrides.Stated is { } stated)
            return new InferredDate(stated, DateConfidence.Explicit, ["site.yml 或版面说明文件指定的日期 (date stated in site.yml or the page's sidecar)"]);
        if (overrides.RunDate is { } runDate)
            return new InferredDate(runDate, DateConfidence.Explicit, ["命令行 import --date 指定的日期 (date given with import --date)"]);

        var texts = page.AllTexts.ToList();
        var evidence = new List<string>();
        var clues = DateClues.FindYearClues(texts, yearRules);
        var season = DateClues.FindMonthClues(texts, monthRules);
        var seasonMonths = season.SelectMany(s => s.Rule.Months).Distinct().ToList();
        var path = PathDates.Find(page.RelativePath);
        var issues = IssueDates.Find(texts);
        var datelines = page.Stories.SelectMany(s => Datelines.ForStory(s.Paragraphs)).ToList();
        (int Month, int Day)? latest = datelines.Count == 0 ? null : Latest(datelines.Select(d => d.MonthDay).ToList());
        foreach (var m in IssueDates.FindMisprinted(texts))
            evidence.Add($"版面日期“{m}”的星期与日期不符，未采用 (weekday does not match the date)");

        DateOnly date;
        DateConfidence confidence;
        var yearUnknown = false;
        var checkSeason = false;
        if (overrides.RunYear is { } year)
        {
            evidence.Add($"命令行 import --year 指定的年份 {year} (year given with import --year)");
            (date, confidence, checkSeason) = InYear(year, path, issues, latest, seasonMonths, evidence);
            confidence = CheckClues(clues, date, confidence, evidence);
        }
        else if (path is not null)
        {
            date = path.Date;
            evidence.Add($"文件路径中的日期“{path.Matched}” → {Dates.Iso(date)}，按文件命名读出，信心高 (date in the file path: high, not explicit: a name, not a statement)");
            confidence = CheckIssues(issues, date, DateConfidence.High, evidence);
            confidence = CheckClues(clues, date, confidence, evidence);
        }
        else if (issues.Count > 0)
        {
            date = ChooseIssue(issues, evidence, out var agree);
            confidence = CheckClues(clues, date, agree ? DateConfidence.High : DateConfidence.Medium, evidence);
        }
        else
        {
            checkSeason = true;
            foreach (var d in datelines) evidence.Add(d.ToString());
            if (latest is { } ev) evidence.Add($"报道日期 {ev.Month}月{ev.Day}日 → 次日见报");
            else evidence.Add("版面上没有报道日期（只有“日前”之类），见报日期无法确定，信心低 (no dateline on the page)");
            foreach (var c in clues) evidence.Add(c.ToString());
            if (clues.Count > 0)
                (date, confidence) = YearChoice.Choose(clues, latest, seasonMonths, evidence);
            else
            {
                yearUnknown = true;
                (date, confidence) = Guess(hint, latest, seasonMonths, evidence);
            }
        }

        if (checkSeason) confidence = CheckSeason(season, date, confidence, evidence);
        return new InferredDate(date, confidence, evidence) { YearUnknown = yearUnknown, Review = yearUnknown ? [NoYearReview] : [] };
    }

    /// <summary>
    /// The year of a page that has no clue to it: the year most of the other pages of its folder (else of the whole
    /// import) have, the latest on a tie; null when no other page knows its year.
    /// </summary>
    public static YearHint? RunYear(IEnumerable<(string RelativePath, InferredDate Date)> others, string relativePath)
    {
        static string Folder(string p) { var s = p.Replace('\\', '/'); return s.Contains('/') ? s[..s.LastIndexOf('/')] : ""; }
        var known = others.Where(o => !o.Date.YearUnknown).ToList();
        var same = known.Where(o => Folder(o.RelativePath) == Folder(relativePath)).ToList();
        var pool = same.Count > 0 ? same : known;
        if (pool.Count == 0) return null;
        var year = pool.GroupBy(o => o.Date.Date.Year).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
        return new YearHint(year, same.Count > 0
            ? "同一文件夹其他版面的年份 (the year of the other pages in its folder)"
            : "同一次导入其他版面的年份 (the year of the other pages of this import)");
    }

    /// <summary>The year is given (--year): month and day from the path, a page header or the datelines, in that order.</summary>
    private static (DateOnly, DateConfidence, bool) InYear(int year, PathDate? path, IReadOnlyList<IssueDate> issues,
        (int Month, int Day)? latest, IReadOnlyList<int> seasonMonths, List<string> evidence)
    {
        DateOnly? Day(int month, int day) => day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
        if (path is not null && Day(path.Date.Month, path.Date.Day) is { } fromPath)
        {
            evidence.Add($"月日取自文件路径“{path.Matched}” → {Dates.Iso(fromPath)}" +
                (path.Date.Year == year ? "" : $"（路径中的年份 {path.Date.Year} 与指定的不同）(the path's year differs)"));
            return (fromPath, path.Date.Year == year ? DateConfidence.High : DateConfidence.Medium, false);
        }
        if (issues.Count > 0 && Day(issues[0].Date.Month, issues[0].Date.Day) is { } fromIssue)
        {
            evidence.Add($"月日取自版面日期“{issues[0].Matched}” → {Dates.Iso(fromIssue)}");
            return (fromIssue, issues[0].Date.Year == year ? DateConfidence.High : DateConfidence.Medium, false);
        }
        if (latest is { } ev && YearChoice.Publication(year, ev) is { } pub)
        {
            evidence.Add($"报道日期 {ev.Month}月{ev.Day}日 → 次日见报 {Dates.Iso(pub)}");
            return (pub, DateConfidence.High, true);
        }
        var first = YearChoice.Earliest(DateSpan.Year(year), year, seasonMonths);
        evidence.Add($"版面上没有报道日期，取 {year} 年最早的可能日期 {Dates.Iso(first)}，信心低 (no dateline on the page)");
        return (first, DateConfidence.Low, true);
    }

    /// <summary>The issue date printed most often on the page (the latest on a tie); medium when the page prints several.</summary>
    private static DateOnly ChooseIssue(IReadOnlyList<IssueDate> issues, List<string> evidence, out bool agree)
    {
        var date = issues.GroupBy(i => i.Date).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
        foreach (var i in issues)
            evidence.Add(i.Kind == IssueDateKind.PageHeader
                ? $"版面日期“{i.Matched}” → {Dates.Iso(i.Date)}（星期相符）(page header)"
                : $"网页发布时间“{i.Matched}” → {Dates.Iso(i.Date)} (web meta line)");
        agree = issues.All(i => i.Date == date);
        if (!agree) evidence.Add($"版面上的日期不一致，取 {Dates.Iso(date)}，信心降低 (the page prints different dates)");
        return date;
    }

    /// <summary>Issue dates that differ from the path's date lower the confidence.</summary>
    private static DateConfidence CheckIssues(IReadOnlyList<IssueDate> issues, DateOnly date, DateConfidence confidence, List<string> evidence)
    {
        foreach (var i in issues)
            if (i.Date == date) evidence.Add($"版面日期“{i.Matched}”相符 (the page's own date agrees)");
            else
            {
                evidence.Add($"版面日期“{i.Matched}”与文件路径中的日期不符，信心降低 (the page's own date disagrees)");
                confidence = Lower(confidence);
            }
        return confidence;
    }

    /// <summary>Year clues the date does not satisfy lower its confidence, once, and are named.</summary>
    private static DateConfidence CheckClues(IReadOnlyList<YearClue> clues, DateOnly date, DateConfidence confidence, List<string> evidence)
    {
        var against = clues.Where(c => !c.Span.Contains(date)).ToList();
        if (against.Count == 0) return confidence;
        foreach (var c in against) evidence.Add($"{c}，与 {Dates.Iso(date)} 不符 (clue disagrees)");
        evidence.Add("文本中的线索与所取日期矛盾，信心降低 (conflicting clues)");
        return Lower(confidence);
    }

    private static DateConfidence CheckSeason(IReadOnlyList<(MonthRule Rule, string Matched)> season, DateOnly date,
        DateConfidence confidence, List<string> evidence)
    {
        foreach (var (rule, matched) in season)
        {
            var allowed = string.Join("、", rule.Months.Select(m => $"{m}月"));
            if (rule.Months.Contains(date.Month))
                evidence.Add($"「{rule.Name}」“{matched}” → {allowed}见报，相符");
            else
            {
                evidence.Add($"「{rule.Name}」“{matched}” → 应在{allowed}见报，与 {Dates.Iso(date)} 不符 (season clue disagrees)");
                confidence = Lower(confidence);
            }
        }
        return confidence;
    }

    /// <summary>Nothing tells the year: the hint's year (other pages of the import), else the newest year the rule table knows.</summary>
    private static (DateOnly, DateConfidence) Guess(YearHint? hint, (int Month, int Day)? latest, IReadOnlyList<int> seasonMonths, List<string> evidence)
    {
        var year = hint?.Year ?? DateClues.NewestKnownYear;
        evidence.Add(hint is not null
            ? $"没有年份线索，按{hint.Why} {year} 年计，信心低，请编辑核对 (no year clue: year guessed)"
            : $"没有年份线索，也没有同批版面可参照，暂按 {year} 年计，信心低，请编辑核对 (no year clue: year guessed)");
        var date = latest is { } md
            ? YearChoice.Publication(year, md) ?? new DateOnly(year, 3, 1)
            : YearChoice.Earliest(DateSpan.Year(year), year, seasonMonths);
        return (date, DateConfidence.Low);
    }

    private static DateConfidence Lower(DateConfidence c) => c > DateConfidence.Low ? c - 1 : c;

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
}
