using System.Text.RegularExpressions;
using Baoku.Import.Enrich;
using FsCheck.Xunit;

namespace Baoku.Tests.Import.Enrich;

/// <summary>How the page date is put together from the path, the page's own dates, datelines and year clues, on small made-up pages.</summary>
public class DateInferenceTests
{
    private static PageText Text(string path, IEnumerable<string[]> stories, params string[] others) =>
        new(path, stories.Select(p => new StoryText("", p)).ToList(), others);

    /// <summary>A page of one story whose paragraphs are <paramref name="paragraphs"/>.</summary>
    private static InferredDate Page(params string[] paragraphs) => Infer(Text("page-01.txt", [paragraphs]));

    /// <summary>A page of several one-paragraph stories.</summary>
    private static InferredDate Stories(params string[] leads) => Infer(Text("page-01.txt", leads.Select(l => new[] { l })));

    private static InferredDate Infer(PageText page, DateOverrides? overrides = null, YearHint? hint = null) =>
        DateInference.InferPageDate(page, overrides ?? DateOverrides.None, hint);

    private static string Why(InferredDate d) => string.Join("\n", d.Evidence);

    // ───────────── month and day ─────────────

    [Fact]
    public void PageAppearsTheDayAfterItsLatestDateline()
    {
        var d = Stories("5月27日，入队仪式。", "本报讯 5月28日，恳谈会举行。", "本报讯 5月26日，在第四个“全国科技工作者日”即将来临之际。");
        d.Date.ShouldBe(new DateOnly(2020, 5, 29), Why(d));
        d.Confidence.ShouldBe(DateConfidence.High);
        d.Evidence.ShouldContain("报道日期 5月28日 → 次日见报");
    }

    [Fact]
    public void DatelineOnNewYearsEveIsPublishedOnNewYearsDay()
    {
        var d = Page("本报讯 12月31日，企业负责人普遍对2023年发展充满信心。");
        d.Date.ShouldBe(new DateOnly(2023, 1, 1), Why(d));
        d.Confidence.ShouldBe(DateConfidence.High);
    }

    [Fact]
    public void PageStraddlingTheNewYearTakesTheJanuaryDateAsLatest() =>
        Stories("12月30日，甲。", "1月2日，乙。对2023年发展充满信心。").Date.ShouldBe(new DateOnly(2023, 1, 3));

    [Fact]
    public void LeapDayDatelineOnlyFitsLeapYears()
    {
        // 党的二十大 allows 2022-10-16 … 2027-10-31: of those years only 2024 has a 29 February.
        var d = Page("2月29日，学习党的二十大精神。");
        d.Date.ShouldBe(new DateOnly(2024, 3, 1), Why(d));
        d.Confidence.ShouldBe(DateConfidence.High);
    }

    [Fact]
    public void PageWithoutAnyDatelineIsLowConfidenceAndSaysSo()
    {
        var d = Page("本报讯（记者 某某）日前，开发区学习党的二十大精神。受疫情影响。");
        d.Confidence.ShouldBe(DateConfidence.Low);
        d.Evidence.ShouldContain(e => e.Contains("没有报道日期") && e.Contains("no dateline"));
        d.Date.ShouldBe(new DateOnly(2022, 10, 16), "the earliest date of the year the clues point at");
        d.YearUnknown.ShouldBeFalse();
    }

    [Fact]
    public void SentenceInitialDateStandsInForAStoryWithoutDateline()
    {
        var d = Page("导语没有日期。", "将精神落实到企业。11月21日，开发区组织宣讲党的二十大精神。受疫情影响。");
        d.Date.ShouldBe(new DateOnly(2022, 11, 22), Why(d));
        d.Confidence.ShouldBe(DateConfidence.High);
        d.Evidence.ShouldContain(e => e.StartsWith("正文句首日期 11月21日"));
    }

    [Fact]
    public void PlansInLaterParagraphsAreNotDatelines() =>
        Page("本报讯 5月28日，恳谈会举行。", "6月30日，将举行第二场。对2020年发展充满信心。").Date.ShouldBe(new DateOnly(2020, 5, 29));

