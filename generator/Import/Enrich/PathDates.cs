using System.Globalization;
using System.Text.RegularExpressions;

namespace Baoku.Import.Enrich;

/// <summary>A publication date read from a raw page's path, with the text it was read from.</summary>
public sealed record PathDate(DateOnly Date, string Matched);

/// <summary>
/// The date in a raw page's path below the import folder: <c>2023-01-12/05.txt</c>, <c>20230112_05.txt</c>,
/// <c>永康日报_2023年01月12日_第5版.txt</c>, <c>2024/03/19/A2.txt</c>, <c>慈溪日报_20230627_A3.txt</c>. A date is four digits of a
/// year (19xx or 20xx), a month and a day, written together (<c>20230112</c>), with one of <c>- _ . /</c> between them, or
/// as <c>2023年1月12日</c>; it stands between characters that are not ASCII letters or digits (so a hash such as
/// <c>fcd394e6e566bb03</c> or a longer number is not read), and must be a real calendar date. Pure: reads no file.
/// </summary>
public static partial class PathDates
{
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?<y>(?:19|20)\d{2})(?:(?<s>[-_./])(?<m>\d{1,2})\k<s>(?<d>\d{1,2})|(?<m>\d{2})(?<d>\d{2}))(?![0-9A-Za-z])")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"(?<![0-9])(?<y>(?:19|20)\d{2})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日")]
    private static partial Regex Chinese();

    /// <summary>The date in the path; where several stand in it, the one nearest the file name's end wins.</summary>
    public static PathDate? Find(string relativePath) => FindAll(relativePath).LastOrDefault();

    /// <summary>Every date in the path, left to right (folders first, then the file name).</summary>
    public static IReadOnlyList<PathDate> FindAll(string relativePath)
    {
        var path = relativePath.Replace('\\', '/');
        var stem = path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? path[..^4] : path;
        return Numeric().Matches(stem).Concat(Chinese().Matches(stem))
            .OrderBy(m => m.Index)
            .Select(m => ToDate(m) is { } d ? new PathDate(d, m.Value) : null)
            .OfType<PathDate>()
            .ToList();
    }

    private static DateOnly? ToDate(Match m)
    {
        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }
}
