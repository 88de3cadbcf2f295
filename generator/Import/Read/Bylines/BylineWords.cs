using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Baoku.Config;

namespace Baoku.Import.Read;

/// <summary>What a word of a byline credits: writing, pictures, editing, the source, or a photo source.</summary>
internal enum CreditKind { Author, Photo, Both, Editor, Origin, PhotoSource }

/// <summary>
/// The words bylines of Chinese papers are made of: roles (记者, 通讯员, 本报记者, 歌画东阳客户端记者, 市委报道组), labels
/// (来源：, 作者：, 编辑：), verbs (摄, 报道, 文/图), and what a person's name looks like. The built-in lists cover the common
/// forms; a <see cref="PaperProfile"/> adds its lead prefixes and roles. One instance per profile, built once.
/// </summary>
internal sealed class BylineWords
{
    /// <summary>The last word of a role; what comes before it is a prefix (本报, 融媒首席) or an organisation.</summary>
    static readonly (string Core, CreditKind Kind)[] RoleCores =
    [
        ("摄影记者", CreditKind.Photo), ("摄像记者", CreditKind.Photo), ("摄影师", CreditKind.Photo),
        ("记者", CreditKind.Author), ("通讯员", CreditKind.Author), ("实习生", CreditKind.Author), ("报道组", CreditKind.Author),
        ("报道员", CreditKind.Author), ("评论员", CreditKind.Author), ("撰稿人", CreditKind.Author),
    ];

    /// <summary>Words set before a role core, alone or in a chain (融媒首席记者, 本报见习记者).</summary>
    static readonly string[] RolePrefixes =
    [
        "本报", "本网", "本台", "本刊", "本站", "融媒体", "融媒", "全媒体", "首席", "见习", "实习", "特约", "驻站", "特派", "资深",
        "新华社", "中新社", "人民日报",
    ];

    /// <summary>How the name of a paper, site or body ends when it stands before a role (东阳客户端记者, 慈溪市委报道组, 《X》记者).</summary>
    static readonly string[] OrgPrefixEnds = ["客户端", "网", "报", "台", "社", "刊", "》", "中心", "委", "部", "频道", "融媒"];

    /// <summary>How the name of an organisation ends: （兰溪市科技局）, 来源：市委办公室, 宣传部供图.</summary>
    static readonly string[] OrgEnds =
    [
        "局", "委", "办", "办公室", "部", "厅", "处", "院", "所", "站", "中心", "集团", "公司", "协会", "学会", "商会", "联合会", "工会",
        "妇联", "团委", "政府", "街道", "管委会", "委员会", "大队", "支队", "法院", "检察院", "医院", "学校", "小学", "中学", "大学",
        "学院", "银行", "馆", "台", "报", "网", "客户端", "社", "刊", "》", "组", "队", "镇", "乡", "村", "社区", "科", "会",
    ];

    /// <summary>Labels, usually before a colon: the kind of the names that follow.</summary>
    static readonly (string Word, CreditKind Kind)[] LabelWords =
    [
        ("责任编辑", CreditKind.Editor), ("本版编辑", CreditKind.Editor), ("实习编辑", CreditKind.Editor), ("编辑", CreditKind.Editor),
        ("责编", CreditKind.Editor), ("作者", CreditKind.Author), ("撰文", CreditKind.Author), ("文字", CreditKind.Author),
        ("摄影", CreditKind.Photo), ("图片", CreditKind.Photo), ("来源", CreditKind.Origin), ("稿源", CreditKind.Origin),
        ("供图", CreditKind.PhotoSource), ("图片来源", CreditKind.PhotoSource),
    ];

    /// <summary>Verbs after the names (记者 X 摄, X 报道, X供图), or around a slash (文/X, X/图, 文/摄).</summary>
    static readonly (string Word, CreditKind Kind)[] VerbWords =
    [
        ("报道", CreditKind.Author), ("采写", CreditKind.Author), ("整理", CreditKind.Author), ("文", CreditKind.Author),
        ("摄", CreditKind.Photo), ("摄影", CreditKind.Photo), ("图", CreditKind.Photo), ("供图", CreditKind.PhotoSource),
        ("供稿", CreditKind.Origin),
    ];

    /// <summary>Common single-character surnames (the few hundred that cover nearly everyone), without the ones that are far
    /// more often the first character of a word (来, 会, 和, 时, 全 …). Used where nothing but the name's form says it is one.</summary>
    const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文施洪辛柯庄樊牛温邢葛安齐伍庞颜倪聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游靳管柴蒙鲍华喻祁蒲房滕屈饶牟艾尤卓古吉缪简车项芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池麻苑迟邝封匡鞠荆冀郁胥储栗燕楚鄢谌奚粟冼蔺楼闻仝郜阚帅屠朴廉禹祖漆巴卿狄晋扈晁芮阙浦戈鹿邸雍辜裘亓邰赫杭况逯茹诸嵇竺钮郦贝宓蔚鄂濮钭厉揭";

