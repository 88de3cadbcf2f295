using Baoku.Import.Enrich;

namespace Baoku.Tests.Import.Enrich;

/// <summary>The day a story reports on: the lead's dateline, later paragraphs that open with a date, sentence-initial dates.</summary>
public class DatelinesTests
{
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

    [Fact]
    public void SentenceInitialPlansAreNotDatelines() =>
        Datelines.FindSentenceInitialDates("导语。6月30日，将举行第二场。7月1日，还将开展巡查。5月3日，开会。").ShouldBe([(5, 3)]);

    // ───────────── ForStory ─────────────

    [Fact]
    public void StoryDatelineIsTheLeadsAndThoseOfParagraphsThatOpenWithADate()
    {
        var d = Datelines.ForStory(["本报讯（记者 甲）9月12日，古镇早茶文化节开幕。", "节日期间，9月13日有演出。", "9月13日，街道开展检查。"]);
        d.Select(x => (x.Month, x.Day, x.Place)).ShouldBe([(9, 12, DatelinePlace.Lead), (9, 13, DatelinePlace.Paragraph)]);
        d[0].ToString().ShouldStartWith("导语日期 9月12日：“本报讯（记者 甲）9月12日");
        d[1].ToString().ShouldStartWith("段首日期 9月13日");
    }

    [Fact]
    public void StoryWithoutLeadDatelineTakesItsFirstSentenceInitialDateOnly()
    {
        var d = Datelines.ForStory(["日前，开发区组织学习。会后讨论。11月21日，开发区组织宣讲。12月1日，再次宣讲。"]);
        var only = d.ShouldHaveSingleItem();
        (only.Month, only.Day, only.Place).ShouldBe((11, 21, DatelinePlace.Sentence));
        only.ToString().ShouldStartWith("正文句首日期 11月21日：“11月21日，开发区组织宣讲");
    }

    [Fact]
    public void WebStoryWhoseDatelineIsInTheSecondParagraphIsDated() =>
        Datelines.ForStory(["记者 某某 通讯员 某某", "4月15日，县里召开推进会。"]).ShouldHaveSingleItem().MonthDay.ShouldBe((4, 15));

    [Fact]
    public void StoryWithoutAnyDateHasNoDateline() =>
        Datelines.ForStory(["近日，开发区组织学习。", "下一步，将继续推进。"]).ShouldBeEmpty();
}
