using Baoku.Import.Read;
using static Baoku.Import.Enrich.TextScan;

namespace Baoku.Import.Enrich;

/// <summary>
/// The places named in an article: towns, streets (街道), villages, communities, areas, roads, scenic spots and rivers
/// by their suffix, with the segmenter deciding where the name begins (走进柳城畲族镇黄塘村 → 柳城畲族镇, 黄塘村); and
/// cities named on their own (发往杭州, 慈溪家电产业), known as places to the segmenter's dictionary (ns) or from the
/// article itself (义乌 in 义乌市商务局).
/// </summary>
/// <remarks>
/// Decisions:
/// <list type="bullet">
/// <item>A city inside an organisation, a post or a person's name found in the same article is not listed on its
///   own (永康经济开发区, 金华市副市长), but a town or village is (夹浦镇妇联 names 夹浦镇); a city followed by 市/县/省 qualifies something (永康市科技人员奖, 浙江省规模最大):
///   not listed either. 中国, 全国 and the like are never places.</item>
/// <item>A bare name that is the head of a suffixed place of the same article is that place (龙山 → 龙山镇).</item>
/// <item>Order is by first occurrence; places are kept as printed.</item>
/// </list>
/// </remarks>
public static class PlaceExtractor
{
    private static readonly string[] Suffixes = LongestFirst(
        ["街道", "社区", "片区", "区块", "古镇", "古城", "小镇", "湿地", "大道", "镇", "乡", "村", "路", "江", "溪"]);

    /// <summary>Suffixes whose name needs a head of at least two characters from a place-like word (宣平溪, not 画溪).</summary>
    private static readonly HashSet<string> StrictSuffixes = ["江", "溪", "路", "大道"];

    /// <summary>Suffixes whose names are often dictionary words (水口乡, 斜桥镇, 银川路, 名园大道): no unknown word needed.</summary>
    private static readonly HashSet<string> TownSuffixes = ["镇", "乡", "街道", "古镇", "古城", "路", "大道"];

    private const string FunctionChars = "在到和与的了是对向从为将把被给让由于及等并也都就还又其这那各每全该本我你他她它们沿经往去来入进出回";

    /// <summary>Characters after a suffix that make it part of another word (村民, 乡村, 路线, 江山).</summary>
    private static readonly Dictionary<string, string> NotASuffixBefore = new()
    {
        ["村"] = "民庄落级集委", ["乡"] = "镇村亲愁土贤下", ["镇"] = "长定静压守", ["路"] = "线径面灯况上口子", ["江"] = "山湖南",
        ["溪"] = "流水", ["社区"] = "化", ["街道"] = "办事",
    };

    /// <summary>Words that end a place name's head when walking back from the suffix (走进, 在, 我市…).</summary>
    private static readonly HashSet<string> HeadBreakers =
        ["我市", "全市", "本市", "我县", "全县", "该", "各", "本", "全", "每", "我", "市", "县", "区", "省", "这个", "那个", "一个"];

    /// <summary>Heads that make a generic word, not a name (乡村, 农村, 城乡, 新农村, 美丽乡村…).</summary>
    private static readonly HashSet<string> GenericHeads =
        ["农", "乡", "城", "新农", "美丽", "城乡", "特色", "中心", "周边", "附近", "全域", "沿线", "所在", "偏远", "山区", "进", "到"];

    /// <summary>Never a place on their own.</summary>
    private static readonly HashSet<string> NotPlaces = ["中国", "全国", "中华", "国内", "国外", "海外", "境外", "世界", "亚洲", "全球", "华东", "华南", "华北", "中东", "西部", "东部", "长三角", "大湾区"];

    /// <summary>Tags of words that can be part of a place name's head (nouns, names, unknown words).</summary>
    private static bool HeadTag(string? tag) => tag is null or "ns" or "n" or "nz" or "nr" or "nrt" or "nrfg" or "nt" or "j" or "b" or "a" or "s" or "ng" or "zg" or "f";

