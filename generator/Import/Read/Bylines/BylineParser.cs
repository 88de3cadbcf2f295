using Baoku.Config;

namespace Baoku.Import.Read;

/// <summary>
/// Reads the bylines of Chinese papers (the grammar is in <see cref="CreditGrammar"/>, the words in <see cref="BylineWords"/>):
/// <list type="bullet">
/// <item>leads at the start of a paragraph: 本报讯（记者 X 通讯员 Y）, 本网讯 记者 X, 中国义乌网4月9日讯(…), 记者 X 文/摄 …;</item>
/// <item>lines that are only a byline or a credit: ■本报记者 X 通讯员 Y, ■童新宇, 融媒记者 X 摄, 通讯员张三摄, 文/X 图/Y, X/文 Y/图,
/// 歌画东阳客户端记者 X 摄影 Y, 慈溪市委报道组 X Y, （记者 X）, （吴某）, （兰溪市科技局）, 来源：…, 编辑：X, 【责任编辑:X】;</item>
/// <item>photo credits at the end of a caption line: “…红领巾。 记者 X 摄”, “宣讲现场（X 摄）”.</item>
/// </list>
/// Every entry point takes the page's <see cref="PaperProfile"/>, whose lead prefixes and roles add to the built-in ones.
/// Prose is never a byline: a line with sentence punctuation or longer than a byline is not read, and a word glued to a
/// role must look like a name (记者会上, 记者了解到 are prose).
/// </summary>
public static class BylineParser
{
    const int MaxLine = 48;
    static readonly char[] SentenceMarks = ['，', '。', '！', '？', '；', '!', '?', ';', ',', '…', '“', '”'];
    static readonly char[] SentenceEnds = ['。', '！', '？', '”', '」', '!', '?'];

    /// <summary>A line that is only a byline or a credit. Null when the line is anything else (prose, a lead, a caption).</summary>
    public static Byline? ParseLine(string rawLine, PaperProfile paper)
    {
        var words = BylineWords.For(paper);
        var text = rawLine.Trim();
        if (text.Length is < 3 or > MaxLine || text.IndexOfAny(SentenceMarks) >= 0) return null;
        if (LeadParser.HasHead(text, words)) return null;
        bool marked = BylineTokens.KindOf(text[0]) == TokenKind.Marker;
        var body = marked ? text[1..].TrimStart() : text;
        bool alone = marked && text[0] is '■' or '□';
        var b = Read(body, words, alone);
        if (b is null && TextCleaner.HasLayoutSpaces(body)) b = Read(TextCleaner.RemoveLayoutSpaces(body), words, alone);
        return b is null ? null : b with { Raw = text, Top = marked || b.Top };
    }

    static Byline? Read(string body, BylineWords words, bool nameAlone)
    {
        if (body.Length == 0) return null;
        if (Bracketed(body) is { } inner)
        {
            // After a body: （记者 X）, （吴某）, （编辑 X）, 【责任编辑:X】, （来源：X局）, （X局）, （据X）
            var c = Credits(inner, words);
            if (c is not null && (!c.Bare || BareNames(c, words))) return c.Byline with { Form = BylineForm.Closing };
            var org = inner.Trim();
            if (org.StartsWith('据')) org = org[1..];
            return words.IsOrgLike(org) ? new Byline([], [], "") { Origin = org, Form = BylineForm.Closing } : null;
        }
        var credits = Credits(body, words);
        if (credits is null || credits.Bare && !(nameAlone && BareNames(credits, words))) return null;
        return credits.Byline with { Form = credits.Labelled ? BylineForm.Closing : BylineForm.Line, Top = credits.Trailer == "报道" };
    }

    /// <summary>Names alone (■童新宇, （吴佳琪）) are a byline only when each looks like a person's name.</summary>
    static bool BareNames(Credits c, BylineWords words) =>
        c.Byline.Authors.Count is >= 1 and <= 3 && c.Byline.Authors.All(words.IsBareName);