    [Fact]
    public void DatelinesAreReadAnywhereOnThePageNotOnlyInFirstParagraphs()
    {
        // The layout joined two stories: the second one's dateline opens a later paragraph of the first.
        var d = Page("本报讯 9月12日，古镇早茶文化节开幕。今年是“十四五”开局之年。", "9月13日，街道联合多部门开展检查。");
        d.Date.ShouldBe(new DateOnly(2021, 9, 14), Why(d));
        d.Evidence.ShouldContain(e => e.StartsWith("段首日期 9月13日"));
    }

    // ───────────── the year: the latest consistent with every clue ─────────────

    [Fact]
    public void ThisYearAfterAYearToldAsPastIsTheYearAfterIt()
    {
        // The bug of issue 12: "2022年…今年以来" gave 2022 (the earliest year the clues allowed); it is 2023.
        var d = Page("本报讯 3月2日，车间里机器轰鸣。党的二十大报告提出，推动制造业高端化。",
            "2022年，全市实施技术改造项目126个；今年以来，又有38个项目开工建设。");
        d.Date.ShouldBe(new DateOnly(2023, 3, 3), Why(d));
        d.Confidence.ShouldBe(DateConfidence.Medium);
        d.Evidence.ShouldContain(e => e.StartsWith("「今年与往年」“2022年，” → 2023 年起"));
        d.Evidence.ShouldContain(e => e.Contains("取线索所指最晚的 2023 年"));
    }

    [Fact]
    public void SeveralPossibleYearsGiveMediumConfidenceAndTheYearTheCluesPointAt()
    {
        var d = Page("本报讯 11月1日，开发区学习党的二十大精神。");
        d.Date.ShouldBe(new DateOnly(2022, 11, 2));
        d.Confidence.ShouldBe(DateConfidence.Medium);
        d.Evidence.ShouldContain(e => e.StartsWith("可能的年份：2022、2023、2024、2025、2026"));
    }

    [Fact]
    public void OfSeveralYearsMentionedTheLatestIsTaken()
    {
        var d = Page("本报讯 5月3日，公司自2019年投产，2023年产值突破10亿元。");
        d.Date.ShouldBe(new DateOnly(2023, 5, 4), Why(d));
        d.Confidence.ShouldBe(DateConfidence.Medium);
    }

    [Fact]
    public void DatelineBeforeTheEventInItsYearMovesToTheNextYear() =>
        Page("本报讯 3月2日，开发区学习党的二十大精神。").Date.ShouldBe(new DateOnly(2023, 3, 3));

    [Fact]
    public void CongressCalledLastYearPinsTheYear()
    {
        var d = Stories("4月11日，海昌街道举办恳谈会。", "4月10日晚，宣讲团走进礼堂。自去年10月党的二十大胜利闭幕以来，宣讲60余场。");
        d.Date.ShouldBe(new DateOnly(2023, 4, 12), Why(d));
        d.Confidence.ShouldBe(DateConfidence.High);
    }

    [Fact]
    public void LastYearOfTheFiveYearPlanPinsTheYear()
    {
        var d = Page("缙云新闻网讯（记者 某某）4月15日，全县重大项目推进会召开。今年是“十四五”规划收官之年。");
        d.Date.ShouldBe(new DateOnly(2025, 4, 16), Why(d));
        d.Confidence.ShouldBe(DateConfidence.High);
    }

    [Fact]
    public void AsianGamesAboutToOpenPinsTheYear() =>
        Page("9月13日，杭州亚运会开幕在即，温泉小镇迎来客流高峰。").Date.ShouldBe(new DateOnly(2023, 9, 14));

    [Fact]
    public void YearComparedWithGivesTheYearAfter()
    {
        var d = Page("8月20日，市统计局发布的数据显示，与2023年同期相比，增加值增长12.6%。");
        d.Date.ShouldBe(new DateOnly(2024, 8, 21), Why(d));
        d.Confidence.ShouldBe(DateConfidence.Medium);
    }

    [Fact]
    public void DateAnnouncedInAnAdDatesThePage()
    {
        var d = Infer(Text("page-08.txt", [["7月11日，市气象台发布高温橙色预警。"]], "拍卖公告：本公司定于2022年7月20日上午10时公开拍卖。"));
        d.Date.ShouldBe(new DateOnly(2022, 7, 12), Why(d));
        d.Confidence.ShouldBe(DateConfidence.High);
    }

