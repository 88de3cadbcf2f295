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
        cal.weekdays[0].ShouldBe("一");
        cal.weeks[0].Take(1).Single().day.ShouldBeNull();     // 2022-11-01 is a Tuesday
        cal.weeks[0][1].day.ShouldBe(1);
        var linked = cal.weeks.SelectMany(w => w).Where(d => d.href is not null).ToList();
        linked.ShouldHaveSingleItem().day.ShouldBe(22);
        linked[0].current.ShouldBeTrue();
        linked[0].href.ShouldBe("../../../2022/11/22/index.html");
        cal.prev!.name.ShouldBe("2022年9月");
        cal.next!.name.ShouldBe("2023年1月");
    }
}
