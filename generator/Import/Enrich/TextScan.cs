namespace Baoku.Import.Enrich;

/// <summary>Looking words up at a position of a text: the extractors have no segmenter, only word lists.</summary>
internal static class TextScan
{
    public static bool At(string t, int i, string s) =>
        i >= 0 && i + s.Length <= t.Length && string.CompareOrdinal(t, i, s, 0, s.Length) == 0;

    /// <summary>The first of <paramref name="longestFirst"/> that occurs at <paramref name="i"/>, or null.</summary>
    public static string? StartsWithAny(string t, int i, IReadOnlyList<string> longestFirst)
    {
        foreach (var s in longestFirst)
            if (At(t, i, s)) return s;
        return null;
    }

    /// <summary>A word list ordered so that a lookup finds the longest word (副市长 before 市长).</summary>
    public static string[] LongestFirst(IEnumerable<string> words) =>
        words.Distinct().OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).ToArray();
}
