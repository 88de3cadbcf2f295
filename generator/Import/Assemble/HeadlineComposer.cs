using System.Text.RegularExpressions;
using Baoku.Import.Read;

namespace Baoku.Import.Assemble;

/// <summary>A headline read as kicker (引题), title (主题) and subtitle (副题), with what the reader was unsure of.</summary>
public sealed record Headline(string? Kicker, string Title, string? Subtitle, IReadOnlyList<string> Notes)
{
    /// <summary>Too many parts to tell kicker, title and subtitle apart: an editor should look.</summary>
    public bool Unsure { get; init; }

    public string Display => string.Join(" ", new[] { Kicker, Title, Subtitle }.Where(s => !string.IsNullOrEmpty(s)));
}

/// <summary>
/// Reads headline lines as parts and the parts as kicker/title/subtitle. Display type is broken into short lines
/// (开发区企业推动 / 党的二十大精神落地见效), so short lines join the next one; lines of full length are parts.
/// </summary>
public static partial class HeadlineComposer
{
    const double ShortPart = 9;

    /// <summary>The separate display lines of a headline, wrapped lines rejoined.</summary>
    public static List<string> Parts(IReadOnlyList<LineInfo> lines)
    {
        var parts = new List<List<string>>();
        List<string>? current = null;
        foreach (var l in lines)
        {
            foreach (var segment in Segments(l))
            {
                // A short display line is a piece of the next one (开发区企业推动 / 党的二十大精神落地见效), unless the next
                // one opens a clause of its own (护好一江清水 / 六石街道开展巡河…) or one of them is a set-apart phrase pair.
                bool piece = current is not null && TextCleaner.Width(string.Concat(current)) < ShortPart
                    && !OpensClause(segment) && !IsCouplet(string.Concat(current)) && !segment.StartsWith("——", StringComparison.Ordinal);
                if (piece) { current!.Add(segment); continue; }
                if (current is not null) parts.Add(current);
                current = [segment];
            }
        }
        if (current is not null) parts.Add(current);
        return JoinWrapped(parts.Select(p => (JoinFragments(p), p.Count)).ToList());
    }

    /// <summary>Characters a phrase cannot end with: a display line ending in one is broken mid-phrase (将…落实到 / 企业…).</summary>
    const string PhraseGoesOn = "到的在为和与向把将让使对从于以及被给跟同或并而之其";

    /// <summary>A display line that names its own actor first (我市…, 六石街道…, “兰溪制造”…) starts a headline part of its own.</summary>
    static bool OpensClause(string part) => Actors.OpensClause(part);

    /// <summary>Two or three phrases set apart by spaces (项目为王 实干争先): a part of its own, never a wrapped line.</summary>
    static bool IsCouplet(string part) => HeadlineSplitter.IsPhraseCouplet(part);

    /// <summary>
    /// A long title is wrapped onto lines of about the same length (观海卫镇“共享法庭” / 一年调解纠纷300余起), a line stopping
    /// mid-phrase goes on in the next (将…落实到 / 企业…), and a few characters alone (解民忧) end the line before. A kicker or
    /// subtitle differs: a phrase pair, a line ending in ！ or ？, a ——subtitle, or a line opening a clause of its own.
    /// </summary>
    static List<string> JoinWrapped(List<(string Text, int Lines)> parts)
    {
        for (int i = 0; i + 1 < parts.Count; i++)
        {
            var (a, b) = (parts[i].Text, parts[i + 1].Text);
            if (IsCouplet(a) || IsCouplet(b) || b.StartsWith("——", StringComparison.Ordinal) || a.Length == 0 || a[^1] is '！' or '？' or '!' or '?') continue;
            bool brokenPhrase = PhraseGoesOn.Contains(a[^1]);
            // The end of a long title on a line of its own is short (…标志性项目 / 集中开竣工); a title under a kicker is not.
            bool tail = b.Replace(" ", "").Length <= 4
                || parts[i + 1].Lines == 1 && TextCleaner.Width(b) <= 0.6 * TextCleaner.Width(a) && !OpensClause(b) && !Exclaims(a);
            // Two lines of one wrapped title (one length in cells or in characters: OCR may cut lines by either); two parts
            // already made of several lines each are a kicker and a title.
            bool sameLength = parts[i].Lines == 1 && parts[i + 1].Lines == 1
                && Math.Min(Math.Abs(TextCleaner.Width(a) - TextCleaner.Width(b)), Math.Abs(a.Length - b.Length)) <= 1 && !OpensClause(b);
            if (!(brokenPhrase || tail || sameLength)) continue;
            // Parallel lines (合理安排“三生”空间 / 努力创造“四宜”环境) keep the gap between them.
            parts[i] = (Parallel(a, b) ? a + " " + b : a + b, parts[i].Lines + parts[i + 1].Lines);
            parts.RemoveAt(i + 1);
            i--;
        }
        return parts.Select(p => p.Text).ToList();
    }

