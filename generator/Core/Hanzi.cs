namespace Baoku.Core;

/// <summary>
/// The character classes of Chinese text, defined once for import, search, check and related articles:
/// ideographs (汉字), the wide characters a typesetter gives a full cell, and CJK character bigrams.
/// </summary>
public static class Hanzi
{
    /// <summary>A CJK ideograph: the unified block, extension A and the compatibility ideographs.</summary>
    public static bool IsIdeograph(char c) => IsUnified(c) || c is >= '\uF900' and <= '\uFAFF';

    /// <summary>
    /// A unified ideograph (the main block and extension A; BMP only). Unlike the compatibility ideographs these are
    /// their own NFKC form and have no case, so search may take them as they are.
    /// </summary>
    public static bool IsUnified(int c) => c is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF;

    /// <summary>Characters a Chinese typesetter gives a full cell: ideographs, full-width punctuation, curly quotes, ⋯, ㎡, ▲.</summary>
    public static bool IsWide(char c) =>
        IsIdeograph(c)
        || c is >= '\u3000' and <= '\u303F'      // CJK punctuation 、。「」
        || c is >= '\uFF00' and <= '\uFFEF'      // full-width forms ，（）：
        || c is >= '\u2010' and <= '\u2027'      // dashes, “ ” ‘ ’, …
        || c is '\u22EF' or '\u33A1'             // ⋯ ㎡
        || c is >= '\u25A0' and <= '\u25FF';     // geometric shapes □ ▲ ▶

    /// <summary>
    /// A regex character class body for "Chinese text": ideographs, CJK symbols and punctuation, full-width forms
    /// (for patterns such as check's spaced-characters warning).
    /// </summary>
    public const string TextClass = @"\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u3001-\u303F\uFF01-\uFF60";

    /// <summary>Two ideographs side by side at <paramref name="i"/>: the unit of bigram matching.</summary>
    public static bool IsBigramAt(ReadOnlySpan<char> s, int i) => i + 1 < s.Length && IsIdeograph(s[i]) && IsIdeograph(s[i + 1]);

    /// <summary>The ideograph bigrams of a text (punctuation and Latin break runs).</summary>
    public static HashSet<string> Bigrams(string s)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < s.Length; i++)
            if (IsBigramAt(s, i)) set.Add(s.Substring(i, 2));
        return set;
    }

    /// <summary>A bigram packed into a number (first char in the high half): counted without making strings.</summary>
    public static long BigramKey(char first, char second) => ((long)first << 16) | second;
}
