using Baoku.Import.Read;
using static Baoku.Import.Enrich.TextScan;

namespace Baoku.Import.Enrich;

/// <summary>
/// Organisations the suffix rules of <see cref="OrgExtractor"/> miss, found with the segmenter: bodies of any county,
/// town, street or village (县图书馆, 夹浦镇妇联, 六石街道团工委, 何宅村股份经济合作社, 武义温泉度假区管委会), institutions
/// named without a prefix (五金技师学院), and the rule-found names corrected where the segmenter shows their start
/// (义乌市商务局, not 市商务局; 宁波卓禾电器有限公司, not 周巷镇宁波卓禾电器有限公司).
/// </summary>
/// <remarks>
/// The name is read back from the suffix over name-like words (nouns, places, unknown words), and must start with an
/// anchor: an administrative prefix (市, 县, 镇, 市委…), a place, or, for a school or alliance, two words of its own.
/// A party committee printed in a post (义亭镇党委委员) is not an organisation of the article; one acting is
/// (丹溪社区党委推动…). Bare 开发区, 市委, 市政府 stay excluded (<see cref="OrgExtractor"/>).
/// </remarks>
public static class InstitutionExtractor
{
    private static readonly string[] Suffixes = LongestFirst(
    [
        "管委会", "委员会", "党工委", "团工委", "工委", "党委", "妇联", "总工会", "工商联", "局", "医院", "学院", "学校", "图书馆",
        "气象台", "大队", "所", "服务中心", "办公室", "合作社", "联盟", "协会", "商会", "研究院", "法院", "检察院", "党校",
        "宣讲团", "生态办", "工业园区", "工业园", "产业园", "经济开发区",
    ]);

    /// <summary>Suffixes that make a name without an administrative or place anchor (五金技师学院, 产业党建联盟).</summary>
    internal static readonly HashSet<string> SelfNamed = ["学院", "联盟", "合作社", "宣讲团", "产业园", "工业园"];

    private static readonly HashSet<string> Anchors = ["市", "县", "镇", "区", "乡", "省", "街道", "社区", "村", "园区", "市委", "县委", "开发区"];

    private static readonly HashSet<string> Breakers =
        ["我市", "全市", "本市", "我县", "全县", "各", "该", "本", "全", "等", "和", "与", "及", "由", "联合", "会同", "组织", "推动", "指导", "携手", "施工方"];

    private static bool HeadTag(string? tag) => tag is null or "n" or "ns" or "nz" or "nt" or "j" or "vn" or "b" or "an" or "nr" or "nrt" or "l" or "s";

    public static IReadOnlyList<(string Name, int At)> Find(Lexicon lexicon, string t)
    {
        var found = new List<(string, int)>();
        for (var i = 1; i < t.Length; i++)
        {
            var suffix = StartsWithAny(t, i, Suffixes);
            if (suffix is null || !Hanzi.IsIdeograph(t[i - 1])) continue;
            // 所 ends a body only before its people or a boundary (镇安监所负责人), not in 所以, 所有, 所在.
            if (suffix == "所" && i + 1 < t.Length && Hanzi.IsIdeograph(t[i + 1]) && !"负工的在和与联等组对".Contains(t[i + 1])) continue;
            if (suffix == "局" && i + 1 < t.Length && "面势限部".Contains(t[i + 1])) continue;
            if (suffix is "党委" or "工委" or "党工委" && StartsWithAny(t, i + suffix.Length, PeopleExtractor.PostWords) is not null && suffix == "党委")
                continue;
            if (BodyEndingWith(lexicon, t, i, suffix) is { } name)
                found.Add((name, i + suffix.Length - name.Length));
        }
        // 县纪委县监委: two bodies printed as one.
        foreach (var p in new[] { "市", "县" })
            for (var k = t.IndexOf(p + "纪委" + p + "监委", StringComparison.Ordinal); k >= 0; k = t.IndexOf(p + "纪委" + p + "监委", k + 1, StringComparison.Ordinal))
                found.Add((p + "纪委" + p + "监委", k));
        return found;
    }

