using System.Text.RegularExpressions;

namespace Baoku.Import.Read;

/// <summary>A lead found at the start of a paragraph: its byline, and how many non-space characters it takes.</summary>
internal sealed record Lead(Byline Byline, int NsEnd);

/// <summary>
/// The leads Chinese papers print before the first sentence of a story:
/// <list type="bullet">
/// <item>a source and 讯, with an optional place and date: 本报讯, 本网讯, 本报杭州11月11日讯, 中国义乌网4月9日讯, 东阳新闻网讯,
/// 爱缙云客户端讯, 义乌商报讯, and a news agency's 新华社北京11月1日电; a paper profile adds its own sources;</item>
/// <item>after it, a byline in brackets （记者 X 通讯员 Y） or (…), or without brackets 本报讯 记者 X 通讯员 Y;</item>
/// <item>or a byline alone that a verb closes, then the first sentence: 记者 X 通讯员 Y 报道, 记者 X 文/摄.</item>
/// </list>
/// Print breaks leads over narrow lines (本 报 / 讯（ 融 媒 …): the source is matched without spaces, and the byline is
/// read from the printed spacing when it has one, else from the characters alone.
/// </summary>
internal static partial class LeadParser
{
    const string Place = @"(?<place>(?:(?!记者|通讯|客户端)\p{IsCJKUnifiedIdeographs}){2,6}?)??";
    const string Date = @"(?<date>\d{1,2}月\d{1,2}日)?";

    [GeneratedRegex(@"^(?<src>本报|本网|本台|本刊|本站|[\p{IsCJKUnifiedIdeographs}《》]{1,12}?(?:新闻网|网|客户端|日报|晚报|早报|商报|报|电视台|台|刊|APP|App|融媒|发布|频道|在线))"
        + Place + Date + "讯(?![号息员])")]
    private static partial Regex NewsHeadRx();

    [GeneratedRegex(@"^(?:(?<src>新华社|中新社|中国新闻社)" + Place + Date + @"|(?<src>本报|本网|人民日报|光明日报|经济日报|浙江日报)"
        + Place + @"(?<date>\d{1,2}月\d{1,2}日))电(?![话视脑子力网器站池动影])")]
    private static partial Regex WireHeadRx();

    /// <summary>The lead at the start of <paramref name="printed"/> (lines joined with \n), or null.</summary>
    public static Lead? Parse(string printed, BylineWords words)
    {
        var (flat, index) = BylineTokens.NonSpace(printed, 120);
        int head = HeadLength(flat, words);
        if (head == 0) return RoleLead(printed, words);

        var headText = flat[..head];
        var bare = new Byline([], [], headText) { Form = BylineForm.Lead };
        if (head == flat.Length) return new Lead(bare, head);
        int from = index[head];
        bool gap = from > 0 && printed[from - 1] is ' ' or '\u3000' or '\t';
        if (flat[head] is '（' or '(')
        {
            int close = CloseOf(flat, head);
            if (close < 0) return new Lead(bare, head);
            var tokens = BylineTokens.Read(printed, words, index[head] + 1, head + 1, close);
            var credits = CreditGrammar.Parse(tokens, words, prefix: false);
            string inner;
            if (credits is not null) inner = BylineTokens.Render(tokens, close);
            else
            {
                // Letter-spaced print (融 媒 见 习 记 者 郑 旭 华): read the characters without the spaces.
                tokens = BylineTokens.Read(flat[(head + 1)..close], words);
                credits = CreditGrammar.Parse(tokens, words, prefix: false);
                if (credits is null) return new Lead(bare, head);
                inner = string.Join(" ", Spaced(credits.Pieces));
            }
            var raw = headText + (gap ? " " : "") + flat[head] + inner + flat[close];
            return new Lead(With(credits.Byline, raw), close + 1);
        }
        var after = BylineTokens.Read(printed, words, from, head, head + 60);
        var open = CreditGrammar.Parse(after, words, prefix: true);
        if (open is null || open.NsEnd == 0 || after.Count == 0 || FirstPiece(open) is not (PieceKind.Role or PieceKind.Label)) return new Lead(bare, head);
        return new Lead(With(open.Byline, headText + (gap ? " " : "") + BylineTokens.Render(after, open.NsEnd)), open.NsEnd);
    }

    /// <summary>Whether a source and 讯 (or a news agency and 电) open the text, spaces ignored.</summary>
    public static bool HasHead(string text, BylineWords words) => HeadLength(BylineTokens.NonSpace(text, 40).Text, words) > 0;

    static int HeadLength(string flat, BylineWords words)
    {
        var m = NewsHeadRx().Match(flat);
        if (!m.Success) m = WireHeadRx().Match(flat);
        if (!m.Success && words.LeadHead is { } own) m = own.Match(flat);
        return m.Success ? m.Length : 0;
    }

    /// <summary>A byline that opens the paragraph and ends in a writer's verb: 记者 X 通讯员 Y 报道 …, 记者 X 文/摄 2月18日，…</summary>
    static Lead? RoleLead(string printed, BylineWords words)
    {
        var tokens = BylineTokens.Read(printed, words, maxNs: 60);
        if (tokens.Count == 0 || tokens[0].Kind != TokenKind.Word) return null;
        var credits = CreditGrammar.Parse(tokens, words, prefix: true);
        // A photo credit (记者 X 摄) over a caption is not a lead: the verb must name a writer (报道, 采写, 文/摄).
        if (credits is null || credits.Trailer is null || FirstPiece(credits) != PieceKind.Role || credits.Byline.Authors.Count == 0)
            return null;
        // The verb must end a word: 记者 X 摄影 is a credit, 记者 X 摄影比赛 is not.
        var next = tokens.FirstOrDefault(t => t.Ns >= credits.NsEnd);
        if (next.Text is not null && next.Ns == credits.NsEnd && next.Before == Gap.None && next.Kind == TokenKind.Word) return null;
        return new Lead(With(credits.Byline, BylineTokens.Render(tokens, credits.NsEnd)), credits.NsEnd);
    }

    static PieceKind? FirstPiece(Credits c) => c.Pieces.Count > 0 ? c.Pieces[0].Kind : null;

    /// <summary>The closing bracket of the one at <paramref name="open"/>, within a byline's length and before any sentence mark.</summary>
    static int CloseOf(string flat, int open)
    {
        for (int i = open + 1; i < flat.Length && i <= open + 64; i++)
        {
            if (flat[i] is '）' or ')') return i;
            if (flat[i] is '（' or '(' or '。' or '，' or '！' or '？' or '；') return -1;
        }
        return -1;
    }

    /// <summary>The pieces of a byline read without spaces, set with one space between role and names (融媒见习记者 郑旭华).</summary>
    static IEnumerable<string> Spaced(IReadOnlyList<Piece> pieces)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var p in pieces)
        {
            if (p.Kind is PieceKind.Colon or PieceKind.Slash || sb.Length > 0 && sb[^1] is '：' or ':' or '/' or '／') { sb.Append(p.Text); continue; }
            if (sb.Length > 0) { yield return sb.ToString(); sb.Clear(); }
            sb.Append(p.Text);
        }
        if (sb.Length > 0) yield return sb.ToString();
    }

    static Byline With(Byline b, string raw) => b with { Raw = raw, Form = BylineForm.Lead };
}
