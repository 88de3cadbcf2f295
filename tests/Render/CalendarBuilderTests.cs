using Baoku.Render;
using Baoku.Site;
using Baoku.Tests.Support;

namespace Baoku.Tests.Render;

public class CalendarBuilderTests
{
    [Fact]
    public void MonthGridStartsOnMondayAndLinksDaysWithArticles()
    {
        var (m, _) = SiteModelBuilder.Build([Articles.Make("a", "2022-11-22"), Articles.Make("b", "2023-01-12"), Articles.Make("c", "2022-09-01")], Articles.Config);
        var cal = CalendarBuilder.Month(m, 2022, 11, new DateOnly(2022, 11, 22), "2022/11/22/")!;
        cal.Weekdays[0].ShouldBe("一");
        cal.Weeks[0].Take(1).Single().Day.ShouldBeNull();     // 2022-11-01 is a Tuesday
        cal.Weeks[0][1].Day.ShouldBe(1);
        var linked = cal.Weeks.SelectMany(w => w).Where(d => d.Href is not null).ToList();
        linked.ShouldHaveSingleItem().Day.ShouldBe(22);
        linked[0].Current.ShouldBeTrue();
        linked[0].Href.ShouldBe("../../../2022/11/22/index.html");
        cal.Prev!.Name.ShouldBe("2022年9月");
        cal.Next!.Name.ShouldBe("2023年1月");
    }
}
