namespace Baoku.Import.Read;

/// <summary>What stood before a token in print: nothing, a space, or the end of a printed line.</summary>
internal enum Gap { None, Space, Line }

internal enum TokenKind { Word, Latin, Sep, Colon, Slash, Open, Close, Marker, Punct }

/// <summary>
/// A run of byline text: a word of ideographs (a role, a name, or both glued: 本报记者赵伟龙), digits or Latin, or one
/// separator (、 ： / brackets). <see cref="Ns"/> counts the non-space characters before it, so a position can be
/// carried from printed text (with spaces) to cleaned text (without).
/// </summary>
internal readonly record struct Token(TokenKind Kind, string Text, Gap Before, int Ns)
{
    public int NsEnd => Ns + Text.Length;
}

/// <summary>Cuts printed byline text into tokens. Spaces and line ends separate words; a line end inside a word is joined.</summary>
internal static class BylineTokens
{
    public static List<Token> Read(string s, BylineWords words, int from = 0, int nsFrom = 0, int maxNs = int.MaxValue)
    {
        var raw = new List<Token>();
        var gap = Gap.None;
        int ns = nsFrom;
        for (int i = from; i < s.Length && ns < maxNs;)
        {
            char c = s[i];
            if (c is '\n' or '\r') { if (gap == Gap.None) gap = Gap.Line; i++; continue; }
            if (char.IsWhiteSpace(c)) { gap = Gap.Space; i++; continue; }
            var kind = KindOf(c);
            int j = i + 1;
            if (kind is TokenKind.Word or TokenKind.Latin)
                while (j < s.Length && KindOf(s[j]) == kind && !char.IsWhiteSpace(s[j])) j++;
            raw.Add(new Token(kind, s[i..j], gap, ns));
            ns += j - i;
            gap = Gap.None;
            i = j;
        }
        return JoinLineBreaks(raw, words);
    }

    public static TokenKind KindOf(char c) => c switch
    {
        _ when BylineWords.IsWordChar(c) => TokenKind.Word,
        '、' => TokenKind.Sep,
        '：' or ':' => TokenKind.Colon,
        '/' or '／' => TokenKind.Slash,
        '（' or '(' or '【' or '[' or '〔' => TokenKind.Open,
        '）' or ')' or '】' or ']' or '〕' => TokenKind.Close,
        '■' or '□' or '●' or '◆' or '◇' => TokenKind.Marker,
        _ when char.IsLetterOrDigit(c) => TokenKind.Latin,
        _ => TokenKind.Punct,
    };

    /// <summary>
    /// A narrow column breaks words: 通讯 / 员, 潘雨 / 欣. Two words either side of a line end are one word unless the first
    /// is complete (a name, a role, a label) and the second is more than one character and not the rest of a keyword.
    /// </summary>
    static List<Token> JoinLineBreaks(List<Token> raw, BylineWords words)
    {
        var result = new List<Token>(raw.Count);
        foreach (var t in raw)
        {
            if (t.Before == Gap.Line && result.Count > 0 && result[^1] is { Kind: TokenKind.Word } a && t.Kind == TokenKind.Word)
            {
                bool split = a.Text.Length > 1 && t.Text.Length > 1 && !words.KeywordSpans(a.Text, t.Text) && CreditPieces.IsComplete(a.Text, words);
                if (!split)
                {
                    result[^1] = a with { Text = a.Text + t.Text };
                    continue;
                }
            }
            result.Add(t);
        }
        return result;
    }

    /// <summary>The tokens as printed, one space where print had a gap (none inside brackets), cut at <paramref name="nsEnd"/>.</summary>
    public static string Render(IEnumerable<Token> tokens, int nsEnd)
    {
        var sb = new System.Text.StringBuilder();
        TokenKind? previous = null;
        foreach (var t in tokens)
        {
            if (t.Ns >= nsEnd) break;
            var text = t.NsEnd > nsEnd ? t.Text[..(nsEnd - t.Ns)] : t.Text;
            if (previous is not null && t.Before != Gap.None && previous != TokenKind.Open && t.Kind != TokenKind.Close) sb.Append(' ');
            sb.Append(text);
            previous = t.Kind;
        }
        return sb.ToString();
    }

    /// <summary>The non-space characters of <paramref name="s"/>, and where each one stands in it.</summary>
    public static (string Text, int[] Index) NonSpace(string s, int max = int.MaxValue)
    {
        var sb = new System.Text.StringBuilder();
        var index = new List<int>();
        for (int i = 0; i < s.Length && sb.Length < max; i++)
            if (!char.IsWhiteSpace(s[i])) { sb.Append(s[i]); index.Add(i); }
        return (sb.ToString(), index.ToArray());
    }

    /// <summary>What is left of <paramref name="s"/> after its first <paramref name="count"/> non-space characters.</summary>
    public static string SkipNonSpace(string s, int count)
    {
        int i = 0;
        for (int seen = 0; i < s.Length && seen < count; i++)
            if (!char.IsWhiteSpace(s[i])) seen++;
        return s[i..];
    }
}