    private static string? BodyEndingWith(Lexicon lexicon, string t, int i, string suffix)
    {
        var s = i;
        while (s > 0 && i - s < 12 && (Hanzi.IsIdeograph(t[s - 1]) || t[s - 1] is '（' or '）')) s--;
        var e = i + suffix.Length;
        if (e < t.Length && Hanzi.IsIdeograph(t[e]) && suffix is "局" or "所" && !IsBoundary(lexicon, t, i, suffix)) return null;
        var words = lexicon.Cut(t[s..i]);
        var head = new List<string>();
        for (var m = words.Count - 1; m >= 0; m--)
        {
            var w = words[m];
            if (w == "）")
            {
                // 智能门（锁）: a bracketed part of the name.
                var open = m - 1;
                while (open >= 0 && words[open] != "（") open--;
                if (open < 0) break;
                head.InsertRange(0, words.Skip(open).Take(m - open + 1));
                m = open;
                continue;
            }
            if (Breakers.Contains(w) || w == "（" || (!IsAnchor(lexicon, w) && !HeadTag(lexicon.Tag(w)))) break;
            head.Insert(0, w);
        }
        // Start at the first anchor; a place word (街道, 古镇) takes the name before it (六石街道团工委, 佛堂古镇景区管委会).
        var start = head.FindIndex(w => IsAnchor(lexicon, w));
        if (start > 0 && PlaceSuffixWords.Contains(head[start])) start--;
        if (start < 0)
        {
            if (!SelfNamed.Contains(suffix) || head.Count == 0) return null;
            if (head.Count == 1 && !(head[0].Length >= 2 && lexicon.Tag(head[0]) is null)) return null;
            start = 0;
        }
        var body = string.Concat(head.Skip(start));
        if (body.Length > 3 && "由在到和与从向对为将把被给".Contains(body[0])) body = body[1..]; // 由何宅村… (由何 read as one word)
        if (body.Length == 0 || body.Length + suffix.Length < 3 || body.Count(c => c == '（') != body.Count(c => c == '）')) return null;
        if (Anchors.Contains(body) && !(suffix is "妇联" or "总工会" or "工商联" or "管委会" or "图书馆" or "气象台" or "党校")) return null;
        // A unit of a body named before it (县人民医院入院服务中心) is that body's business, not another organisation.
        if (ParentSuffixes.Any(p => body.Contains(p, StringComparison.Ordinal))) return null;
        // 经济开发区 after a city only: 省级 / 金华市经济开发区 are categories (OrgExtractor).
        if (suffix == "经济开发区" && !lexicon.IsCityName(body)) return null;
        return body + suffix;
    }

    private static readonly HashSet<string> PlaceSuffixWords = ["街道", "社区", "镇", "乡", "村", "古镇", "古城", "小镇"];

    private static readonly string[] ParentSuffixes = ["医院", "局", "公司", "学院", "学校", "集团", "银行"];

    private static bool IsAnchor(Lexicon lexicon, string w) =>
        Anchors.Contains(w) || PlaceSuffixWords.Contains(w) || IsPlaceWord(w) || lexicon.Tag(w) == "ns" || lexicon.IsCityName(w)
        || (w.Length >= 2 && w[0] is '市' or '县' && lexicon.Tag(w) is not null && w != "市场");

    /// <summary>局 / 所 must end the word there (not 局面, 所以, 所有).</summary>
    private static bool IsBoundary(Lexicon lexicon, string t, int i, string suffix)
    {
        var e = Math.Min(t.Length, i + 3);
        var words = lexicon.Cut(t[i..e]);
        return words.Count > 0 && words[0] == suffix;
    }

    /// <summary>A town, street, village or community word (夹浦镇, 六石街道, 何宅村).</summary>
    private static bool IsPlaceWord(string w) => w.Length >= 3 && (w.EndsWith('镇') || w.EndsWith('乡') || w.EndsWith('村') || w.EndsWith("街道") || w.EndsWith("社区"));

    /// <summary>
    /// A rule-found name corrected with the segmenter: widened to the city before 市/县 (义乌市商务局), narrowed after a
    /// town or a verb before a company (周巷镇宁波卓禾电器有限公司 → 宁波卓禾电器有限公司).
    /// </summary>
    public static (string Name, int At) Correct(Lexicon lexicon, string t, string name, int at)
    {
        if (name[0] is '市' or '县' && at >= 2 && Hanzi.IsBigramAt(t, at - 2))
        {
            var city = t.Substring(at - 2, 2);
            if (lexicon.Tag(city) is "ns" or "nz" or "nr" or "nrt" && (at < 3 || !Hanzi.IsIdeograph(t[at - 3]) || lexicon.Cut(t[(at - 3)..at]) is [_, var w] && w == city))
                return (city + name, at - 2);
        }
        // Narrowed: after a town (周巷镇|宁波…) or a verb (推动|兰溪市…) when a place starts the rest.
        var words = lexicon.Cut(name);
        var cut = 0;
        for (var k = 0; k < words.Count - 1 && cut + words[k].Length < name.Length - 2; k++)
        {
            var w = words[k];
            var rest = words[k + 1];
            var placeNext = lexicon.Tag(rest) == "ns" || lexicon.IsCityName(rest) || lexicon.IsCityName(rest.TrimEnd('市', '县'));
            if (placeNext && (lexicon.Tag(w) is "v" or "p" || IsPlaceWord(w) || w is "镇" or "街道" or "社区" or "村" or "乡"))
                cut = words.Take(k + 1).Sum(x => x.Length);
        }
        return cut > 0 && name.Length - cut >= 4 ? (name[cut..], at + cut) : (name, at);
    }
}
