using Baoku.Import.Enrich;

namespace Baoku.Tests.Import.Enrich;

/// <summary>The date in a raw page's path below the import folder.</summary>
public class PathDatesTests
{
    [Theory]
    [InlineData("2023-01-12/05.txt", "2023-01-12")]
    [InlineData("20230112_05.txt", "2023-01-12")]
    [InlineData("永康日报_2023年01月12日_第5版.txt", "2023-01-12")]
    [InlineData("东阳日报_2023年1月2日_第5版.txt", "2023-01-02")]
    [InlineData("2024/03/19/A2.txt", "2024-03-19")]
    [InlineData("慈溪日报_20230627_A3.txt", "2023-06-27")]
    [InlineData("haining-daily/2024/03/19/A2.txt", "2024-03-19")]
    [InlineData("haining-daily_2024_03_19_A2.txt", "2024-03-19")]
    [InlineData("yiwu-web/2025-04-09/jishibao.txt", "2025-04-09")]
    [InlineData("2023.1.5/page.txt", "2023-01-05")]
    [InlineData("2024-02-29.txt", "2024-02-29")]
    [InlineData(@"2024\03\19\A2.txt", "2024-03-19")]
    [InlineData("1999-12-31/1.txt", "1999-12-31")]
    public void DateInThePathIsRead(string path, string date) =>
        PathDates.Find(path)!.Date.ShouldBe(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("000_fcd394e6e566bb03.txt")]   // a hash
    [InlineData("page-07.txt")]
    [InlineData("A2.txt")]
    [InlineData("第5版.txt")]
    [InlineData("20231345_05.txt")]            // month 13
    [InlineData("2023-02-30/05.txt")]          // no 30 February
    [InlineData("2023-02-29.txt")]             // not a leap year
    [InlineData("a20230112.txt")]              // inside a word
    [InlineData("20230112b.txt")]
    [InlineData("202301120.txt")]              // a longer number
    [InlineData("12345678.txt")]
    [InlineData("18991231.txt")]               // not 19xx or 20xx
    [InlineData("2023-01.txt")]                // a month is not a day
    [InlineData("2023-01_12.txt")]             // mixed separators: not one date
    [InlineData("scan-1700000000/p1.txt")]     // a time stamp
    public void NumbersThatAreNotDatesAreNotRead(string path) =>
        PathDates.Find(path).ShouldBeNull();

    [Fact]
    public void TheFileNamesDateWinsOverItsFolders()
    {
        PathDates.FindAll("2024/03/19/慈溪日报_20240320_A3.txt").Select(d => d.Date)
            .ShouldBe([new DateOnly(2024, 3, 19), new DateOnly(2024, 3, 20)]);
        PathDates.Find("2024/03/19/慈溪日报_20240320_A3.txt")!.Matched.ShouldBe("20240320");
    }
}