    [Fact]
    public void ContinuedTextAndLabelsCountForTheYearButNotForTheDay()
    {
        // "Others" are labels, captions, ads and text continued from another page: their clues count, they have no dateline.
        var d = Infer(Text("page-01.txt", [["本报讯 5月28日，恳谈会举行。"]], "5月30日，将召开大会。对2020年发展充满信心。"));
        d.Date.ShouldBe(new DateOnly(2020, 5, 29), Why(d));
    }

    // ───────────── conflicting clues ─────────────

    [Fact]
    public void ConflictingRulesGiveLowConfidenceNameTheClueAgainstAndTakeTheLatestOfTheBest()
    {
        // 十四五规划编制 says 2019–2020, 第六个“全国科技工作者日” says 2022: no year satisfies both.
        var d = Page("本报讯 5月28日，推进“十四五”规划编制工作。", "在第六个“全国科技工作者日”即将来临之际。");
        d.Confidence.ShouldBe(DateConfidence.Low);
        d.Date.ShouldBe(new DateOnly(2022, 5, 29), Why(d));
        d.Evidence.ShouldContain(e => e.Contains("矛盾") && e.Contains("「十四五规划编制」") && e.Contains("conflicting"));
    }

    [Fact]
    public void ConflictWithoutDatelineStillPicksTheLatestOfTheBest()
    {
        var d = Page("本报讯 日前，推进“十四五”规划编制工作。", "在第六个“全国科技工作者日”即将来临之际。");
        d.Confidence.ShouldBe(DateConfidence.Low);
        d.Date.Year.ShouldBe(2022);
    }

    [Fact]
    public void DatelineThatFitsNoYearOfTheRangeIsLowConfidence()
    {
        // 党的二十大 and 疫情 leave 2022-10-16 … 2023-01-31; a page of 5月2日 fits neither year.
        var d = Page("本报讯 5月1日，学习党的二十大精神，统筹疫情防控。");
        d.Confidence.ShouldBe(DateConfidence.Low);
        d.Date.ShouldBe(new DateOnly(2023, 5, 2));
        d.Evidence.ShouldContain(e => e.Contains("dateline outside"));
    }

    [Fact]
    public void LeapDayDatelineAgainstASingleCommonYearDoesNotCrash()
    {
        var d = Page("2月29日，第六个“全国科技工作者日”。");
        d.Confidence.ShouldBe(DateConfidence.Low);
        d.Date.Year.ShouldBeInRange(2018, 2026);
    }

    // ───────────── season ─────────────

    [Fact]
    public void CentralEconomicWorkConferenceInTheNewYearAgreesWithAJanuaryDate()
    {
        var d = Page("1月11日下午，对2023年发展充满信心。", "学习贯彻中央经济工作会议精神，新的一年要拼命干。");
        d.Confidence.ShouldBe(DateConfidence.High);
        d.Evidence.ShouldContain(e => e.StartsWith("「中央经济工作会议」") && e.EndsWith("相符"));
    }

    [Fact]
    public void CentralEconomicWorkConferenceInTheNewYearDoubtsAJuneDate()
    {
        var d = Page("6月11日下午，对2023年发展充满信心。", "学习贯彻中央经济工作会议精神，新的一年要拼命干。");
        d.Date.ShouldBe(new DateOnly(2023, 6, 12));
        d.Confidence.ShouldBe(DateConfidence.Medium);
        d.Evidence.ShouldContain(e => e.Contains("season clue disagrees"));
    }

    [Fact]
    public void SeasonClueChoosesTheMonthWhenThereIsNoDateline()
    {
        var d = Page("日前，对2023年发展充满信心。", "中央经济工作会议精神，新的一年。");
        d.Date.ShouldBe(new DateOnly(2023, 1, 1));
        d.Confidence.ShouldBe(DateConfidence.Low);
    }

    // ───────────── no clue to the year ─────────────

