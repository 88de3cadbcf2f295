using System.Text;

namespace Baoku.Import.Read;

/// <summary>Character-level cleaning of OCR text. Removes only what layout added; every printed character stays.</summary>
public static class TextCleaner
{
    /// <summary>Printed width in CJK cells: wide characters 1, everything else ½.</summary>
    public static double Width(string s)
    {
        double w = 0;
        foreach (var c in s) w += c == ' ' ? 0 : Hanzi.IsWide(c) ? 1 : 0.5;
        return w;
    }

    /// <summary>
    /// Removes spaces that justification put between characters: a run of spaces goes when a wide character
    /// (CJK or full-width punctuation) stands on either side. Spaces between Latin words or between digits stay.
    /// </summary>
    public static string RemoveLayoutSpaces(string s)
    {
        var sb = new StringBuilder(s.Length);
        int i = 0;
        while (i < s.Length)
        {
            if (s[i] != ' ') { sb.Append(s[i++]); continue; }
            int j = i;
            while (j < s.Length && s[j] == ' ') j++;
            bool atEdge = i == 0 || j == s.Length;
            bool layout = !atEdge && (Hanzi.IsWide(s[i - 1]) || Hanzi.IsWide(s[j]));
            if (!atEdge && !layout) sb.Append(' ');
            i = j;
        }
        return sb.ToString();
    }

    /// <summary>
    /// True when the raw line shows justification: two or more gaps between wide characters (区 积 极 推 动).
    /// Gaps around digits (从 1 月 11 日) are ordinary typesetting and do not count.
    /// </summary>
    public static bool HasLayoutSpaces(string raw)
    {
        var t = raw.Trim();
        int gaps = 0;
        for (int i = 1; i < t.Length - 1; i++)
        {
            if (t[i] != ' ' || t[i - 1] == ' ' || !Hanzi.IsWide(t[i - 1])) continue;
            int j = i;
            while (j < t.Length && t[j] == ' ') j++;
            if (j < t.Length && Hanzi.IsWide(t[j])) gaps++;
        }
        return gaps >= 2;
    }

    /// <summary>OCR reads the Chinese ellipsis as two math dots ⋯⋯; print means ……. A lone ⋯ is left for an editor to judge.</summary>
    public static string NormalizeEllipsis(string s) => s.Replace("\u22EF\u22EF", "\u2026\u2026");

    /// <summary>Body text cleaning: layout spaces out, ellipsis normalised, nothing else touched.</summary>
    public static string CleanBody(string raw) => NormalizeEllipsis(RemoveLayoutSpaces(raw.Trim()));

    /// <summary>
    /// Headline cleaning. Headlines use a real gap between parallel phrases (用心解难争主动 助企发展抢先机), so a
    /// single space between two runs of two or more wide characters is kept; letter-spaced words (招 聘) are closed up.
    /// </summary>
    public static string CleanHeadline(string raw)
    {
        var tokens = raw.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0) return "";
        if (tokens.All(t => t.Length == 1)) return NormalizeEllipsis(string.Concat(tokens));
        var sb = new StringBuilder(tokens[0]);
        for (int k = 1; k < tokens.Length; k++)
        {
            var prev = tokens[k - 1];
            var next = tokens[k];
            bool phraseGap = prev.Length >= 2 && next.Length >= 2 && Hanzi.IsWide(prev[^1]) && Hanzi.IsWide(next[0]);
            bool latinGap = !Hanzi.IsWide(prev[^1]) && !Hanzi.IsWide(next[0]);
            if (phraseGap || latinGap) sb.Append(' ');
            sb.Append(next);
        }
        return NormalizeEllipsis(sb.ToString());
    }

    /// <summary>Joins the cleaned lines of one paragraph. A space survives only between two Latin/digit ends.</summary>
    public static string JoinLines(IEnumerable<string> cleanedLines)
    {
        var sb = new StringBuilder();
        foreach (var line in cleanedLines)
        {
            if (line.Length == 0) continue;
            if (sb.Length > 0 && IsLatinWordChar(sb[^1]) && IsLatinWordChar(line[0]) && !char.IsDigit(sb[^1]) && !char.IsDigit(line[0]))
                sb.Append(' ');
            sb.Append(line);
        }
        return sb.ToString();
    }

    static bool IsLatinWordChar(char c) => c < 128 && char.IsLetterOrDigit(c);

    /// <summary>Sentence-final marks: a line ending in one of these may end a paragraph.</summary>
    public static bool EndsSentence(string s)
    {
        var t = s.TrimEnd();
        if (t.Length == 0) return false;
        // Closing quotes/brackets after a terminator still end the sentence: ……。” or 。）
        int i = t.Length - 1;
        while (i >= 0 && t[i] is '”' or '’' or '」' or '』' or '）' or ')' or '"') i--;
        if (i < 0) return false;
        char c = t[i];
        if (c is '。' or '！' or '？' or '!' or '?' or '…' or '：' or '；') return true;
        return c == '—' && i > 0 && t[i - 1] == '—';  // 发展路线图越发清晰——
    }

    /// <summary>Punctuation that only occurs inside sentences: a line that has it is body text, not a headline.</summary>
    public static bool HasSentencePunctuation(string s) =>
        s.IndexOfAny(['，', '。', '、', '；', '：', '？', '！', ',', ';']) >= 0;
}