    /// <summary>Lines of one length with their quotes and punctuation in the same places: parallel phrases.</summary>
    static bool Parallel(string a, string b) =>
        a.Length == b.Length && a.Any(c => !Hanzi.IsIdeograph(c)) && a.Select((c, k) => Hanzi.IsIdeograph(c) == Hanzi.IsIdeograph(b[k])).All(x => x);

    /// <summary>
    /// Display type set vertically arrives as fragments of two or three characters (突破 / 迎发展 / 整合 / 谋未来):
    /// an even number of them reads as phrases of two fragments each, set apart like any parallel phrases.
    /// </summary>
    static string JoinFragments(List<string> fragments)
    {
        bool vertical = fragments.Count >= 4 && fragments.Count % 2 == 0 && fragments.All(f => TextCleaner.Width(f) <= 3);
        return vertical
            ? string.Join(" ", fragments.Chunk(2).Select(pair => string.Concat(pair)))
            : string.Concat(fragments);
    }

    /// <summary>
    /// A web headline arrives on one line: 奋勇争先结硕果 凝心聚力启新程 开发区召开上半年经济工作会议.
    /// Two parallel phrases of equal length stay one part; a following phrase of another length is another part.
    /// </summary>
    static IEnumerable<string> Segments(LineInfo l)
    {
        var clean = TextCleaner.CleanHeadline(l.Raw);
        // A web headline exclaims or asks first and then says what happened: “义乌好货”组团出海！首批200家企业赴中东拓市场.
        int mark = clean.IndexOfAny(['！', '？']);
        if (mark > 0 && mark < clean.Length - 4)
        {
            yield return clean[..(mark + 1)].Trim();
            foreach (var s in Segments(l with { Raw = clean[(mark + 1)..].Trim() })) yield return s;
            yield break;
        }
        var words = clean.Split(' ');
        if (words.Length < 3 || TextCleaner.Width(words[0]) != TextCleaner.Width(words[1]))
        {
            yield return clean;
            yield break;
        }
        yield return words[0] + " " + words[1];
        yield return string.Join(" ", words.Skip(2));
    }

    /// <summary>Composes the headline and says when short display lines were joined, which can hide a short kicker.</summary>
    public static Headline Compose(IReadOnlyList<LineInfo> lines, IReadOnlyList<string> parts)
    {
        var h = Compose(parts);
        int segments = lines.Sum(l => Segments(l).Count());
        return segments > parts.Count
            ? h with { Notes = [.. h.Notes, "短的标题行已与下一行连成一句，如果短行其实是引题，请改正 (a short display line was joined to the next; if it is a kicker, correct it)"] }
            : h;
    }

    public static Headline Compose(IReadOnlyList<string> parts)
    {
        switch (parts.Count)
        {
            case 0:
                return new Headline(null, "", null, ["没有标题 (no headline)"]);
            case 1:
                return new Headline(null, parts[0], null, []);
            case 2 when !Exclaims(parts[0]) && (LooksLikeSubtitle(parts[1]) || StatesFigures(parts[1]) && !StatesFigures(parts[0])):
                return new Headline(null, parts[0], parts[1], ["第二行含逗号或破折号，判为副题 (second line read as subtitle)"]);
            case 2:
                return new Headline(parts[0], parts[1], null,
                    ["按本报版式惯例，上行为引题、下行为主题，请核对 (kicker above title by house convention: check)"]);
            case 3:
                return new Headline(parts[0], parts[1], parts[2], ["三行标题：引题、主题、副题，请核对 (three parts read as kicker, title, subtitle: check)"]);
            default:
                return new Headline(parts[0], parts[1], string.Join(" ", parts.Skip(2)),
                    [$"标题有 {parts.Count} 行，无法确定结构，请核对 ({parts.Count} headline parts: structure unsure)"]) { Unsure = true };
        }
    }

    /// <summary>A part ending in ！ or ？ calls out above what it announces: a kicker (壶镇机床“出海”忙！).</summary>
    static bool Exclaims(string s) => s.Length > 0 && s[^1] is '！' or '？' or '!' or '?';

    static bool LooksLikeSubtitle(string s) => s.Contains('，') || s.StartsWith("——", StringComparison.Ordinal);

    [GeneratedRegex(@"\d|[一二三四五六七八九十两百千万亿]+(?:成|倍|万|亿|%|个百分点)|同比")]
    private static partial Regex FiguresRx();

    /// <summary>A line that gives figures (订单同比增长三成, 1200余名选手参赛) is the facts under a title, not a kicker above it.</summary>
    static bool StatesFigures(string s) => FiguresRx().IsMatch(s);

    /// <summary>An intertitle is one heading, however many lines it was printed on.</summary>
    public static string Intertitle(IReadOnlyList<LineInfo> lines) => string.Concat(lines.Select(l => TextCleaner.CleanHeadline(l.Raw)));
}
