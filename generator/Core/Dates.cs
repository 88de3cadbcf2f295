using System.Globalization;

namespace Baoku.Core;

public static class Dates
{
    public static string Text(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string MonthText(int year, int month) => $"{year}年{month}月";
}