    static string? Bracketed(string s)
    {
        if (s.Length < 3) return null;
        int close = (s[0], s[^1]) switch { ('（', '）') or ('(', ')') or ('（', ')') or ('(', '）') or ('【', '】') or ('[', ']') => 1, _ => 0 };
        if (close == 0) return null;
        var inner = s[1..^1];
        return inner.IndexOfAny(['（', '(', '）', ')', '【', '】']) >= 0 ? null : inner;
    }

    static Credits? Credits(string text, BylineWords words) =>
        CreditGrammar.Parse(BylineTokens.Read(text, words), words, prefix: false);

    /// <summary>
    /// Splits a lead off a paragraph: <paramref name="printedLines"/> are its lines as printed (their spacing tells names
    /// apart), <paramref name="cleaned"/> its cleaned text. The rest is the cleaned text after the lead. No lead: (null, cleaned).
    /// A lead without a byline (本报讯 5月28日，…) gives a byline that names nobody and keeps the lead as printed.
    /// </summary>
    public static (Byline? Byline, string Remainder) SplitLead(IReadOnlyList<string> printedLines, string cleaned, PaperProfile paper)
    {
        var printed = string.Join("\n", printedLines.Select(l => l.Trim()));
        var lead = LeadParser.Parse(printed, BylineWords.For(paper));
        return lead is null ? (null, cleaned) : (lead.Byline, BylineTokens.SkipNonSpace(cleaned, lead.NsEnd).TrimStart());
    }

    /// <summary>Splits a lead off one paragraph string (printed or cleaned).</summary>
    public static (Byline? Byline, string Remainder) SplitLead(string paragraph, PaperProfile paper) => SplitLead([paragraph], paragraph, paper);

    /// <summary>Whether the text (printed lines joined with \n, or cleaned) opens with a lead.</summary>
    public static bool StartsWithLead(string text, PaperProfile paper) => LeadParser.Parse(text, BylineWords.For(paper)) is not null;

    /// <summary>
    /// Whether the start of a paragraph may be a lead broken over lines, so the next line must be read with it: 本 报 / 讯（…,
    /// 本报杭州11月 / 11日讯. True for a short run of ideographs and digits that has not reached 讯 yet.
    /// </summary>
    public static bool MayContinueLead(string cleanedHead) =>
        cleanedHead.Length < 3
        || cleanedHead.Length < 14 && cleanedHead.IndexOfAny(['讯', '电']) < 0
           && cleanedHead.All(c => BylineWords.IsWordChar(c) || char.IsAsciiDigit(c));

    /// <summary>Splits a photo credit printed at the end of a caption line: “…红领巾。 记者 林群心 摄”, “宣讲现场（周斌 摄）”.</summary>
    public static (string Text, Byline? Credit) SplitTrailingCredit(string rawLine, PaperProfile paper)
    {
        var words = BylineWords.For(paper);
        var t = rawLine.Trim();
        if (t.Length > 0 && t[^1] is '）' or ')')
        {
            int open = t.LastIndexOfAny(['（', '(']);
            if (open > 0 && Photo(Credits(t[(open + 1)..^1], words)) is { } inBrackets)
                return (t[..open].TrimEnd(), inBrackets with { Raw = t[open..], Form = BylineForm.Caption });
        }
        int end = t.LastIndexOfAny(SentenceEnds);
        if (end >= 0 && t.Length - end - 1 is >= 3 and <= 30)
        {
            var tail = t[(end + 1)..].Trim();
            if (tail.IndexOfAny(SentenceMarks) < 0 && Photo(Credits(tail, words)) is { } credit)
                return (t[..(end + 1)], credit with { Raw = tail, Form = BylineForm.Caption });
        }
        return (rawLine, null);
    }

    static Byline? Photo(Credits? c) => c is { Bare: false, Byline.Photographers.Count: > 0 } ? c.Byline : null;
}