    static readonly string[] CompoundSurnames =
    [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "端木", "南宫", "长孙", "宇文", "司徒",
        "申屠", "轩辕", "独孤", "西门", "呼延", "澹台", "闻人", "万俟", "赫连", "钟离", "宗政", "濮阳", "淳于", "单于", "鲜于", "闾丘",
    ];

    /// <summary>Characters of ordinary words that are never part of a person's name.</summary>
    const string NeverInName = "的了是在着过吗呢吧啊把被让这那们个说等与及从到对为将其也都而或上下里内外";

    /// <summary>Words that have the form of a name after a marker or in brackets but are not one.</summary>
    static readonly HashSet<string> NotNames =
    [
        "待续", "未完待续", "全文完", "续完", "图片", "资料图", "资料图片", "视频", "本报", "摄影", "简讯", "时评", "短评", "快评", "文章",
        "高清", "原创", "关注", "焦点", "专题", "连载", "温馨提示", "相关链接", "相关新闻", "新闻链接", "高质量", "项目", "游客", "方案",
        "应急", "金点子", "安全提示", "程序", "常识", "江南", "文明", "文化", "黄金", "龙头",
    ];

    static readonly ConditionalWeakTable<PaperProfile, BylineWords> Cache = new();

    public static BylineWords For(PaperProfile paper) => Cache.GetValue(paper, p => new BylineWords(p));

    readonly (string Core, CreditKind Kind)[] roleCores;
    readonly string[] ownRoles;        // the profile's roles, matched whole (融媒首席记者)
    readonly string[] keywords;        // every role core, prefix, label and verb: for joining words broken over two lines

    /// <summary>The profile's own lead sources before 讯 (东阳新闻网讯, 今日武义讯), with an optional place and date.</summary>
    public Regex? LeadHead { get; }

    BylineWords(PaperProfile paper)
    {
        ownRoles = paper.Roles.Where(r => r.Length > 0).OrderByDescending(r => r.Length).ToArray();
        roleCores = RoleCores;
        var prefixes = paper.LeadPrefixes.Where(p => p.Length > 0).OrderByDescending(p => p.Length).Select(Regex.Escape).ToList();
        if (prefixes.Count > 0)
            LeadHead = new Regex(
                $@"^(?:{string.Join("|", prefixes)})(?:(?!记者|通讯)\p{{IsCJKUnifiedIdeographs}}){{0,6}}?(?:\d{{1,2}}月\d{{1,2}}日)?讯(?![号息员])",
                RegexOptions.CultureInvariant);
        keywords = RoleCores.Select(r => r.Core).Concat(RolePrefixes).Concat(LabelWords.Select(l => l.Word))
            .Concat(VerbWords.Select(v => v.Word)).Concat(ownRoles).Distinct().OrderByDescending(k => k.Length).ToArray();
    }

    /// <summary>
    /// The length of the role at the start of <paramref name="s"/> (0 when none) and what it credits. The longest reading
    /// wins: 融媒首席记者, 歌画东阳客户端记者, 慈溪市委报道组; 记者会上 is the role 记者 and the word 会上.
    /// </summary>
    public int RoleAt(string s, int start, out CreditKind kind)
    {
        kind = CreditKind.Author;
        int best = 0;
        foreach (var own in ownRoles)
            if (string.CompareOrdinal(s, start, own, 0, own.Length) == 0 && own.Length > best)
            {
                best = own.Length;
                kind = own.Contains("摄影") || own.Contains("摄像") ? CreditKind.Photo : CreditKind.Author;
            }
        foreach (var (core, k) in roleCores)
            for (int at = s.IndexOf(core, start, StringComparison.Ordinal); at >= 0 && at - start <= 16; at = s.IndexOf(core, at + 1, StringComparison.Ordinal))
            {
                int len = at - start + core.Length;
                if (len > best && IsRolePrefix(s.Substring(start, at - start))) { best = len; kind = k; }
            }
        return best;
    }

    /// <summary>A role at an inner position of a glued run (陈一帆通讯员郭晓): only the plain roles, no organisation before them.</summary>
    public int PlainRoleAt(string s, int start, out CreditKind kind)
    {
        kind = CreditKind.Author;
        foreach (var own in ownRoles)
            if (string.CompareOrdinal(s, start, own, 0, own.Length) == 0) return own.Length;
        int best = 0;
        foreach (var (core, k) in roleCores)
            for (int at = s.IndexOf(core, start, StringComparison.Ordinal); at >= 0 && at - start <= 8; at = s.IndexOf(core, at + 1, StringComparison.Ordinal))
            {
                int len = at - start + core.Length;
                if (len > best && IsPrefixChain(s.Substring(start, at - start))) { best = len; kind = k; }
            }
        return best;
    }

