using System.Collections.Frozen;
using static Baoku.Import.Enrich.TextScan;

namespace Baoku.Import.Enrich;

/// <summary>
/// The people named in an article, with the post printed before each name. No segmenter: a name is found only right
/// after a post word (书记, 市长, 负责人, 代表…) and its length is guessed from the characters around it.
/// </summary>
/// <remarks>
/// Decisions:
/// <list type="bullet">
/// <item>Honorific-only mentions (杨先生, 王女士, 张某, 李总) are not people: there is no name to cross-link.</item>
/// <item>Order is by the first occurrence of the name anywhere in the text (so a headline mention counts), ties
///   broken by where the person was found.</item>
/// <item>A person seen with several posts keeps the longest one (王伟: 科技工作者代表 / 市第一人民医院院长 → the latter).</item>
/// <item>"胡勇春强调" is a mention of the person already found after a post, never a new entry; a speech verb only
///   confirms that a three-character reading is right (王文一说 keeps 王文一 although 一 normally ends a name).</item>
/// </list>
/// Known limits: a name is only found after a post word (no bare "张三说"); a name printed before its post
/// (胡文建副市长) is missed; name length is guessed from the next character, so a two-character name followed by
/// an unlisted verb can gain a third character unless the two-character form also occurs alone.
/// </remarks>
public static class PeopleExtractor
{
    /// <summary>Words that name a post when directly followed by a person's name.</summary>
    internal static readonly string[] PostWords = LongestFirst(
    [
        "书记", "副书记", "党组书记", "市长", "副市长", "代市长", "县长", "副县长", "镇长", "副镇长", "乡长",
        "省长", "副省长", "主任", "副主任", "常委", "党组成员", "部长", "副部长", "局长", "副局长",
        "院长", "副院长", "场长", "厂长", "总工程师", "工程师", "负责人", "董事长", "副董事长",
        "总经理", "副总经理", "经理", "代表", "主席", "副主席", "委员", "校长", "副校长", "所长",
        "队长", "组长", "副组长", "秘书长", "会长", "副会长", "行长", "社长", "馆长", "站长", "处长",
        "科长", "庭长", "检察长", "理事长", "政委", "总裁", "总监", "主委", "教授", "院士", "主任医师",
    ]);

    /// <summary>
    /// Words for what a person is rather than a post (村民, 职工, 宣讲团成员): a name after one is taken only when the
    /// segmenter also reads it as a name (see <see cref="Extract"/>'s nameAt).
    /// </summary>
    private static readonly string[] RoleNouns = LongestFirst(
        ["村民", "居民", "职工", "成员", "宣讲员", "大户", "店主", "党员", "志愿者", "网格员", "技术员", "老党员", "农户"]);

    /// <summary>Post words never followed by the person (习近平总书记): skip them.</summary>
    private static readonly string[] NotAPostBeforeName = ["总书记"];

    internal static readonly FrozenSet<char> Surnames = (
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆司卓古吉缪简车项连娄楼应厉虞卜洪傅岑楚陶麻蓝郦鄢杭池查")
        .ToFrozenSet();

    internal static readonly string[] DoubleSurnames =
        ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "夏侯", "令狐", "长孙", "宇文", "司徒", "端木"];

    /// <summary>A name is three characters unless its third would be one of these; then two.</summary>
    private static readonly FrozenSet<char> Stop3 = (
        "与说是对在和等及表强指陪参带一先赴到来都现的也为将从向同了就还并于被把给让以率前去看慰调深出主介认希要称讲宣致作接代共分所走亲任曾又则即再已考检督视听召获回告笑们市县区镇村局厅委会部院所司企业厂等")
        .ToFrozenSet();

