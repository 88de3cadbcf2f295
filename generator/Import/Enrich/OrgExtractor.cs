using System.Collections.Frozen;
using static Baoku.Import.Enrich.TextScan;

namespace Baoku.Import.Enrich;

/// <summary>
/// The organisations named in an article: companies and government bodies by suffix (有限公司, 集团, 局, 医院…),
/// development zones, and the items of a few list patterns.
/// </summary>
/// <remarks>
/// Decisions:
/// <list type="bullet">
/// <item>"千喜集团有限公司党支部" gives the company only; party branches are not listed as organisations.</item>
/// <item>Organisations are kept as printed: "经济开发区" and "永康经济开发区" are two entries, "王力安防" and
///   "王力安防科技股份有限公司" too. Bare "开发区", 市委, 市政府, 省委, 中央, 党中央 are never returned.</item>
/// <item>Order is by the first occurrence of the string anywhere in the text (so a headline mention counts), ties
///   broken by where the organisation was found.</item>
/// </list>
/// Known limits: organisations are not merged with their short forms or aliases (以下简称…); lists of companies are
/// recognised only before 等企业 / 等公司 / 等厂家 or when at least two items carry a company suffix.
/// </remarks>
public static class OrgExtractor
{
    private static readonly string[] CompanySuffixes =
        LongestFirst(["股份有限公司", "集团有限公司", "有限责任公司", "有限公司", "集团", "公司", "银行", "工厂"]);

    /// <summary>Multi-character verbs/words before a company name: the name starts after the last one.</summary>
    private static readonly string[] CompanyLeadWords = LongestFirst(
    [
        "其中", "来到", "走访", "走进", "获评", "现任", "参观", "考察", "调研", "前往", "深入", "联合", "通过", "以及",
        "包括", "作为", "成为", "邀请", "慰问", "推进", "加快", "打造", "位于", "成立", "组建", "入驻",
        "签约", "携手", "授予", "荣获", "获得", "担任", "就职", "任职", "同时", "此外", "例如", "比如",
    ]);

    private const string CompanyLeadChars = "在到了和与及对向为是的由等将把从被给让赴以";

    private static readonly string[] PlacePrefixes = ["浙江", "永康", "金华"];

    /// <summary>Company-name heads that are generic descriptions, not names (上市公司, 智能工厂, 科技公司).</summary>
    private static readonly FrozenSet<string> GenericCompanyHeads = new[]
    {
        "上市", "子", "分", "母", "总", "国有", "民营", "外资", "合资", "科技", "投资", "物流", "贸易", "网络", "保险",
        "商业", "农商", "村镇", "智能", "数字", "数字化", "未来", "黑灯", "绿色", "无人", "智慧", "示范", "教育", "企业",
        "人民", "中国人民", "股份", "集团", "控股", "运输", "工程", "建筑", "建设", "科技型", "现代化", "标杆", "省级",
        "国家级", "市级", "龙头", "骨干", "中小", "小微", "大型", "中型", "小型", "本地", "外地", "国内", "国外", "外国",
    }.ToFrozenSet();

    private const string GenericCompanyStarts = "该这那此本各每其多数几一两三某全我贵你他她";

    private static readonly string[] GovPrefixes = LongestFirst(["金华市", "永康市", "浙江省", "市", "省", "县"]);

    private static readonly string[] GovSuffixes = LongestFirst(
    [
        "委员会", "管委会", "工商联", "联合会", "研究院", "医院", "学院", "协会", "中心", "局", "宫", "银行",
        "办公室", "法院", "检察院", "党校", "学校", "中学", "小学", "大学", "图书馆", "博物馆", "文化馆", "体育馆",
        "纪念馆", "科协", "总工会", "妇联", "文联", "残联", "侨联", "社科联", "林场", "部",
    ]);

    /// <summary>Suffixes that make a name on their own after the prefix (市妇联, 市林场).</summary>
    private static readonly FrozenSet<string> WholeSuffixes =
        new[] { "工商联", "科协", "总工会", "妇联", "文联", "残联", "侨联", "社科联", "林场" }.ToFrozenSet();