    [Fact]
    public void NoYearClueIsLowConfidenceWithAReviewReasonAndNeverTheClock()
    {
        var d = Page("本报讯 5月28日，恳谈会举行。");
        d.YearUnknown.ShouldBeTrue();
        d.Confidence.ShouldBe(DateConfidence.Low);
        d.Review.ShouldBe([DateInference.NoYearReview]);
        DateInference.NoYearReview.ShouldBe("年份无依据");
        d.Date.ShouldBe(new DateOnly(DateClues.NewestKnownYear, 5, 29));
        d.Evidence.ShouldContain(e => e.Contains("没有年份线索") && e.Contains("no year clue"));
    }

    [Fact]
    public void NoYearClueTakesTheHintsYear()
    {
        var d = Infer(Text("page-07.txt", [["3月5日，街道团工委组织志愿者清理河道。"]]), hint: new YearHint(2023, "同一文件夹其他版面的年份 (…)"));
        d.Date.ShouldBe(new DateOnly(2023, 3, 6));
        d.Confidence.ShouldBe(DateConfidence.Low);
        d.Review.ShouldBe(["年份无依据"]);
        d.Evidence.ShouldContain(e => e.Contains("同一文件夹其他版面的年份") && e.Contains("2023"));
    }

    [Fact]
    public void HintIsIgnoredWhenThePageHasAClue() =>
        Page("本报讯 5月28日，对2020年发展充满信心。").ShouldBe(
            Infer(Text("page-01.txt", [["本报讯 5月28日，对2020年发展充满信心。"]]), hint: new YearHint(2023, "x")), new InferredDateComparer());

    [Fact]
    public void RunYearIsTheMostCommonYearOfTheFolderElseOfTheRun()
    {
        InferredDate Known(int y) => new(new DateOnly(y, 3, 1), DateConfidence.High, []);
        InferredDate Unknown(int y) => new(new DateOnly(y, 3, 1), DateConfidence.Low, []) { YearUnknown = true };
        (string, InferredDate)[] run =
        [
            ("a/1.txt", Known(2022)), ("a/2.txt", Known(2023)), ("a/3.txt", Known(2023)), ("a/4.txt", Unknown(2025)),
            ("b/1.txt", Known(2024)), ("c/1.txt", Unknown(2025)),
        ];
        DateInference.RunYear(run, "a/9.txt")!.Year.ShouldBe(2023);
        DateInference.RunYear(run, "a/9.txt")!.Why.ShouldContain("同一文件夹");
        DateInference.RunYear(run, "c/9.txt")!.Year.ShouldBe(2023, "c has no known year: the run's most common");
        DateInference.RunYear(run, "c/9.txt")!.Why.ShouldContain("同一次导入");
        DateInference.RunYear([("x/1.txt", Known(2022)), ("x/2.txt", Known(2024))], "x/3.txt")!.Year.ShouldBe(2024, "a tie: the latest");
        DateInference.RunYear([("x/1.txt", Unknown(2022))], "x/3.txt").ShouldBeNull();
    }

    // ───────────── what wins: stated date, --date, --year, path, the page's own date, the text ─────────────

    private static readonly PageText Dated = Text("2024/03/19/A2.txt",
        [["本报讯 3月18日，学习党的二十大精神。"]], "A2 要闻 2024年3月19日 星期二");

    [Fact]
    public void StatedDateWinsOverEverything()
    {
        var d = Infer(Dated, new DateOverrides(Stated: new(2022, 11, 23), RunDate: new(2021, 1, 1), RunYear: 2020));
        d.ShouldBe(d with { Date = new DateOnly(2022, 11, 23), Confidence = DateConfidence.Explicit }, new InferredDateComparer());
        d.Evidence.ShouldHaveSingleItem().ShouldContain("site.yml");
    }

    [Fact]
    public void RunDateWinsOverPathAndText()
    {
        var d = Infer(Dated, new DateOverrides(RunDate: new(2021, 1, 1)));
        (d.Date, d.Confidence).ShouldBe((new DateOnly(2021, 1, 1), DateConfidence.Explicit));
        d.Evidence.ShouldHaveSingleItem().ShouldContain("--date");
    }