    /// <param name="masked">Spans of organisations, posts and names already found: no city is read inside them.</param>
    public static IReadOnlyList<string> Extract(Lexicon lexicon, string t, IReadOnlyList<(int Start, int End)> masked)
    {
        var found = new List<(string Name, int At)>();
        Suffixed(lexicon, t, found);
        var bySuffix = found.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var cities = new List<(string Name, int At)>();
        Cities(lexicon, t, cities, bySuffix);
        // A town or village at the start of a body stays a place (夹浦镇妇联 is in 夹浦镇); a city inside a name does not.
        found.AddRange(cities.Where(c => !Inside(masked, c.At, c.At + c.Name.Length)));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return found
            .Where(f => !NotPlaces.Contains(f.Name))
            .OrderBy(f => f.At)
            .Where(f => seen.Add(f.Name))
            .Select(f => f.Name)
            .ToList();
    }

    private static bool Inside(IReadOnlyList<(int Start, int End)> spans, int s, int e) => spans.Any(m => m.Start <= s && e <= m.End);

    // ── by suffix ──

    private static void Suffixed(Lexicon lexicon, string t, List<(string, int)> found)
    {
        var from = 0; // where the last place found ends: 大洋镇前村 reads 前村 after 大洋镇
        for (var i = 1; i < t.Length; i++)
        {
            var suffix = StartsWithAny(t, i, Suffixes);
            if (suffix is null || !Hanzi.IsIdeograph(t[i - 1]) || i == from) continue;
            // 农村, 道路, 思路, 一路: the character before makes a dictionary word with the suffix (not 山镇, 塘村: ns; not 村镇).
            if (suffix.Length == 1 && !"村乡镇".Contains(t[i - 1]) && lexicon.Tag(t.AsSpan(i - 1, 2)) is { } tag && tag != "ns") continue;
            var place = PlaceEndingWith(lexicon, t, i, suffix, from);
            if (place is null) continue;
            found.Add((place, i + suffix.Length - place.Length));
            from = i + suffix.Length;
            i += suffix.Length - 1;
        }
    }

    /// <summary>
    /// The place whose suffix starts at <paramref name="i"/>: the suffix and the name-like words before it, or null.
    /// The window ends at the suffix, so the last word holds it; the segmenter's HMM often splits small names badly
    /// (水口/乡顾/渚/村), so the window starts after the previous place, and words are only used to stop at verbs,
    /// prepositions and other non-name words.
    /// </summary>
    private static string? PlaceEndingWith(Lexicon lexicon, string t, int i, string suffix, int from)
    {
        var e = i + suffix.Length;
        if (e < t.Length && NotASuffixBefore.TryGetValue(suffix, out var next) && next.Contains(t[e])) return null;
        var s = i;
        while (s > from && i - s < 6 && Hanzi.IsIdeograph(t[s - 1])) s--;
        var words = lexicon.Cut(t[s..e]);

        // The last words hold the suffix (名园/北大/道 holds 大道): what they have before it is head.
        var k = words.Count - 1;
        var tail = words[k];
        while (tail.Length < suffix.Length && k > 0) tail = words[--k] + tail;
        var head = new List<string>();
        var nameLike = false;
        if (tail.Length > suffix.Length)
        {
            // Glued to its head: 芝英镇 (unknown) or 山镇 / 阳江 (dictionary places) are names, 农村 / 道路 are words;
            // 村镇 in 许村镇 is a suffix after a one-character head.
            var glued = tail[..^suffix.Length];
            var tag = lexicon.Tag(tail);
            if (lexicon.Tag(tail + "省") is not null) return null; // 浙江, not …浙 + 江
            if (tag is not null and not "ns" && !(glued.Length == 1 && "村乡镇".Contains(glued[0]))) return null;
            nameLike = tag is null or "ns";
            head.Add(glued);
        }
        for (var m = k - 1; m >= 0; m--)
        {
            var w = words[m];
            var tag = lexicon.Tag(w);
            if (HeadBreakers.Contains(w) || head.Sum(h => h.Length) + w.Length > 4) break;
            if (!HeadTag(tag))
            {
                // 壶/山/街道, 佐/村镇: a lone character the segmenter could not place starts the name, unless it is a function word.
                if (w.Length == 1 && head.Count > 0 && !FunctionChars.Contains(w[0])) head.Insert(0, w);
                break;
            }
            nameLike |= tag is null or "ns" or "nz" or "nr" or "nrt" or "nt";
            head.Insert(0, w);
        }
        var name = string.Concat(head);
        // 观海卫镇卫山村 cut as 观海/卫镇卫/山村: a place ends inside the head, the name starts after it.
        var inner = name.Length < 3 ? -1 : name[2..].IndexOfAny(['镇', '乡']);
        if (inner >= 0) name = name[(inner + 3)..];
        if (name.Length > 2 && FunctionChars.Contains(name[0])) name = name[1..]; // 由何宅村: 由 | 何宅村
        if (name.Length == 0 || GenericHeads.Contains(name) || "各全该本每我这那此其".Contains(name[0])) return null;
        if (name.Length == 1 && from != i) return null;
        if (!nameLike && name.Length == 1 && from == i) nameLike = true; // 大洋镇前村
        if (!nameLike && name.Length >= 2 && TownSuffixes.Contains(suffix)) nameLike = true; // 水口乡, 斜桥镇: towns named by common words
        if (!nameLike || name.Any(char.IsDigit)) return null;
        if (StrictSuffixes.Contains(suffix) && name.Length < 2) return null;
        return name + suffix;
    }