    /// <summary>Characters after which 市 is part of a word (城市, 全市, 我市, 上市…), not a prefix.</summary>
    private const string NotBeforeShi = "城全我本超上股都门夜县各该华康州京津沪渝港集菜闹黑早互隔罢退亮乡省团街";
    private const string NotBeforeSheng = "全我本各外该跨一两分节反自内市江";
    private const string NotBeforeXian = "全我本各外该郡州市省知区";

    /// <summary>A body starting with these is a different word (市场, 市民, 市长, 省级, 市政府…).</summary>
    private static readonly string[] BadBodyStarts =
        ["场", "民", "区", "值", "级", "里", "内", "外", "面", "容", "井", "上", "下", "中心", "长", "政府", "份", "钱", "力",
         "时", "心", "去", "略", "会", "城", "域", "领导", "直", "属", "县", "镇", "人大", "政协"];

    private const string GovBodyStops = "的了在对与等是为到向将把从也都就还并又被给及后同";
    private static readonly string[] GovBodyForbidden = ["书记", "常委", "主任", "负责人", "成员", "市长", "领导"];
    private const int MaxGovBody = 12;

    internal static readonly FrozenSet<string> Excluded = new[]
        { "市委", "市政府", "省委", "省政府", "中央", "党中央", "开发区", "国务院", "市人大", "市政协" }.ToFrozenSet();

    public static IReadOnlyList<string> Extract(string t)
    {
        var found = new List<(string Name, int At)>();
        Companies(t, found);
        GovernmentBodies(t, found);
        DevelopmentZones(t, found);
        Literal(t, "团市委", found);
        EnumerationBeforeDengQiye(t, found);
        MixedCompanyLists(t, found);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return found
            .Where(f => !Excluded.Contains(f.Name) && f.Name.Length >= 2)
            .Select(f => (f.Name, First: Math.Min(f.At, Math.Max(0, t.IndexOf(f.Name, StringComparison.Ordinal))), f.At))
            .OrderBy(f => f.First).ThenBy(f => f.At).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Where(f => seen.Add(f.Name))
            .Select(f => f.Name)
            .ToList();
    }

    private static void Literal(string t, string s, List<(string, int)> found)
    {
        for (var k = t.IndexOf(s, StringComparison.Ordinal); k >= 0; k = t.IndexOf(s, k + 1, StringComparison.Ordinal))
            found.Add((s, k));
    }

    // ── companies ──

    private static void Companies(string t, List<(string, int)> found)
    {
        for (var i = 0; i < t.Length; i++)
        {
            var suffix = StartsWithAny(t, i, CompanySuffixes);
            if (suffix is null) continue;
            var end = i + suffix.Length;
            // 农村商业银行股份有限公司, 集团股份有限公司: one name, not two.
            while (StartsWithAny(t, end, CompanySuffixes) is { } more) end += more.Length;
            var start = CompanyStart(t, i);
            if (start is { } s && IsPlausibleCompanyHead(t[s..i], suffix))
                found.Add((t[s..end], s));
            i = end - 1;
        }
    }

    /// <summary>Where the company name whose suffix starts at <paramref name="suffixAt"/> begins, or null.</summary>
    internal static int? CompanyStart(string t, int suffixAt)
    {
        const int maxHead = 14;
        var s = suffixAt;
        var depth = 0;
        while (s > 0 && suffixAt - s < maxHead)
        {
            var c = t[s - 1];
            if (c is '）' or ')') { depth++; s--; continue; }
            if (c is '（' or '(')
            {
                if (depth == 0) break;
                depth--; s--; continue;
            }
            if (!Hanzi.IsIdeograph(c)) break;
            s--;
        }
        var window = t[s..suffixAt];

        // Cut after the last lead word (来到, 走访, 其中…), then prefer a place-name start.
        var cut = 0;
        for (var k = window.Length - 1; k >= 0 && cut == 0; k--)
            foreach (var w in CompanyLeadWords)
                if (k + w.Length <= window.Length && string.CompareOrdinal(window, k, w, 0, w.Length) == 0)
                { cut = k + w.Length; break; }
        window = window[cut..];
        s += cut;

        // 龙头企业智能工厂: a description ending in 企业 is not part of the name (but 企业管理有限公司 is).
        var qy = window.LastIndexOf("企业", StringComparison.Ordinal);
        if (qy >= 0 && !(new[] { "管理", "发展", "服务", "集团" }.Any(x => At(window, qy + 2, x))))
        {
            window = window[(qy + 2)..];
            s += qy + 2;
        }

        var place = -1;
        foreach (var p in PlacePrefixes)
        {
            var k = window.IndexOf(p, StringComparison.Ordinal);
            if (k >= 0 && (place < 0 || k < place)) place = k;
        }
        if (place >= 0) return s + place;

        var last = window.LastIndexOfAny(CompanyLeadChars.ToCharArray());
        if (last >= 0) s += last + 1;
        return s;
    }