    static bool IsRolePrefix(string p) => IsPrefixChain(p) || IsOrgPrefix(p);

    /// <summary>Nothing, or role prefixes one after another (融媒首席, 本报见习).</summary>
    static bool IsPrefixChain(string p)
    {
        if (p.Length == 0) return true;
        foreach (var pre in RolePrefixes)
            if (p.StartsWith(pre, StringComparison.Ordinal) && IsPrefixChain(p[pre.Length..])) return true;
        return false;
    }

    /// <summary>An organisation before a role, possibly followed by prefixes: 歌画东阳客户端, 慈溪市委, 《宣传半月刊》.</summary>
    static bool IsOrgPrefix(string p)
    {
        if (p.Length is < 2 or > 14 || !p.All(IsWordChar)) return false;
        for (int cut = p.Length; cut >= 2; cut--)
            if (IsPrefixChain(p[cut..]) && OrgPrefixEnds.Any(e => p.AsSpan(0, cut).EndsWith(e, StringComparison.Ordinal))) return true;
        return false;
    }

    public CreditKind? Label(string word) => LabelWords.FirstOrDefault(l => l.Word == word) is { Word: not null } l ? l.Kind : null;

    public CreditKind? Verb(string word) => VerbWords.FirstOrDefault(v => v.Word == word) is { Word: not null } v ? v.Kind : null;

    /// <summary>The label at the start of a glued word (编辑吕佳, 摄影李振宇), longest first.</summary>
    public string? LabelPrefix(string word) =>
        LabelWords.Select(l => l.Word).Where(w => w.Length < word.Length && word.StartsWith(w, StringComparison.Ordinal))
            .OrderByDescending(w => w.Length).FirstOrDefault();

    /// <summary>Whether a keyword starts inside <paramref name="a"/> and runs on into <paramref name="b"/> (通讯 + 员, 见习 + 记者).</summary>
    public bool KeywordSpans(string a, string b)
    {
        var joined = a + b;
        foreach (var k in keywords)
            for (int i = Math.Max(0, a.Length - k.Length + 1); i < a.Length; i++)
                if (i + k.Length > a.Length && string.CompareOrdinal(joined, i, k, 0, k.Length) == 0) return true;
        return false;
    }

    public bool IsKeyword(string word) => keywords.Contains(word) || RoleAt(word, 0, out _) == word.Length;

    /// <summary>A character that can be part of a byline word: an ideograph, or the 《》· of a title or a minority name.</summary>
    public static bool IsWordChar(char c) => Hanzi.IsIdeograph(c) || c is '《' or '》' or '·';

    /// <summary>Two to four ideographs that could be a name: no ordinary-word characters, no keyword.</summary>
    public bool IsNameLike(string s) =>
        s.Length is >= 2 and <= 4 && s.All(Hanzi.IsIdeograph) && !s.Any(c => NeverInName.Contains(c)) && !IsKeyword(s) && !NotNames.Contains(s);

    /// <summary>A name that starts with a surname: what a name glued to its role, or alone after ■, must look like.</summary>
    public bool IsSurnamed(string s)
    {
        if (!IsNameLike(s)) return false;
        if (CompoundSurnames.Any(c => s.StartsWith(c, StringComparison.Ordinal))) return s.Length >= 3;
        return Surnames.Contains(s[0]) && s.Length <= 4;
    }

    /// <summary>A name signed alone (■童新宇, （吴佳琪）): a surname and one or two characters, or a compound surname.</summary>
    public bool IsBareName(string s) =>
        IsSurnamed(s) && (s.Length <= 3 || CompoundSurnames.Any(c => s.StartsWith(c, StringComparison.Ordinal)));

    /// <summary>Splits a run of names printed without a gap (龚佳怡何文涛) into names of two or three characters.</summary>
    public List<string>? SplitGluedNames(string run)
    {
        if (run.Length <= 3) return IsSurnamed(run) ? [run] : null;
        if (run.Length == 4)
        {
            if (CompoundSurnames.Any(c => run.StartsWith(c, StringComparison.Ordinal))) return IsSurnamed(run) ? [run] : null;
            if (IsSurnamed(run[..2]) && IsSurnamed(run[2..])) return [run[..2], run[2..]];
            return IsSurnamed(run) ? [run] : null;
        }
        foreach (var first in new[] { 3, 2, 4 })
        {
            if (first >= run.Length - 1 || !IsSurnamed(run[..first])) continue;
            var rest = SplitGluedNames(run[first..]);
            if (rest is not null) return [run[..first], .. rest];
        }
        return null;
    }

    /// <summary>An organisation's name: 兰溪市科技局, 奥康集团, 《义乌商报》.</summary>
    public bool IsOrgLike(string s) =>
        s.Length is >= 3 and <= 24 && s.All(IsWordChar) && OrgEnds.Any(e => s.EndsWith(e, StringComparison.Ordinal)) && !IsKeyword(s);

}