    /// <summary>Words that start with a surname character but are not names ("负责人认真" has no surname; "主席单位" does).</summary>
    internal static readonly FrozenSet<string> CommonWords = new[]
    {
        "单位", "应该", "应对", "应用", "应当", "应急", "高度", "高效", "高级", "高质", "高新", "高水", "高端", "高标",
        "高层", "于是", "向党", "时间", "时候", "时代", "时期", "时刻", "成为", "成立", "成员", "成果", "成绩", "成本",
        "关于", "关系", "关注", "关心", "方面", "方式", "方向", "方案", "方岩", "任务", "任何", "常态", "常委", "常务",
        "万元", "金华", "金融", "金额", "金山", "金城", "江苏", "江西", "江南", "安全", "安排", "安防", "文件", "文化",
        "文明", "龙头", "龙山", "阳光", "司机", "司法", "车间", "车辆", "车业", "路线", "路面", "连续", "连日", "连接",
        "管理", "管委", "管道", "解决", "解放", "农业", "农村", "农商", "农民", "项目", "包括", "包装", "宁波", "尚未",
        "符合", "毕竟", "毕业", "季度", "齐头", "齐心", "康复", "温度", "施工", "申报", "申请", "焦点", "左右", "盛夏",
        "房产", "房屋", "尤其", "尤为", "石油", "石柱", "史上", "程度", "程序", "周年", "周边", "马上", "黄金", "林业",
        "林场", "严格", "严重", "严肃", "武义", "许多", "苏州", "董事", "余额", "何时", "何处", "何种", "谢谢", "顾问",
        "章程", "殷切", "欧洲", "欧美", "纪律", "纪委", "纪检", "凌晨", "单独", "季节", "曲线", "蓝海", "蓝天", "游客",
        "辛苦", "古山", "古代", "简单", "简化", "楼盘", "楼宇", "楼层", "唐先", "华东", "卓越", "吉祥", "庞大", "颜色",
        "庄严", "涂装", "苗木", "盛大", "柴油", "洪水", "易地", "雷锋", "汤圆", "钱塘", "甘肃", "兰州", "柳州", "常州",
        "孔子", "宋代", "韩国", "白色", "金凯", "舒适", "温州", "杭州", "解读", "高兴", "于今", "于此", "于近", "于昨",
        "于日", "于本", "于上", "于下", "于去", "于明", "于当", "时任", "应加", "应积", "成功", "关键", "时常", "应邀",
        "应届", "应约", "应声", "应收", "应付", "曾多", "曾经", "曾任", "曾获", "曾是", "曾先", "任职", "任期", "任内",
    }.ToFrozenSet();

    /// <summary>The first given-name character cannot be one of these (主任的…, 书记在…).</summary>
    private static readonly FrozenSet<char> Stop2 = "与说是对在和等及的也为将从向了就还并于被把给让以们".ToFrozenSet();

    internal static readonly string[] Honorifics =
        ["先生", "女士", "师傅", "老师", "小姐", "阿姨", "大爷", "大妈", "同学", "总", "某"];

    /// <summary>
    /// Surname characters that also begin everyday words (应加强, 于今年, 高兴地, 时任…). A name starting with one of
    /// them needs support: it occurs again in the text, or it is followed by punctuation or a typical next word.
    /// </summary>
    private static readonly FrozenSet<char> AmbiguousSurnames =
        "应于时成连高关方常安文万华江金单司车项路管解阳古吉简尚宁包符毕季齐易康温施申左盛房尤史程马严许余谢顾欧纪曲游辛楼卓庄苗甘白石林武钟黎龙田叶曾任查"
        .ToFrozenSet();

    private static readonly string[] AfterNameWords = LongestFirst(
    [
        "参加", "陪同", "表示", "强调", "指出", "出席", "主持", "一行", "等", "同志", "带队", "率队", "先后", "深入",
        "赴", "到", "在", "与", "和", "及", "说", "是", "介绍", "讲话", "宣讲", "作", "对", "就", "为", "也", "都",
        "现任", "曾", "认为", "希望", "要求", "代表", "调研", "考察", "视察", "检查", "督导", "走访", "慰问", "来到",
        "前往", "看望", "听取", "致辞", "的", "还", "又", "则", "向", "从", "将", "已", "会见", "接受", "回答", "告诉",
    ]);

    internal static readonly string[] SpeechVerbs = ["说", "表示", "强调", "指出", "认为", "介绍", "坦言", "告诉"];