    private static bool IsPlausibleCompanyHead(string head, string suffix)
    {
        if (head.Length < 2 && suffix is "公司" or "集团" or "银行" or "工厂") return false;
        if (head.Length == 0) return false;
        if (head.Count(c => c is '（' or '(') != head.Count(c => c is '）' or ')')) return false;
        if (GenericCompanyHeads.Contains(head)) return false;
        if (GenericCompanyStarts.Contains(head[0])) return false;
        if (suffix is "公司" && (head.EndsWith('分') || head.EndsWith('子'))) return false;
        if (head.EndsWith("企业", StringComparison.Ordinal)) return false;
        return true;
    }

    private static bool IsCompany(string s) => CompanySuffixes.Any(x => s.EndsWith(x, StringComparison.Ordinal));

    // ── government bodies and institutions ──

    private static void GovernmentBodies(string t, List<(string, int)> found)
    {
        for (var i = 0; i < t.Length; i++)
        {
            var prefix = StartsWithAny(t, i, GovPrefixes);
            if (prefix is null) continue;
            if (prefix is "市" && i > 0 && NotBeforeShi.Contains(t[i - 1])) continue;
            if (prefix is "省" && i > 0 && NotBeforeSheng.Contains(t[i - 1])) continue;
            if (prefix is "县" && i > 0 && NotBeforeXian.Contains(t[i - 1])) continue;
            var name = GovBodyAt(t, i, prefix);
            if (name is null) continue;
            found.Add((name, i));
            i += name.Length - 1;
        }
    }

    private static string? GovBodyAt(string t, int i, string prefix)
    {
        var b = i + prefix.Length; // body start
        if (At(t, b, "政府办公室")) return t[i..(b + 5)]; // but never bare 市政府
        foreach (var bad in BadBodyStarts)
            if (At(t, b, bad)) return null;
        var partyBody = At(t, b, "委"); // 市委宣传部, 市委党校, 市委办公室
        for (var j = b; j < t.Length && j - b <= MaxGovBody; j++)
        {
            if (!Hanzi.IsIdeograph(t[j])) return null;
            var suffix = StartsWithAny(t, j, GovSuffixes);
            if (suffix is not null && (j > b || WholeSuffixes.Contains(suffix)))
            {
                var body = t[b..j];
                var ok = true;
                if (suffix == "部")
                    ok = partyBody && j - b >= 2 && !(j + 1 < t.Length && "门分署件位长队落".Contains(t[j + 1]));
                else if (partyBody)
                    ok = suffix is "办公室" or "党校";
                if (suffix == "局" && j + 1 < t.Length && "面势长".Contains(t[j + 1]) && !At(t, j + 1, "局长"))
                    ok = false;
                if (GovBodyForbidden.Any(f => body.Contains(f, StringComparison.Ordinal))) ok = false;
                if (ok) return t[i..(j + suffix.Length)];
            }
            if (GovBodyStops.Contains(t[j])) return null;
        }
        return null;
    }

    // ── 开发区 ──

    private static void DevelopmentZones(string t, List<(string, int)> found)
    {
        const string zone = "开发区";
        for (var k = t.IndexOf(zone, StringComparison.Ordinal); k >= 0; k = t.IndexOf(zone, k + 1, StringComparison.Ordinal))
        {
            var s = k;
            if (At(t, s - 2, "经济")) s -= 2;
            if (s < k && At(t, s - 2, "永康")) s -= 2;
            var end = k + zone.Length;
            if (At(t, end, "管委会"))
            {
                found.Add((t[s..(end + 3)], s));
                continue;
            }
            if (s == k) continue; // bare 开发区
            if (s > 0 && t[s - 1] is '级' or '市' or '省') continue; // 国家级/省级/金华市经济开发区: a category
            found.Add((t[s..end], s));
        }
    }

