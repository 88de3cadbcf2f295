using System.Globalization;
using System.Text;

namespace Baoku.Search;

/// <summary>
/// The normalisation shared by the index and every query (docs/search-index.md): each code point NFKC-normalised on
/// its own, lower-cased, and kept only if it is a letter or a digit. So full-width and half-width forms, case,
/// punctuation and spaces never decide whether a query matches. assets/search.js does exactly the same.
/// </summary>
public static class SearchText
{
    /// <summary>The units (code points) of a text, after normalisation.</summary>
    public static List<int> Units(string text)
    {
        var units = new List<int>(text.Length);
        AppendUnits(text, units);
        return units;
    }

    public static void AppendUnits(string text, List<int> units)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            // Fast path: unified ideographs and ASCII letters/digits are their own normal form.
            int v = rune.Value;
            if (Hanzi.IsUnified(v) || v is >= 'a' and <= 'z' or >= '0' and <= '9') { units.Add(v); continue; }
            if (v is >= 'A' and <= 'Z') { units.Add(v + 32); continue; }
            if (v < 0x80) continue;   // other ASCII: punctuation, spaces, controls
            var s = rune.ToString();
            if (!s.IsNormalized(NormalizationForm.FormKC)) s = s.Normalize(NormalizationForm.FormKC);
            foreach (var r in s.EnumerateRunes())
            {
                var lower = Rune.ToLowerInvariant(r);
                if (IsLetterOrDigit(lower)) units.Add(lower.Value);
            }
        }
    }

    static bool IsLetterOrDigit(Rune r) => Rune.GetUnicodeCategory(r) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };

    /// <summary>A normalised string: the units as text (what a gram or a query term is keyed by).</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var u in Units(text)) sb.Append(char.ConvertFromUtf32(u));
        return sb.ToString();
    }

    /// <summary>A query's terms: split at white space, normalised, empty and repeated terms dropped.</summary>
    public static IReadOnlyList<string> Terms(string query)
    {
        var terms = new List<string>();
        foreach (var part in query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var t = Normalize(part);
            if (t.Length > 0 && !terms.Contains(t)) terms.Add(t);
        }
        return terms;
    }

    /// <summary>32-bit FNV-1a over UTF-16 code units: which bucket file a gram is in (JS computes the same).</summary>
    public static uint Fnv1a(string s)
    {
        uint h = FnvOffset;
        foreach (char c in s) h = FnvAdd(h, c);
        return h;
    }

    public const uint FnvOffset = 2166136261;

    /// <summary>One UTF-16 code unit into an FNV-1a hash (the index writer hashes gram keys without making strings).</summary>
    public static uint FnvAdd(uint h, char c) => (h ^ c) * 16777619;
}