    [Fact]
    public void RunYearTakesMonthAndDayFromThePath()
    {
        var d = Infer(Text("2023-01-12/05.txt", [["本报讯 1月11日，开会。"]]), new DateOverrides(RunYear: 2023));
        (d.Date, d.Confidence).ShouldBe((new DateOnly(2023, 1, 12), DateConfidence.High));
        d.Evidence[0].ShouldContain("--year");
    }

    [Fact]
    public void RunYearThatDisagreesWithThePathWinsAndSaysSo()
    {
        var d = Infer(Text("2023-01-12/05.txt", [["本报讯 1月11日，开会。"]]), new DateOverrides(RunYear: 2024));
        (d.Date, d.Confidence).ShouldBe((new DateOnly(2024, 1, 12), DateConfidence.Medium));
        d.Evidence.ShouldContain(e => e.Contains("the path's year differs"));
    }

    [Fact]
    public void RunYearTakesMonthAndDayFromTheDatelineAndNotesClues()
    {
        var d = Infer(Text("page.txt", [["本报讯 5月28日，恳谈会举行。"]]), new DateOverrides(RunYear: 2020));
        (d.Date, d.Confidence).ShouldBe((new DateOnly(2020, 5, 29), DateConfidence.High));
        d.YearUnknown.ShouldBeFalse();
        d.Review.ShouldBeEmpty();

        var against = Infer(Text("page.txt", [["本报讯 5月28日，学习党的二十大精神。"]]), new DateOverrides(RunYear: 2020));
        (against.Date, against.Confidence).ShouldBe((new DateOnly(2020, 5, 29), DateConfidence.Medium));
        against.Evidence.ShouldContain(e => e.Contains("clue disagrees"));
    }

    [Fact]
    public void RunYearWithoutADatelineIsLowButNotUnknown()
    {
        var d = Infer(Text("page.txt", [["日前，开会。"]]), new DateOverrides(RunYear: 2020));
        (d.Date, d.Confidence, d.YearUnknown).ShouldBe((new DateOnly(2020, 1, 1), DateConfidence.Low, false));
    }

    [Fact]
    public void PathDateWinsOverTheTextAtHighConfidence()
    {
        var d = Infer(Text("2024/03/19/A2.txt", [["本报讯 3月10日，对2023年发展充满信心。"]]));
        d.Date.ShouldBe(new DateOnly(2024, 3, 19));
        d.Evidence[0].ShouldStartWith("文件路径中的日期“2024/03/19” → 2024-03-19");
        d.Evidence[0].ShouldContain("high");
        d.Confidence.ShouldBe(DateConfidence.Medium, "对2023年发展充满信心 says 2023: the clue disagrees and is named");
        d.Evidence.ShouldContain(e => e.StartsWith("「对某年发展充满信心」") && e.Contains("clue disagrees"));

        var agreeing = Infer(Dated);
        (agreeing.Date, agreeing.Confidence).ShouldBe((new DateOnly(2024, 3, 19), DateConfidence.High));
        agreeing.Evidence.ShouldContain(e => e.Contains("相符"));
    }

    [Fact]
    public void PathDateAgainstThePagesOwnDateIsMedium()
    {
        var d = Infer(Dated with { RelativePath = "2024/03/20/A2.txt" });
        (d.Date, d.Confidence).ShouldBe((new DateOnly(2024, 3, 20), DateConfidence.Medium));
        d.Evidence.ShouldContain(e => e.Contains("disagrees"));
    }

    [Fact]
    public void PageHeaderGivesTheIssueDate()
    {
        var d = Infer(Dated with { RelativePath = "page-02.txt" });
        (d.Date, d.Confidence).ShouldBe((new DateOnly(2024, 3, 19), DateConfidence.High));
        d.Evidence.ShouldContain(e => e.StartsWith("版面日期“2024年3月19日 星期二”"));
    }

    [Fact]
    public void PageHeaderWithAWrongWeekdayIsNotUsed()
    {
        var d = Infer(Text("page.txt", [["本报讯 3月18日，学习党的二十大精神。"]], "A2 要闻 2024年3月19日 星期三"));
        d.Evidence.ShouldContain(e => e.Contains("星期与日期不符"));
        d.Date.ShouldBe(new DateOnly(2024, 3, 19), "from the dateline and the year the header mentions");
        d.Confidence.ShouldBe(DateConfidence.Medium);
    }