    // ── cities on their own ──

    private static void Cities(Lexicon lexicon, string t, List<(string, int)> found, HashSet<string> bySuffix)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var learned = names.GetAlternateLookup<ReadOnlySpan<char>>();
        bool IsCity(ReadOnlySpan<char> w) => learned.Contains(w) || lexicon.IsCityName(w);
        // Learned from the article: X市 / X县 where X is a two-character word (义乌市商务局 → 义乌).
        for (var i = 2; i < t.Length; i++)
            if (t[i] is '市' or '县' && Hanzi.IsBigramAt(t, i - 2) && (i < 3 || !Hanzi.IsIdeograph(t[i - 3]) || IsWordStart(lexicon, t, i - 2)))
            {
                var x = t.Substring(i - 2, 2);
                // 武义 (a dictionary noun) in 武义县…, but not 现任 in 现任市林场场长: the dictionary must know X市 or X县.
                if (lexicon.Tag(x) is "ns" or "nz" or "nr" or "nrt" or "n" && !NotPlaces.Contains(x)
                    && (lexicon.Tag(x + "市") is not null || lexicon.Tag(x + "县") is not null))
                    names.Add(x);
            }
        for (var i = 0; i + 1 < t.Length; i++)
        {
            foreach (var len in (ReadOnlySpan<int>)[3, 2])
            {
                if (i + len > t.Length || !Hanzi.IsIdeograph(t[i]) || !Hanzi.IsIdeograph(t[i + len - 1])) continue;
                if (!IsCity(t.AsSpan(i, len))) continue;
                var w = t.Substring(i, len);
                if (NotPlaces.Contains(w)) continue;
                if (i + len < t.Length && t[i + len] is '市' or '县' or '省' or '区') continue;
                if (bySuffix.Any(p => p.Contains(w, StringComparison.Ordinal) && p.Length > w.Length)) continue; // 龙山 of 龙山镇, 阳江 of 东阳江
                if (!IsWordAt(lexicon, t, i, w)) continue;
                found.Add((w, i));
                i += len - 1;
                break;
            }
        }
    }

    /// <summary>Whether the segmenter reads <paramref name="w"/> as one word at <paramref name="i"/> (金华 in 金华企业家, not in 黄金华丽).</summary>
    private static bool IsWordAt(Lexicon lexicon, string t, int i, string w)
    {
        var s = i;
        while (s > 0 && i - s < 4 && Hanzi.IsIdeograph(t[s - 1])) s--;
        var e = i + w.Length;
        while (e < t.Length && e - i - w.Length < 3 && Hanzi.IsIdeograph(t[e])) e++;
        var pos = s;
        foreach (var word in lexicon.Cut(t[s..e]))
        {
            if (pos == i) return word == w;
            if (pos > i) return false;
            pos += word.Length;
        }
        return false;
    }

    private static bool IsWordStart(Lexicon lexicon, string t, int i) => IsWordAt(lexicon, t, i, t.Substring(i, 2));
}
