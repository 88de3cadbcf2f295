using System.Text.RegularExpressions;
using Baoku.Import.Enrich;
using FsCheck.Xunit;

namespace Baoku.Tests.Import.Enrich;

/// <summary>Datelines, each year rule, and how the page date is put together, on small made-up texts.</summary>
public class DateInferenceTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    /// <summary>A page of one article whose first paragraph is <paramref name="lead"/> and whose text adds <paramref name="rest"/>.</summary>
    private static InferredDate Page(string lead, string rest = "", DateOnly? explicitDate = null, DateOnly? today = null) =>
        DateInference.InferPageDate([lead + "\n" + rest], [lead], explicitDate, today ?? Today);

    private static IReadOnlyList<DateSpan> Spans(string text, string rule) =>
        DateClues.FindYearClues([text]).Where(c => c.Rule == rule).Select(c => c.Span).ToList();

    private static DateSpan Span(string text, string rule) => Spans(text, rule).ShouldHaveSingleItem();

    // ───────────── FindDateline ─────────────

    [Theory]
    [InlineData("本报讯（融媒首席记者陈晓苏）1月11日下午，市委书记章旭升深入经济开发区企业", 1, 11)]
    [InlineData("本报讯（融媒首席记者 陈晓苏） 1 月 11 日下午，市委书记", 1, 11)]
    [InlineData("本报讯 5月28日，我市首场“亲清直通车·政企恳谈会”举行", 5, 28)]
    [InlineData("5月27日，人民小学教育集团举行少先队员入队仪式", 5, 27)]
    [InlineData("7月31日，经济开发区召开上半年经济工作会议", 7, 31)]
    [InlineData("本报讯 在第四个“全国科技工作者日”即将来临之际，5月26日，市委副书记", 5, 26)]
    [InlineData("2022年11月21日，开发区组织部分辖区企业负责人", 11, 21)]
    public void DatelineIsTheFirstMonthDayNearTheStartOfTheLead(string lead, int month, int day) =>
        Datelines.FindDateline(lead).ShouldBe((month, day));

    [Theory]
    [InlineData("本报讯（融媒记者徐敏）日前，市委副书记、市长胡勇春赴经济开发区开展活动")]
    [InlineData("日前，千喜集团有限公司党支部组织召开专题学习会，11月20日起")]
    [InlineData("本报讯 近日，5月3日举行的")]
    [InlineData("连日来，经济开发区积极推动")]
    [InlineData("从党员干部到员工群众、从会议室到生产车间⋯⋯连日来，经济开发区积极推动党的二十大精神落地见效")]
    [InlineData("")]
    public void VagueOrMissingDateMeansNoDateline(string lead) =>
        Datelines.FindDateline(lead).ShouldBeNull();

    [Fact]
    public void DateFurtherThanSixtyCharactersIntoTheLeadIsNotADateline()
    {
        var filler = new string('甲', Datelines.DatelineWindow);
        Datelines.FindDateline("本报讯（记者 某某）" + filler + "5月3日，").ShouldBeNull();
        Datelines.FindDateline("本报讯（记者 某某）" + filler[..^6] + "5月3日，").ShouldBe((5, 3));
    }

    [Theory]
    [InlineData("13月5日，")]
    [InlineData("2月30日，")]
    [InlineData("0月1日，")]
    [InlineData("115月1日，")]
    public void ImpossibleMonthDayIsNotADateline(string lead) =>
        Datelines.FindDateline(lead).ShouldBeNull();

    [Fact]
    public void SentenceInitialDatesAreFoundButNotDatesInsideASentence()
    {
        Datelines.FindSentenceInitialDates("导语。11月11日，永康经济开发区召开专题会议。托管时间从1月11日到1月18日。\n5月3日上午，又开会。6月1日起实施。")
            .ShouldBe([(11, 11), (5, 3)]);
    }

    // ───────────── explicit date ─────────────

    [Fact]
    public void ExplicitDateWinsOverEverything()
    {
        var d = Page("11月21日，开发区组织学习党的二十大精神。", explicitDate: new DateOnly(2022, 11, 23));
        d.ShouldBe(d with { Date = new DateOnly(2022, 11, 23), Confidence = DateConfidence.Explicit });
        d.Evidence.ShouldBe(["site.yml/sidecar"]);
    }

    // ───────────── month and day ─────────────

    [Fact]
    public void PageAppearsTheDayAfterItsLatestDateline()
    {
        var d = DateInference.InferPageDate(
            ["5月27日，入队仪式。", "本报讯 5月28日，恳谈会举行。", "本报讯 5月26日，在第四个“全国科技工作者日”即将来临之际。"],
            ["5月27日，入队仪式。", "本报讯 5月28日，恳谈会举行。", "本报讯 5月26日，在第四个“全国科技工作者日”即将来临之际。"],
            null, Today);
        d.Date.ShouldBe(new DateOnly(2020, 5, 29));
        d.Confidence.ShouldBe(DateConfidence.High);
        d.Evidence.ShouldContain("报道日期 5月28日 → 次日见报");
    }

    [Fact]
    public void DatelineOnNewYearsEveIsPublishedOnNewYearsDay()
    {
        var d = Page("本报讯 12月31日，企业负责人普遍对2023年发展充满信心。");
        d.Date.ShouldBe(new DateOnly(2023, 1, 1));
        d.Confidence.ShouldBe(DateConfidence.High);
    }

    [Fact]
    public void PageStraddlingTheNewYearTakesTheJanuaryDateAsLatest()
    {
        var d = DateInference.InferPageDate(["12月30日，甲。", "1月2日，乙。对2023年发展充满信心。"], ["12月30日，甲。", "1月2日，乙。"], null, Today);
        d.Date.ShouldBe(new DateOnly(2023, 1, 3));
    }

    [Fact]
    public void LeapDayDatelineOnlyFitsLeapYears()
    {
        // 党的二十大 allows 2022-10-16 … today (2026-11-23): of those years only 2024 has a 29 February.
        var d = Page("2月29日，学习党的二十大精神。");
        d.Date.ShouldBe(new DateOnly(2024, 3, 1));
        d.Confidence.ShouldBe(DateConfidence.High);
    }

    [Fact]
    public void PageWithoutAnyDatelineIsLowConfidenceAndSaysSo()
    {
        var d = Page("本报讯（记者 某某）日前，开发区学习党的二十大精神。受疫情影响。");
        d.Confidence.ShouldBe(DateConfidence.Low);
        d.Evidence.ShouldContain(e => e.Contains("没有报道日期") && e.Contains("no dateline"));
        d.Date.ShouldBe(new DateOnly(2022, 10, 16), "the earliest date the clues allow");
    }

    [Fact]
    public void SentenceInitialDateStandsInForAnArticleWithoutDateline()
    {
        var d = DateInference.InferPageDate(
            ["导语没有日期。\n将精神落实到企业\n11月21日，开发区组织宣讲党的二十大精神。受疫情影响。"],
            ["导语没有日期。"], null, Today);
        d.Date.ShouldBe(new DateOnly(2022, 11, 22));
        d.Confidence.ShouldBe(DateConfidence.High);
        d.Evidence.ShouldContain(e => e.StartsWith("正文句首日期 11月21日"));
    }

    [Fact]
    public void SentenceInitialDatesAreNotUsedForAnArticleThatHasADateline()
    {
        var lead = "本报讯 5月28日，恳谈会举行。";
        var d = DateInference.InferPageDate([lead + "\n6月30日，将举行第二场。对2020年发展充满信心。"], [lead], null, Today);
        d.Date.ShouldBe(new DateOnly(2020, 5, 29));
    }

    // ───────────── confidence ─────────────

    [Fact]
    public void NoYearRuleFiredMeansTodaysYearAtLowConfidence()
    {
        var d = Page("本报讯 5月28日，恳谈会举行。");
        d.Date.ShouldBe(new DateOnly(2026, 5, 29));
        d.Confidence.ShouldBe(DateConfidence.Low);
        d.Evidence.ShouldContain(e => e.Contains("没有年份线索") && e.Contains("2026"));
    }

    [Fact]
    public void NoYearRuleAndADateStillAheadOfTodayTakesTheYearBefore()
    {
        var d = Page("本报讯 12月20日，恳谈会举行。");
        d.Date.ShouldBe(new DateOnly(2025, 12, 21));
        d.Confidence.ShouldBe(DateConfidence.Low);
    }

    [Fact]
    public void SeveralPossibleYearsGiveMediumConfidenceAndTheEarliest()
    {
        var d = Page("本报讯 11月1日，开发区学习党的二十大精神。");
        d.Date.ShouldBe(new DateOnly(2022, 11, 2));
        d.Confidence.ShouldBe(DateConfidence.Medium);
        d.Evidence.ShouldContain(e => e.StartsWith("可能的年份：2022、2023、2024、2025、2026"));
    }

    [Fact]
    public void TodayEndsTheRangeOfAnOpenEndedClue()
    {
        var d = Page("9月10日，发展新质生产力。", today: new DateOnly(2025, 1, 1));
        d.Date.ShouldBe(new DateOnly(2023, 9, 11));
        d.Confidence.ShouldBe(DateConfidence.Medium);
        d.Evidence.ShouldContain(e => e.StartsWith("可能的年份：2023、2024，"));
    }

    [Fact]
    public void ConflictingRulesGiveLowConfidenceWithANoteAndTheUnionsLatestYear()
    {
        // 十四五规划编制 says 2019–2020, 第六个“全国科技工作者日” says 2022: no year satisfies both.
        var d = Page("本报讯 5月28日，推进“十四五”规划编制工作。", "在第六个“全国科技工作者日”即将来临之际。");
        d.Confidence.ShouldBe(DateConfidence.Low);
        d.Date.ShouldBe(new DateOnly(2022, 5, 29));
        d.Evidence.ShouldContain(e => e.Contains("矛盾") && e.Contains("conflicting"));
    }

    [Fact]
    public void ConflictWithoutDatelineStillPicksTheUnionsLatestYear()
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

    // ───────────── the rules, one by one ─────────────

    [Theory]
    [InlineData("学习贯彻党的二十大精神")]
    [InlineData("领会二十大精神")]
    [InlineData("党的二十大报告提出")]
    public void TwentiethCongressMeansFrom2022_10_16Until2027(string text) =>
        DateClues.FindYearClues([text]).Where(c => c.Rule == "党的二十大").Select(c => c.Span).Distinct()
            .ShouldHaveSingleItem().ShouldBe(new DateSpan(new(2022, 10, 16), new(2027, 10, 31)));

    [Fact]
    public void WelcomingTheTwentiethCongressMeansBeforeIt()
    {
        Spans("以优异成绩迎接党的二十大胜利召开", "党的二十大").ShouldBeEmpty();
        Span("以优异成绩迎接党的二十大胜利召开", "迎接二十大").To.ShouldBe(new DateOnly(2022, 10, 22));
        Span("喜迎二十大", "迎接二十大").From.ShouldBe(new DateOnly(2021, 11, 1));
    }

    [Fact]
    public void TwentiethThirdPlenumMeansFrom2024_07_18()
    {
        Span("学习贯彻党的二十届三中全会精神", "二十届全会").From.ShouldBe(new DateOnly(2024, 7, 18));
        Spans("学习贯彻党的二十届三中全会精神", "党的二十大").ShouldBeEmpty();
    }

    [Fact]
    public void TwentiethSecondPlenumMeansFromFebruary2023() =>
        Span("党的二十届二中全会", "二十届全会").From.ShouldBe(new DateOnly(2023, 2, 26));

    [Fact]
    public void NewQualityProductiveForcesMeansFromSeptember2023()
    {
        Span("加快形成新质生产力", "新质生产力").ShouldBe(DateSpan.Since(2023, 9, 7));
        // 2023-09-02 is before the phrase existed: the first possible 9月2日 is in 2024.
        Page("9月1日，发展新质生产力。", today: new DateOnly(2024, 12, 31)).Date.ShouldBe(new DateOnly(2024, 9, 2));
    }

    [Theory]
    [InlineData("在第四个“全国科技工作者日”即将来临之际", 2020)]
    [InlineData("第十个全国科技工作者日", 2026)]
    [InlineData("第 8 个\"全国科技工作者日\"", 2024)]
    [InlineData("第一个「全国科技工作者日」", 2017)]
    public void NthNationalScienceWorkersDayMeansYear2016PlusN(string text, int year) =>
        Span(text, "全国科技工作者日").ShouldBe(DateSpan.Year(year));

    [Theory]
    [InlineData("推进十四五规划编制工作")]
    [InlineData("在“十四五”规划编制中着力放大优势")]
    [InlineData("扎实做好编制“十四五”规划各项工作")]
    public void DraftingTheFourteenthFiveYearPlanMeans2019To2020(string text) =>
        Span(text, "十四五规划编制").ShouldBe(DateSpan.Years(2019, 2020));

    [Fact]
    public void LookingBackOnTheThirteenthFiveYearPlanMeans2020() =>
        Span("要对“十三五”规划作一次“回头看”", "十三五回头看").ShouldBe(DateSpan.Year(2020));

    [Fact]
    public void CovidMeans2020ToJanuary2023ButAnimalEpidemicsDoNot()
    {
        Span("尽可能地将疫情影响降到最低", "疫情").ShouldBe(new DateSpan(new(2020, 1, 1), new(2023, 1, 31)));
        Span("新冠病毒感染", "疫情").ShouldBe(new DateSpan(new(2020, 1, 1), new(2023, 1, 31)));
        Spans("做好非洲猪瘟疫情防控", "疫情").ShouldBeEmpty();
    }

    [Fact]
    public void ConfidenceInAYearsDevelopmentMeansThatYear() =>
        Span("各家企业负责人普遍对 2023 年发展充满信心", "对某年发展充满信心").ShouldBe(DateSpan.Year(2023));

    [Fact]
    public void AnnualRankingMeansTheYearAfterItAtTheEarliest()
    {
        Span("2023年度在82家省级以上开发区综合考评中排名第29", "年度").ShouldBe(DateSpan.FromYear(2024));
        Spans("2025年度目标任务", "年度").ShouldBeEmpty();
    }

    [Fact]
    public void AnnualRankingCalledThePastYearMeansExactlyTheYearAfter()
    {
        Span("2023年度考评中排名第29。过去一年，开发区勠力同心。", "年度与过去一年").ShouldBe(DateSpan.Year(2024));
        Spans("2023年度考评中排名第29。", "年度与过去一年").ShouldBeEmpty();
        // Several annual years: only the latest is "the past year".
        Span("2022年度第3，2023年度第2。过去一年，…", "年度与过去一年").ShouldBe(DateSpan.Year(2024));
    }

    [Theory]
    [InlineData("“2022年销售额增长6%”", 2022)]
    [InlineData("从1999年11月永康五金科技工业园创立", 1999)]
    [InlineData("截至2023年底，全市", 2023)]
    [InlineData("2023年前三季度", 2023)]
    public void MentionedYearMeansThatYearAtTheEarliest(string text, int year) =>
        Span(text, "提到的年份").ShouldBe(DateSpan.FromYear(year));

    [Theory]
    [InlineData("到2025年，全市规上工业产值")]
    [InlineData("力争2027年建成")]
    [InlineData("2030年前实现碳达峰")]
    [InlineData("至2035年")]
    [InlineData("2035年远景目标")]
    [InlineData("“十四五”时期（2021—2025年）")]
    [InlineData("面积1500多家")]
    [InlineData("2917.9亩")]
    public void ForwardLookingOrNonYearNumbersGiveNoYearClue(string text) =>
        Spans(text, "提到的年份").ShouldBeEmpty();

    [Theory]
    [InlineData("在国家级经济技术开发区建设40周年之际", 2024)]
    [InlineData("国家级经开区三十周年", 2014)]
    public void NationalDevelopmentZoneAnniversaryMeans1984PlusN(string text, int year) =>
        Span(text, "国家级经开区周年").ShouldBe(DateSpan.Year(year));

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
    public void CentralEconomicWorkConferenceWithoutNewYearSaysNothingAboutTheSeason() =>
        Page("6月11日下午，对2023年发展充满信心。", "学习贯彻中央经济工作会议精神。").Confidence.ShouldBe(DateConfidence.High);

    [Fact]
    public void SeasonClueChoosesTheMonthWhenThereIsNoDateline()
    {
        var d = Page("日前，对2023年发展充满信心。", "中央经济工作会议精神，新的一年。");
        d.Date.ShouldBe(new DateOnly(2023, 1, 1));
        d.Confidence.ShouldBe(DateConfidence.Low);
    }

    [Fact]
    public void EveryClueIsRecordedAsEvidenceWithTheMatchedText()
    {
        var d = Page("本报讯 5月26日，在第四个“全国科技工作者日”即将来临之际。", "对“十三五”规划作一次“回头看”。");
        d.Evidence.ShouldContain("「全国科技工作者日」“第四个“全国科技工作者日” → 2020 年");
        d.Evidence.ShouldContain("「十三五回头看」“对“十三五”规划作一次“回头看” → 2020 年");
    }

    [Fact]
    public void LeapDayDatelineAgainstASingleCommonYearDoesNotCrash()
    {
        var d = Page("2月29日，第六个“全国科技工作者日”。");
        d.Confidence.ShouldBe(DateConfidence.Low);
        d.Date.Year.ShouldBeInRange(2018, 2026);
    }

    private static readonly string[] ClueTexts =
    [
        "学习党的二十大精神", "二十届三中全会", "二十届二中全会", "新质生产力", "第四个“全国科技工作者日”", "第九个全国科技工作者日",
        "“十四五”规划编制", "对“十三五”规划作一次“回头看”", "疫情", "对2023年发展充满信心", "2023年度。过去一年",
        "2019年", "国家级经济技术开发区建设40周年", "中央经济工作会议，新的一年", "喜迎二十大", "到2035年",
    ];

    [Property(MaxTest = 500)]
    public void AnyCombinationOfDatelineAndCluesGivesADateAndNeverThrows(byte monthSeed, byte daySeed, bool hasDateline, int clueMask)
    {
        var month = monthSeed % 12 + 1;
        var day = daySeed % 31 + 1;
        var clues = string.Concat(ClueTexts.Where((_, i) => (clueMask >> i & 1) == 1).Select(c => c + "。"));
        var lead = hasDateline ? $"本报讯 {month}月{day}日，{clues}" : $"本报讯 日前，{clues}";

        var d = DateInference.InferPageDate([lead], [lead], null, Today);

        d.Evidence.ShouldNotBeEmpty();
        if (Datelines.FindDateline(lead) is { } md && d.Confidence >= DateConfidence.Medium)
            d.Date.AddDays(-1).ShouldBe(new DateOnly(d.Date.AddDays(-1).Year, md.Month, md.Day));
        if (d.Confidence == DateConfidence.High) d.Date.ShouldBeLessThanOrEqualTo(Today);
    }

    // ───────────── the table is data ─────────────

    [Fact]
    public void RuleTableCanBeExtendedWithALocalClue()
    {
        YearRule asianGames = new("五金博览会", new Regex(@"第(\d+)届中国五金博览会"), (m, _) => DateSpan.Year(1995 + int.Parse(m.Groups[1].Value)));
        var lead = "本报讯 9月24日，第28届中国五金博览会开幕。";

        DateInference.InferPageDate([lead], [lead], null, Today).Confidence.ShouldBe(DateConfidence.Low);

        var d = DateInference.InferPageDate([lead], [lead], null, Today, [.. DateClues.YearRules, asianGames], DateClues.MonthRules);
        d.Date.ShouldBe(new DateOnly(2023, 9, 25));
        d.Confidence.ShouldBe(DateConfidence.High);
    }

    [Theory]
    [InlineData("四", 4)]
    [InlineData("十", 10)]
    [InlineData("十一", 11)]
    [InlineData("二十", 20)]
    [InlineData("四十", 40)]
    [InlineData("二十三", 23)]
    [InlineData("一百零五", 105)]
    [InlineData("40", 40)]
    public void ChineseNumeralsAreRead(string text, int value) =>
        DateClues.ChineseNumber(text).ShouldBe(value);

    [Theory]
    [InlineData("")]
    [InlineData("四个")]
    [InlineData("abc")]
    public void NonNumeralsAreNotRead(string text) =>
        DateClues.ChineseNumber(text).ShouldBeNull();
}
