using Baoku.Import.Enrich;

namespace Baoku.Tests.Import.Enrich;

/// <summary>The year rules of <see cref="DateClues"/>, one by one, on small made-up texts.</summary>
public class DateCluesTests
{
    private static IReadOnlyList<DateSpan> Spans(string text, string rule) =>
        DateClues.FindYearClues([text]).Where(c => c.Rule == rule).Select(c => c.Span).ToList();

    private static DateSpan Span(string text, string rule) => Spans(text, rule).ShouldHaveSingleItem();

    private static YearClue Clue(string text, string rule) => DateClues.FindYearClues([text]).Where(c => c.Rule == rule).ShouldHaveSingleItem();


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

    // ───────────── relative years, plans and events (issue 12) ─────────────

    [Theory]
    [InlineData("自去年10月党的二十大胜利闭幕以来，全镇掀起学习热潮", "去年10月党的二十大", 2023)]
    [InlineData("今年召开的党的二十大擘画了蓝图", "今年召开的党的二十大", 2022)]
    [InlineData("去年召开的党的二十大精神", "去年召开的党的二十大精神", 2023)]
    public void TwentiethCongressCalledLastYearOrThisYearGivesTheYearItIsSaidIn(string text, string matched, int year)
    {
        var relative = DateClues.FindYearClues([text]).Where(c => c.Rule == "党的二十大" && c.Span.From.Month == 1).ShouldHaveSingleItem();
        relative.Matched.ShouldBe(matched);
        relative.Span.ShouldBe(DateSpan.Year(year));
    }

    [Fact]
    public void PlenumCalledLastYearGivesTheYearAfterIt() =>
        Clue("去年召开的二十届三中全会作出部署", "二十届全会").Span.ShouldBe(DateSpan.Year(2025));

    [Fact]
    public void TwentiethFourthPlenumMeansFromOctober2025() =>
        Span("学习贯彻党的二十届四中全会精神", "二十届全会").From.ShouldBe(new DateOnly(2025, 10, 23));

    [Theory]
    [InlineData("今年是“十四五”开局之年", 2021)]
    [InlineData("今年是“十四五”规划收官之年", 2025)]
    [InlineData("“十三五”收官之年", 2020)]
    [InlineData("去年是“十四五”开局之年", 2022)]
    [InlineData("明年是“十四五”规划收官之年", 2024)]
    [InlineData("十五五开局之年", 2026)]
    public void FirstAndLastYearsOfAFiveYearPlanAreKnown(string text, int year) =>
        Span(text, "五年规划开局收官").ShouldBe(DateSpan.Year(year));

    [Fact]
    public void HangzhouAsianGamesAboutToOpenMeansSummer2023()
    {
        Span("杭州亚运会开幕在即，小镇迎来客流", "杭州亚运会").ShouldBe(new DateSpan(new(2023, 6, 1), new(2023, 9, 23)));
        Span("杭州亚运会期间，志愿者在岗", "杭州亚运会").From.ShouldBe(new DateOnly(2023, 9, 23));
        Spans("亚运会开幕在即", "杭州亚运会").ShouldBeEmpty();   // another Asian Games
    }

    [Theory]
    [InlineData("庆祝建党100周年", 2021)]
    [InlineData("新中国成立七十五周年", 2024)]
    [InlineData("改革开放40周年", 2018)]
    public void AnniversariesCountFromTheFoundingYear(string text, int year) =>
        Span(text, "周年纪念").ShouldBe(DateSpan.Year(year));

    [Fact]
    public void YearComparedWithMeansTheYearAfterAtTheEarliest() =>
        Span("与2023年同期相比，增加值增长12.6%", "某年同期").ShouldBe(DateSpan.FromYear(2024));

    [Theory]
    [InlineData("党的二十大报告提出。2022年，全市实施技改项目126个；今年以来，又有38个开工。", 2023)]
    [InlineData("2023年全年产值超过500亿元。今年，园区计划推动50家企业改造。", 2024)]
    public void YearToldAsPastBesideThisYearMeansALaterYear(string text, int from) =>
        Span(text, "今年与往年").ShouldBe(DateSpan.FromYear(from));

    [Theory]
    [InlineData("2022年，全市实施技改项目126个。")]                 // no 今年: the year may be this one
    [InlineData("2024年以来，共发现问题13个。今年以来，持续推进。")]     // "since 2024" is not a year told as past
    [InlineData("2025年，我县将实施重点项目38个。今年以来，开工12个。")]   // a plan
    [InlineData("2023年，是全面贯彻党的二十大精神的开局之年。今年以来，全市…")]
    public void YearNotToldAsPastBesideThisYearSaysNothingMore(string text) =>
        Spans(text, "今年与往年").ShouldBeEmpty();

    [Theory]
    [InlineData("今年（2023年）以来", 2023)]
    [InlineData("去年（2022年）全市", 2023)]
    public void ThisYearOrLastYearWithTheYearInBracketsIsExact(string text, int year) =>
        Span(text, "今年去年注明年份").ShouldBe(DateSpan.Year(year));

    [Fact]
    public void DateAnnouncedAheadMeansWithinTheYearBeforeIt()
    {
        Span("本公司定于2022年7月20日上午10时公开拍卖", "预告的日期").ShouldBe(new DateSpan(new(2021, 7, 20), new(2022, 7, 20)));
        Spans("本公司定于2022年7月20日上午10时公开拍卖", "提到的年份").ShouldBeEmpty();
        Spans("2022年7月20日，公司举行拍卖", "预告的日期").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("项目预计于2026年建成")]
    [InlineData("计划于2027年完工")]
    public void PlansWithYuAreForwardLooking(string text) => Spans(text, "提到的年份").ShouldBeEmpty();

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