    // ── lists ──

    private static readonly string[] ListLeadVerbs =
        LongestFirst(["来到", "走访了", "走访", "走进", "深入", "考察", "调研", "前往", "参观", "到", "赴", "其中"]);

    /// <summary>先后来到安胜科技、正阳科技、…、飞神车业等企业: every item is an organisation.</summary>
    private static void EnumerationBeforeDengQiye(string t, List<(string, int)> found)
    {
        foreach (var tail in new[] { "等企业", "等公司", "等厂家" })
        {
            for (var k = t.IndexOf(tail, StringComparison.Ordinal); k >= 0; k = t.IndexOf(tail, k + 1, StringComparison.Ordinal))
            {
                var items = ListItemsEndingAt(t, k);
                if (items.Count < 2) continue;
                // The first item must follow a visiting verb, or be a short item standing alone.
                var (first, firstAt) = items[0];
                var lead = -1;
                string? verb = null;
                for (var p = first.Length - 1; p >= 0 && verb is null; p--)
                    if ((verb = StartsWithAny(first, p, ListLeadVerbs)) is not null) lead = p;
                if (verb is not null) items[0] = (first[(lead + verb.Length)..], firstAt + lead + verb.Length);
                else if (first.Length > 8) continue;
                foreach (var (name, at) in items)
                    if (name.Length is >= 2 and <= 10 && !GenericCompanyStarts.Contains(name[0]))
                        found.Add((name, at));
            }
        }
    }

    /// <summary>
    /// 其中步阳集团、王力安防、群升集团、金凯德、新多集团、星月门业为轮值主席单位: in a 、 list where at least two items
    /// are companies by suffix, the other short items are companies too.
    /// </summary>
    private static void MixedCompanyLists(string t, List<(string, int)> found)
    {
        var i = 0;
        while (i < t.Length)
        {
            if (t[i] != '、') { i++; continue; }
            // Find the whole list around this 、.
            var s = i;
            while (s > 0 && (Hanzi.IsIdeograph(t[s - 1]) || t[s - 1] == '、')) s--;
            var e = i;
            while (e < t.Length && (Hanzi.IsIdeograph(t[e]) || t[e] == '、')) e++;
            var raw = t[s..e].Split('、');
            var positions = new List<int>();
            var pos = s;
            foreach (var r in raw) { positions.Add(pos); pos += r.Length + 1; }
            i = e;
            if (raw.Length < 3) continue;

            var items = new List<(string Name, int At)>();
            for (var n = 0; n < raw.Length; n++)
            {
                var item = raw[n];
                var at = positions[n];
                if (n == 0)
                {
                    for (var p = item.Length - 1; p >= 0; p--)
                    {
                        var v = StartsWithAny(item, p, ListLeadVerbs) ?? (CompanyLeadChars.Contains(item[p]) ? item[p].ToString() : null);
                        if (v is null) continue;
                        item = item[(p + v.Length)..]; at += p + v.Length; break;
                    }
                }
                if (n == raw.Length - 1)
                {
                    var cut = item.IndexOfAny("为是等的和与及在将已均都也".ToCharArray());
                    if (cut >= 0) item = item[..cut];
                }
                items.Add((item, at));
            }
            if (items.Count(x => IsCompany(x.Name) && x.Name.Length >= 4) < 2) continue;
            if (items.Any(x => x.Name.Length < 2 || x.Name.Length > 14)) continue;
            foreach (var x in items)
                if (IsCompany(x.Name) || x.Name.Length <= 6)
                    found.Add(x);
        }
    }

    /// <summary>The 、-separated CJK items of the list that ends right before <paramref name="end"/>.</summary>
    private static List<(string Name, int At)> ListItemsEndingAt(string t, int end)
    {
        var items = new List<(string, int)>();
        var e = end;
        while (true)
        {
            var s = e;
            while (s > 0 && Hanzi.IsIdeograph(t[s - 1])) s--;
            if (s == e) break;
            items.Insert(0, (t[s..e], s));
            if (s > 0 && t[s - 1] == '、') e = s - 1;
            else break;
        }
        return items;
    }
}