    [Fact]
    public void WebMetaLineGivesTheIssueDate()
    {
        var d = Infer(Text("jishibao.txt", [["4月8日，首批企业出发。"]], "发布时间: 2025-04-09 18:21:35 来源: 中国义乌网"));
        (d.Date, d.Confidence).ShouldBe((new DateOnly(2025, 4, 9), DateConfidence.High));
    }

    [Fact]
    public void PageThatPrintsTwoDifferentIssueDatesIsMedium()
    {
        var d = Infer(Text("page.txt", [["4月8日，首批企业出发。"]], "发布时间：2025-04-09 18:21", "发布时间：2025-04-10 08:00"));
        (d.Date, d.Confidence).ShouldBe((new DateOnly(2025, 4, 10), DateConfidence.Medium));
        d.Evidence.ShouldContain(e => e.Contains("different dates"));
    }

    // ───────────── properties ─────────────

    private static readonly string[] ClueTexts =
    [
        "学习党的二十大精神", "二十届三中全会", "二十届二中全会", "新质生产力", "第四个“全国科技工作者日”", "第九个全国科技工作者日",
        "“十四五”规划编制", "对“十三五”规划作一次“回头看”", "疫情", "对2023年发展充满信心", "2023年度。过去一年",
        "2019年", "国家级经济技术开发区建设40周年", "中央经济工作会议，新的一年", "喜迎二十大", "到2035年",
        "2022年，全市实施项目；今年以来", "去年10月党的二十大", "今年是“十四五”规划收官之年", "杭州亚运会开幕在即", "与2023年同期相比",
    ];

    [Property(MaxTest = 500)]
    public void AnyCombinationOfDatelineAndCluesGivesTheSameDateEveryTimeAndNeverThrows(byte monthSeed, byte daySeed, bool hasDateline, int clueMask)
    {
        var month = monthSeed % 12 + 1;
        var day = daySeed % 31 + 1;
        var clues = string.Concat(ClueTexts.Where((_, i) => (clueMask >> i & 1) == 1).Select(c => c + "。"));
        var lead = hasDateline ? $"本报讯 {month}月{day}日，{clues}" : $"本报讯 日前，{clues}";

        var d = Page(lead);

        d.Evidence.ShouldNotBeEmpty();
        Page(lead).ShouldBe(d, new InferredDateComparer());
        if (Datelines.FindDateline(lead) is { } md && d.Confidence >= DateConfidence.Medium)
            d.Date.AddDays(-1).ShouldBe(new DateOnly(d.Date.AddDays(-1).Year, md.Month, md.Day));
        d.YearUnknown.ShouldBe(DateClues.FindYearClues([lead]).Count == 0);
    }

    // ───────────── the table is data ─────────────

    [Fact]
    public void RuleTableCanBeExtendedWithALocalClue()
    {
        YearRule fair = new("五金博览会", new Regex(@"第(\d+)届中国五金博览会"), (m, _) => DateSpan.Year(1995 + int.Parse(m.Groups[1].Value)));
        var page = Text("page.txt", [["本报讯 9月24日，第28届中国五金博览会开幕。"]]);

        Infer(page).YearUnknown.ShouldBeTrue();

        var d = DateInference.InferPageDate(page, DateOverrides.None, null, [.. DateClues.YearRules, fair], DateClues.MonthRules);
        d.Date.ShouldBe(new DateOnly(2023, 9, 25));
        d.Confidence.ShouldBe(DateConfidence.High);
    }

    /// <summary>Records compare lists by reference: this compares the evidence and review by content.</summary>
    private sealed class InferredDateComparer : IEqualityComparer<InferredDate>
    {
        public bool Equals(InferredDate? x, InferredDate? y) =>
            x is not null && y is not null && x.Date == y.Date && x.Confidence == y.Confidence && x.YearUnknown == y.YearUnknown
            && x.Evidence.SequenceEqual(y.Evidence) && x.Review.SequenceEqual(y.Review);

        public int GetHashCode(InferredDate d) => d.Date.GetHashCode();
    }
}
