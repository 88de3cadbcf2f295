using Baoku.Import.Enrich;

namespace Baoku.Tests.Import.Enrich;

/// <summary>The issue's own date printed on a page: headers with a weekday, web meta lines and time stamps.</summary>
public class IssueDatesTests
{
    [Theory]
    [InlineData("A2 要闻 2024年3月19日 星期二", "2024-03-19", IssueDateKind.PageHeader)]
    [InlineData("综合新闻 2023年1月12日 星期四 5", "2023-01-12", IssueDateKind.PageHeader)]
    [InlineData("2023年9月14日 星期四 第3版 责任编辑：某某", "2023-09-14", IssueDateKind.PageHeader)]
    [InlineData("A3综合2024年3月19日星期二（上接A2版）", "2024-03-19", IssueDateKind.PageHeader)]
    [InlineData("2023 年 6 月 8 日 星期四", "2023-06-08", IssueDateKind.PageHeader)]
    [InlineData("2023年6月11日 周日", "2023-06-11", IssueDateKind.PageHeader)]
    [InlineData("发布时间: 2025-04-09 18:21:35 来源: 中国义乌网 作者: 某某", "2025-04-09", IssueDateKind.WebMeta)]
    [InlineData("发布日期：2023年08月30日 浏览次数：1362", "2023-08-30", IssueDateKind.WebMeta)]
    [InlineData("2023-03-08 09:30 来源：长兴新闻网", "2023-03-08", IssueDateKind.WebMeta)]
    [InlineData("更新时间：2024/3/5", "2024-03-05", IssueDateKind.WebMeta)]
    public void IssueDateIsRead(string text, string date, IssueDateKind kind)
    {
        var d = IssueDates.Find([text]).ShouldHaveSingleItem();
        d.Date.ShouldBe(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        d.Kind.ShouldBe(kind);
    }

    [Theory]
    [InlineData("本公司定于2022年7月20日上午10时公开拍卖")]     // an event, not the issue
    [InlineData("2022年11月21日，开发区组织学习")]
    [InlineData("开标时间：2024-05-01")]                      // not a publication meta line
    [InlineData("发布时间：2023-02-30")]                      // no such day
    public void OtherDatesAreNotIssueDates(string text) => IssueDates.Find([text]).ShouldBeEmpty();

    [Fact]
    public void HeaderWithAWeekdayThatDoesNotFallOnItsDateIsReportedNotUsed()
    {
        IssueDates.Find(["A2 要闻 2024年3月19日 星期三"]).ShouldBeEmpty();
        IssueDates.FindMisprinted(["A2 要闻 2024年3月19日 星期三"]).ShouldBe(["2024年3月19日 星期三"]);
    }

    [Fact]
    public void EachDateIsFoundOncePerKind() =>
        IssueDates.Find(["A2 要闻 2024年3月19日 星期二", "A2 要闻 2024年3月19日 星期二", "发布时间：2024-03-19 08:00"])
            .Select(d => d.Kind).ShouldBe([IssueDateKind.PageHeader, IssueDateKind.WebMeta]);
}