    /// <summary>Stripped from the start of a post: verbs and adverbials that precede it inside the clause.</summary>
    private static readonly string[] LeadingNoise = LongestFirst(
    [
        "走访慰问", "走访", "慰问", "看望", "陪同", "会见", "会上", "会议由", "我市", "本市", "现任", "担任", "其中",
        "并", "据", "日前", "近日", "随后", "同时", "此外", "包括", "以及", "特邀", "邀请", "听取", "参加",
        "出席", "主持", "来自", "由", "请", "及", "和", "与", "为", "当天", "当日", "上午", "下午", "晚上",
        "昨天", "今天", "据悉", "另外", "还有", "先后", "一起", "分别",
    ]);

    /// <summary>A post clause is cut after the last of these (邀请了…, …活动的…, 胡勇春与副市长…).</summary>
    private const string ClauseBreakers = "了的与对向把被让给请由是在到";

    /// <summary>Where an over-long post may start (an administrative prefix).</summary>
    private static readonly string[] PostStarts = LongestFirst(
        ["市", "省", "县", "镇", "区", "金华", "永康", "浙江", "开发区", "中国", "全国", "团市委"]);

    private const int MaxPostPrefix = 20;

    /// <param name="t">The article text.</param>
    /// <param name="nameAt">
    /// The segmenter's reading of a name starting at a position: its length, or 0 when the segmenter does not read a
    /// person's name there (<see cref="NameFinder.NameLengthAt"/>). Null: rules only (no names after role nouns).
    /// </param>
    public static IReadOnlyList<PersonMention> Extract(string t, Func<string, int, int>? nameAt = null)
    {
        var confirmed3 = NamesConfirmedBySpeech(t);
        var found = new Dictionary<string, (string? Post, int Seen)>(StringComparer.Ordinal);

        void Add(string name, string? post, int at)
        {
            if (!found.TryGetValue(name, out var prev))
                found[name] = (post, at);
            else if ((post?.Length ?? 0) > (prev.Post?.Length ?? 0))
                found[name] = (post, prev.Seen);
        }

        for (var i = 1; i < t.Length; i++)
        {
            var postWord = PostWordEndingAt(t, i);
            var byRole = false;
            if (postWord is null && nameAt is not null)
                byRole = (postWord = RoleNounEndingAt(t, i)) is not null;
            if (postWord is null) continue;
            var name = ReadName(t, i, confirmed3, requireBoundary: false, nameAt);
            if (name is null || (byRole && nameAt!(t, i) != name.Length)) continue;
            var post = PostBefore(t, i, postWord);
            Add(name, post, i);

            // An enumeration after the role: 代表应尚蛟、王伟、李红阳.
            var j = i + name.Length;
            while (j < t.Length && t[j] == '、')
            {
                var next = ReadName(t, j + 1, confirmed3, requireBoundary: true, nameAt);
                if (next is null) break;
                Add(next, post, j + 1);
                j += 1 + next.Length;
            }
        }

        // "X说 / X表示 …" with X already known: the same person, nothing new (kept as a mention for ordering).
        return found
            .Select(kv => (Name: kv.Key, kv.Value.Post, kv.Value.Seen, First: FirstOccurrence(t, kv.Key, kv.Value.Seen)))
            .OrderBy(p => p.First).ThenBy(p => p.Seen).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new PersonMention(p.Name, p.Post))
            .ToList();
    }

    private static int FirstOccurrence(string t, string s, int fallback)
    {
        var k = t.IndexOf(s, StringComparison.Ordinal);
        return k < 0 ? fallback : Math.Min(k, fallback);
    }

    private static string? RoleNounEndingAt(string t, int i)
    {
        foreach (var w in RoleNouns)
            if (At(t, i - w.Length, w)) return w;
        return null;
    }

    /// <summary>The longest post word ending right before <paramref name="i"/>, or null.</summary>
    private static string? PostWordEndingAt(string t, int i)
    {
        foreach (var w in PostWords)
        {
            if (!At(t, i - w.Length, w)) continue;
            foreach (var bad in NotAPostBeforeName)
                if (bad.EndsWith(w, StringComparison.Ordinal) && At(t, i - bad.Length, bad)) return null;
            return w;
        }
        return null;
    }

    private static bool EndsWithPostWord(string s, bool allowDaibiao)
    {
        foreach (var w in PostWords)
            if (s.EndsWith(w, StringComparison.Ordinal))
                return allowDaibiao || w != "代表";
        return false;
    }

    /// <summary>
    /// A 2–3 character name (3–4 with a double surname) starting at <paramref name="i"/>, or null.
    /// With <paramref name="requireBoundary"/> the name must be followed by punctuation, the end, or a stop character
    /// (used for enumeration items, so that "王力安防" is not read as 王力安).
    /// </summary>
    internal static string? ReadName(string t, int i, IReadOnlySet<string> confirmed3, bool requireBoundary,
        Func<string, int, int>? nameAt = null)
    {
        if (i >= t.Length) return null;
        var sl = 0;
        foreach (var d in DoubleSurnames)
            if (At(t, i, d)) { sl = 2; break; }
        if (sl == 0 && Surnames.Contains(t[i])) sl = 1;
        if (sl == 0) return null;

        var g = i + sl; // first given-name character
        if (g >= t.Length || !Hanzi.IsIdeograph(t[g]) || Stop2.Contains(t[g])) return null;
        foreach (var h in Honorifics)
            if (At(t, g, h)) return null;

        var len = sl + 1;
        if (g + 1 < t.Length && Hanzi.IsIdeograph(t[g + 1]) && !Stop3.Contains(t[g + 1])) len = sl + 2;
        if (sl == 1 && len == 2 && g + 1 < t.Length && Hanzi.IsIdeograph(t[g + 1]) && confirmed3.Contains(t.Substring(i, 3)))
            len = 3;
        // 孙立强面对面, 范志强介绍: 强 usually starts a word (强调), but the segmenter reads a three-character name.
        var segmented = false;
        if (sl == 1 && len == 2 && nameAt is not null && g + 1 < t.Length && Hanzi.IsIdeograph(t[g + 1]) && nameAt(t, i) == 3)
            (len, segmented) = (3, true);

        // A three-character reading that occurs only here, while its first two characters stand alone
        // elsewhere (王伟说, 王伟、): the third character belongs to the following word.
        if (sl == 1 && len == 3 && !segmented && !confirmed3.Contains(t.Substring(i, 3))
            && CountOrdinal(t, t.Substring(i, 3)) == 1 && StandsAloneElsewhere(t, t.Substring(i, 2), i))
            len = 2;

        if (sl == 1 && CommonWords.Contains(t.Substring(i, 2))) return null;
        var name = t.Substring(i, len);
        if (CommonWords.Contains(name)) return null;

        var after = i + len;
        if (requireBoundary && after < t.Length && Hanzi.IsIdeograph(t[after]) && !Stop3.Contains(t[after])) return null;
        if (sl == 1 && AmbiguousSurnames.Contains(name[0]) && CountOrdinal(t, name) < 2
            && after < t.Length && Hanzi.IsIdeograph(t[after]) && StartsWithAny(t, after, AfterNameWords) is null)
            return null;
        return name;
    }

    private static int CountOrdinal(string t, string s)
    {
        var n = 0;
        for (var k = t.IndexOf(s, StringComparison.Ordinal); k >= 0; k = t.IndexOf(s, k + 1, StringComparison.Ordinal)) n++;
        return n;
    }

    private static bool StandsAloneElsewhere(string t, string two, int except)
    {
        for (var k = t.IndexOf(two, StringComparison.Ordinal); k >= 0; k = t.IndexOf(two, k + 1, StringComparison.Ordinal))
        {
            if (k == except) continue;
            var a = k + two.Length;
            if (a >= t.Length || !Hanzi.IsIdeograph(t[a]) || Stop3.Contains(t[a])) return true;
            foreach (var v in SpeechVerbs)
                if (At(t, a, v)) return true;
        }
        return false;
    }

    /// <summary>
    /// Three-character names seen before a speech verb (胡文建说) that also occur right after a post word somewhere:
    /// these are read as three characters even when the third is a stop character.
    /// </summary>
    private static HashSet<string> NamesConfirmedBySpeech(string t)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k + 3 < t.Length; k++)
        {
            if (!Surnames.Contains(t[k]) || !Hanzi.IsIdeograph(t[k + 1]) || !Hanzi.IsIdeograph(t[k + 2])) continue;
            if (k > 0 && Hanzi.IsIdeograph(t[k - 1]) && PostWordEndingAt(t, k) is null) continue;
            if (!SpeechVerbs.Any(v => At(t, k + 3, v))) continue;
            var x = t.Substring(k, 3);
            if (CommonWords.Contains(x[..2])) continue;
            for (var m = t.IndexOf(x, StringComparison.Ordinal); m >= 0; m = t.IndexOf(x, m + 1, StringComparison.Ordinal))
                if (PostWordEndingAt(t, m) is not null) { result.Add(x); break; }
        }
        return result;
    }

    /// <summary>The post as printed before the name at <paramref name="nameAt"/>: back to the clause start, chained over 、.</summary>
    internal static string PostBefore(string t, int nameAt, string postWord)
    {
        var start = nameAt;
        while (start > 0 && Hanzi.IsIdeograph(t[start - 1])) start--;
        // Cut the clause after a verb or preposition inside it (邀请了开发区…书记 → 开发区…书记).
        var firstStart = start;
        for (var k = nameAt - postWord.Length - 1; k >= firstStart; k--)
        {
            if (ClauseBreakers.Contains(t[k])) { start = k + 1; break; }
            if ((t[k] == '和' || t[k] == '及') && k > firstStart && StartsWithAny(t, k + 1, PostStarts) is not null)
            { start = k + 1; break; }
        }
        var head = Strip(t[start..(nameAt)], postWord);

        // 市委副书记、市长 / 市委常委、市政府党组成员: earlier segments that are posts themselves.
        var chain = new List<string> { head };
        var segEnd = start == firstStart ? start : -1;
        while (segEnd > 0 && t[segEnd - 1] == '、')
        {
            var prevEnd = segEnd - 1;
            var prevStart = prevEnd;
            while (prevStart > 0 && Hanzi.IsIdeograph(t[prevStart - 1])) prevStart--;
            var seg = t[prevStart..prevEnd];
            if (seg.Length == 0 || !EndsWithPostWord(seg, allowDaibiao: false)) break;
            var cut = seg.LastIndexOfAny(ClauseBreakers.ToCharArray());
            if (cut >= 0) { chain.Insert(0, Strip(seg[(cut + 1)..], null)); break; }
            chain.Insert(0, seg);
            segEnd = prevStart;
        }
        if (chain.Count > 1) chain[0] = Strip(chain[0], null);
        return string.Join("、", chain.Where(s => s.Length > 0));
    }

    private static string Strip(string post, string? postWord)
    {
        var min = postWord?.Length ?? 1;
        bool changed;
        do
        {
            changed = false;
            foreach (var n in LeadingNoise)
            {
                // A one-character word (由, 和, 请…) only when an administrative prefix or 副 follows:
                // 由市委常委… → 市委常委…, but 和平…, 为民… stay.
                if (n.Length == 1 && !(StartsWithAny(post, 1, PostStarts) is not null || At(post, 1, "副"))) continue;
                if (post.Length - n.Length >= min && post.StartsWith(n, StringComparison.Ordinal))
                {
                    post = post[n.Length..];
                    changed = true;
                    break;
                }
            }
        } while (changed);

        if (postWord is not null && post.Length - postWord.Length > MaxPostPrefix)
        {
            var best = -1;
            for (var k = post.Length - postWord.Length - MaxPostPrefix; k < post.Length - postWord.Length; k++)
                if (StartsWithAny(post, k, PostStarts) is not null) { best = k; break; }
            post = best >= 0 ? post[best..] : postWord;
        }
        return post;
    }
}
