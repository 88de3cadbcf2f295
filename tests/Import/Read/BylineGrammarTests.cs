using Baoku.Config;
using Baoku.Import.Read;
using FsCheck;
using FsCheck.Fluent;

namespace Baoku.Tests.Import.Read;

/// <summary>
/// The byline forms of Chinese county papers, read with no paper profile (every name here is invented). Each form has
/// its positive cases; prose that looks like a byline must not be read as one.
/// </summary>
public class BylineGrammarTests
{
    static readonly PaperProfile Unknown = PaperProfile.Unknown;

    static Byline Line(string line) => BylineParser.ParseLine(line, Unknown).ShouldNotBeNull($"「{line}」 should be a byline");

    static (Byline Byline, string Remainder) Lead(string paragraph)
    {
        var (b, rest) = BylineParser.SplitLead(paragraph, Unknown);
        return (b.ShouldNotBeNull($"「{paragraph}」 should open with a lead"), rest);
    }

    // ───────────── leads ─────────────

    [Theory]
    [InlineData("本报讯（记者 邵明远 通讯员 柯思齐）3月2日，", "本报讯（记者 邵明远 通讯员 柯思齐）", "邵明远 柯思齐")]
    [InlineData("本网讯（记者 童亦舟 鲍晨曦）盛夏时节，", "本网讯（记者 童亦舟 鲍晨曦）", "童亦舟 鲍晨曦")]
    [InlineData("本报杭州11月11日讯（记者 褚文澜 《基层宣传》记者 冯启航）11日，", "本报杭州11月11日讯（记者 褚文澜 《基层宣传》记者 冯启航）", "褚文澜 冯启航")]
    [InlineData("中国溪城网4月9日讯(记者 于青禾 通讯员 蒋凌波 编辑 汪若溪)一边是", "中国溪城网4月9日讯(记者 于青禾 通讯员 蒋凌波 编辑 汪若溪)", "于青禾 蒋凌波")]
    [InlineData("溪城新闻网讯（记者 樊一鸣 通讯员 骆星河 余梦溪）4月15日，", "溪城新闻网讯（记者 樊一鸣 通讯员 骆星河 余梦溪）", "樊一鸣 骆星河 余梦溪")]
    [InlineData("爱溪城客户端讯（记者 邵明远 通讯员 柯思齐）12月5日，", "爱溪城客户端讯（记者 邵明远 通讯员 柯思齐）", "邵明远 柯思齐")]
    [InlineData("溪城日报讯（通讯员 童亦舟）近日，", "溪城日报讯（通讯员 童亦舟）", "童亦舟")]
    [InlineData("新华社北京3月1日电（记者 褚文澜）记者1日从", "新华社北京3月1日电（记者 褚文澜）", "褚文澜")]
    [InlineData("本报讯（融媒首席记者 冯启航）1月11日下午，", "本报讯（融媒首席记者 冯启航）", "冯启航")]
    [InlineData("本报讯（记者于青禾）6月6日，", "本报讯（记者于青禾）", "于青禾")]
    public void BracketedLeadGivesItsAuthorsAndLeavesTheBody(string paragraph, string raw, string authors)
    {
        var (b, rest) = Lead(paragraph);
        b.Raw.ShouldBe(raw);
        b.Form.ShouldBe(BylineForm.Lead);
        b.Authors.ShouldBe(authors.Split(' '));
        rest.ShouldBe(paragraph[raw.Length..]);
    }

    [Fact]
    public void EditorInsideALeadIsNotAnAuthor()
    {
        var (b, _) = Lead("中国溪城网4月9日讯(记者 于青禾 编辑 汪若溪)一边是");
        b.Authors.ShouldBe(["于青禾"]);
        b.Editors.ShouldBe(["汪若溪"]);
    }

    [Theory]
    [InlineData("本报讯 记者 邵明远 4月 11 日，海昌街道", "本报讯 记者 邵明远", "邵明远", "4月 11 日，海昌街道")]
    [InlineData("本报讯 记者 童亦舟 通讯员 鲍晨曦 入秋以来，", "本报讯 记者 童亦舟 通讯员 鲍晨曦", "童亦舟 鲍晨曦", "入秋以来，")]
    [InlineData("记者 褚文澜 通讯员 冯启航 报道 记者从市经信局获悉，", "记者 褚文澜 通讯员 冯启航 报道", "褚文澜 冯启航", "记者从市经信局获悉，")]
    public void UnbracketedLeadEndsWhereTheBodyBegins(string paragraph, string raw, string authors, string rest)
    {
        var (b, r) = Lead(paragraph);
        b.Raw.ShouldBe(raw);
        b.Authors.ShouldBe(authors.Split(' '));
        r.ShouldBe(rest);
    }

    [Fact]
    public void LeadBrokenOverNarrowLinesIsReadFromThePrint()
    {
        string[] lines = ["本报讯 记者 邵明远 通讯", "员 柯思齐 杭州亚运会开幕在", "即，小镇迎来客流高峰。"];
        var cleaned = "本报讯记者邵明远通讯员柯思齐杭州亚运会开幕在即，小镇迎来客流高峰。";
        var (b, rest) = BylineParser.SplitLead(lines, cleaned, Unknown);
        b.ShouldNotBeNull().Authors.ShouldBe(["邵明远", "柯思齐"]);
        b.Raw.ShouldBe("本报讯 记者 邵明远 通讯员 柯思齐");
        rest.ShouldBe("杭州亚运会开幕在即，小镇迎来客流高峰。");
    }

    [Fact]
    public void LetterSpacedLeadIsReadWithoutItsSpaces()
    {
        string[] lines = ["本 报", "讯（ 融 媒", "见 习 记", "者 童 亦", "舟 ） 日", "前 ，经 济"];
        var (b, rest) = BylineParser.SplitLead(lines, "本报讯（融媒见习记者童亦舟）日前，经济", Unknown);
        b.ShouldNotBeNull().Authors.ShouldBe(["童亦舟"]);
        b.Raw.ShouldBe("本报讯（融媒见习记者 童亦舟）");
        rest.ShouldBe("日前，经济");
    }

    [Fact]
    public void WriterAndPhotographerBeforeTheFirstSentence()
    {
        string[] lines = ["记者 鲍晨曦 文/摄 2", "月18日，我县举行"];
        var (b, rest) = BylineParser.SplitLead(lines, "记者鲍晨曦文/摄2月18日，我县举行", Unknown);
        b.ShouldNotBeNull().Authors.ShouldBe(["鲍晨曦"]);
        b.Photographers.ShouldBe(["鲍晨曦"]);
        rest.ShouldBe("2月18日，我县举行");
        BylineParser.StartsWithLead(string.Join("\n", lines), Unknown).ShouldBeTrue();
    }

    [Fact]
    public void LeadWithoutBylineNamesNobody()
    {
        var (b, rest) = Lead("本报杭州11月11日讯 11日，全省");
        b.IsEmpty.ShouldBeTrue();
        b.Raw.ShouldBe("本报杭州11月11日讯");
        rest.ShouldBe("11日，全省");
    }

    [Fact]
    public void ProfileAddsItsOwnLeadSourcesAndRoles()
    {
        var paper = new PaperProfile("今日溪城", [], ["今日溪城"], ["特邀撰稿"], []);
        BylineParser.SplitLead("今日溪城讯（特邀撰稿 邵明远）近日，", Unknown).Byline.ShouldBeNull();
        var (b, rest) = BylineParser.SplitLead("今日溪城讯（特邀撰稿 邵明远）近日，", paper);
        b.ShouldNotBeNull().Authors.ShouldBe(["邵明远"]);
        rest.ShouldBe("近日，");
        BylineParser.ParseLine("特邀撰稿 柯思齐", Unknown).ShouldBeNull();
        BylineParser.ParseLine("特邀撰稿 柯思齐", paper).ShouldNotBeNull().Authors.ShouldBe(["柯思齐"]);
    }

    [Theory]
    [InlineData("通讯员张明远说，这批订单")]
    [InlineData("本报记者近日从市经信局获悉，")]
    [InlineData("本报电话：0579-12345678")]
    [InlineData("警报讯号响起，")]
    [InlineData("记者从市经信局获悉，上半年")]
    [InlineData("记者 邵明远 通讯员 柯思齐 到村里走访")]
    [InlineData("喜讯传来，全村沸腾。")]
    [InlineData("记者 邵明远 摄 图为村民在田间收割。")]
    public void ProseOpensNoLead(string paragraph)
    {
        BylineParser.SplitLead(paragraph, Unknown).Byline.ShouldBeNull();
        BylineParser.StartsWithLead(paragraph, Unknown).ShouldBeFalse();
    }

    // ───────────── byline lines ─────────────

    [Theory]
    [InlineData("■本报记者 邵明远 通讯员 柯思齐", "邵明远 柯思齐")]
    [InlineData("□记者 童亦舟 通讯员 鲍晨曦", "童亦舟 鲍晨曦")]
    [InlineData("●记者 褚文澜", "褚文澜")]
    [InlineData("◆记者 冯启航 见习记者 于青禾", "冯启航 于青禾")]
    [InlineData("■本报记者蒋凌波 通讯员汪若溪", "蒋凌波 汪若溪")]
    [InlineData("记者 樊一鸣 通讯员 骆星河 报道", "樊一鸣 骆星河")]
    [InlineData("融媒记者 余梦溪", "余梦溪")]
    [InlineData("本报记者 邵明远", "邵明远")]
    [InlineData("首席记者 柯思齐", "柯思齐")]
    [InlineData("实习生 童亦舟", "童亦舟")]
    [InlineData("特约记者 鲍晨曦", "鲍晨曦")]
    [InlineData("溪城市委报道组 褚文澜 冯启航", "褚文澜 冯启航")]
    [InlineData("记者 于青禾、蒋凌波", "于青禾 蒋凌波")]
    [InlineData("作者：记者 汪若溪", "汪若溪")]
    [InlineData("作者：樊一鸣 骆星河", "樊一鸣 骆星河")]
    public void BylineLineGivesItsAuthors(string line, string authors)
    {
        var b = Line(line);
        b.Authors.ShouldBe(authors.Split(' '));
        b.Photographers.ShouldBeEmpty();
        b.Raw.ShouldBe(line);
    }

    [Theory]
    [InlineData("■童亦舟", "童亦舟")]
    [InlineData("□欧阳晓舟", "欧阳晓舟")]
    [InlineData("（鲍晨曦）", "鲍晨曦")]
    public void NameAloneAfterAMarkerOrInBracketsIsTheAuthor(string line, string author) => Line(line).Authors.ShouldBe([author]);

    [Theory]
    [InlineData("■本报记者邵明远 通讯员柯思齐摄", "邵明远 柯思齐")]
    [InlineData("通讯员童亦舟摄", "童亦舟")]
    [InlineData("■通讯员鲍晨曦摄", "鲍晨曦")]
    [InlineData("记者 褚文澜 摄", "褚文澜")]
    [InlineData("摄影 冯启航", "冯启航")]
    [InlineData("（通讯员 于青禾 摄）", "于青禾")]
    [InlineData("蒋凌波 摄", "蒋凌波")]
    public void PhotoCreditGivesPhotographersNotAuthors(string line, string photographers)
    {
        var b = Line(line);
        b.Authors.ShouldBeEmpty();
        b.Photographers.ShouldBe(photographers.Split(' '));
    }

    [Theory]
    [InlineData("溪城客户端记者 汪若溪 摄影 樊一鸣", "汪若溪", "樊一鸣")]
    [InlineData("文/骆星河 图/余梦溪", "骆星河", "余梦溪")]
    [InlineData("邵明远/文 柯思齐/图", "邵明远", "柯思齐")]
    [InlineData("记者 童亦舟 文/摄", "童亦舟", "童亦舟")]
    public void WriterAndPhotographerAreKeptApart(string line, string author, string photographer)
    {
        var b = Line(line);
        b.Authors.ShouldBe([author]);
        b.Photographers.ShouldBe([photographer]);
    }

    [Theory]
    [InlineData("编辑：鲍晨曦", "鲍晨曦")]
    [InlineData("（编辑 褚文澜）", "褚文澜")]
    [InlineData("责任编辑：冯启航", "冯启航")]
    [InlineData("【责任编辑:于青禾】", "于青禾")]
    [InlineData("编辑 蒋凌波", "蒋凌波")]
    public void EditorsAreNotAuthors(string line, string editor)
    {
        var b = Line(line);
        b.Editors.ShouldBe([editor]);
        b.Authors.ShouldBeEmpty();
        b.Form.ShouldBe(BylineForm.Closing);
    }

    [Theory]
    [InlineData("来源：溪城区委办公室", "溪城区委办公室")]
    [InlineData("（来源：溪城市应急管理局）", "溪城市应急管理局")]
    [InlineData("（溪城市科技局）", "溪城市科技局")]
    [InlineData("（溪光集团）", "溪光集团")]
    [InlineData("来源：中国溪城网", "中国溪城网")]
    public void SourceOrganisationIsTheOrigin(string line, string origin)
    {
        var b = Line(line);
        b.Origin.ShouldBe(origin);
        b.Authors.ShouldBeEmpty();
        b.Form.ShouldBe(BylineForm.Closing);
    }

    [Fact]
    public void WebFooterGivesSourceAuthorsAndEditor()
    {
        var b = Line("来源：溪城新闻网 作者：汪若溪 樊一鸣 编辑：骆星河");
        b.Origin.ShouldBe("溪城新闻网");
        b.Authors.ShouldBe(["汪若溪", "樊一鸣"]);
        b.Editors.ShouldBe(["骆星河"]);
    }

    [Fact]
    public void BylineBlockLinesReadAlone()
    {
        Line("溪城市委报道组 余梦溪 邵明远").Authors.ShouldBe(["余梦溪", "邵明远"]);
        var pictures = Line("溪城市委宣传部供图");
        pictures.PhotoSource.ShouldBe("溪城市委宣传部");
        pictures.HasPeople.ShouldBeFalse();
        var joined = Line("记者 柯思齐").Merge(Line("溪城市委报道组 余梦溪 邵明远")).Merge(pictures);
        joined.Authors.ShouldBe(["柯思齐", "余梦溪", "邵明远"]);
        joined.Raw.ShouldBe("记者 柯思齐 溪城市委报道组 余梦溪 邵明远 溪城市委宣传部供图");
    }

    [Theory]
    [InlineData("■记者 童亦舟", true)]
    [InlineData("记者 童亦舟 通讯员 鲍晨曦 报道", true)]
    [InlineData("融媒记者 童亦舟", false)]
    [InlineData("（记者 童亦舟）", false)]
    public void MarkerOrReportVerbPutsTheBylineAboveItsStory(string line, bool top) => Line(line).Top.ShouldBe(top);

    [Theory]
    [InlineData("（记者 童亦舟）", BylineForm.Closing)]
    [InlineData("（童亦舟）", BylineForm.Closing)]
    [InlineData("作者：记者 童亦舟", BylineForm.Closing)]
    [InlineData("■记者 童亦舟", BylineForm.Line)]
    [InlineData("文/童亦舟 图/鲍晨曦", BylineForm.Line)]
    public void FormTellsWhereTheBylineStands(string line, BylineForm form) => Line(line).Form.ShouldBe(form);

    [Theory]
    [InlineData("记者会上")]
    [InlineData("记者了解到")]
    [InlineData("记者走访发现")]
    [InlineData("记者来到村里")]
    [InlineData("向记者介绍")]
    [InlineData("接受本报记者采访")]
    [InlineData("记者：下一步有哪些重点")]
    [InlineData("记者 邵明远说，今年")]
    [InlineData("记者邵明远。")]
    [InlineData("■温馨提示")]
    [InlineData("■相关链接")]
    [InlineData("（待续）")]
    [InlineData("（十一）")]
    [InlineData("（下转A3版）")]
    [InlineData("（详见第3版）")]
    [InlineData("（紧接1版）")]
    [InlineData("童亦舟")]
    [InlineData("来源于现有订单")]
    [InlineData("编辑部")]
    [InlineData("摄影大赛等活动")]
    [InlineData("2023年9月14日 星期四 第3版 综合新闻 责任编辑：陶某 版式：胡某")]
    [InlineData("发布时间: 2025-04-09 18:21:35 来源: 中国溪城网")]
    [InlineData("本报讯（记者 邵明远）")]
    [InlineData("记者 邵明远 通讯员 柯思齐 记者 童亦舟 通讯员 鲍晨曦 记者 褚文澜 通讯员 冯启航 记者 于青禾")]
    public void ProseIsNeverAByline(string line) => BylineParser.ParseLine(line, Unknown).ShouldBeNull();

    // ───────────── caption credits ─────────────

    [Theory]
    [InlineData("450名小学生戴上了鲜艳的红领巾。 记者 邵明远 摄", "450名小学生戴上了鲜艳的红领巾。", "邵明远")]
    [InlineData("村民们在田间收割。通讯员柯思齐摄", "村民们在田间收割。", "柯思齐")]
    [InlineData("宣讲现场（童亦舟 摄）", "宣讲现场", "童亦舟")]
    [InlineData("志愿者为老人理发。（通讯员 鲍晨曦 摄）", "志愿者为老人理发。", "鲍晨曦")]
    public void CreditAtTheEndOfACaptionIsSplitOff(string line, string caption, string photographer)
    {
        var (text, credit) = BylineParser.SplitTrailingCredit(line, Unknown);
        text.ShouldBe(caption);
        credit.ShouldNotBeNull().Photographers.ShouldBe([photographer]);
        credit.Form.ShouldBe(BylineForm.Caption);
    }

    [Theory]
    [InlineData("会议现场（左二为邵明远）")]
    [InlineData("项目进展顺利。（详见第3版）")]
    [InlineData("村民们在田间收割。")]
    public void CaptionWithoutCreditIsLeftAlone(string line) =>
        BylineParser.SplitTrailingCredit(line, Unknown).Credit.ShouldBeNull();

    // ───────────── properties ─────────────

    static readonly string[] Names = ["邵明远", "柯思齐", "童亦舟", "鲍晨曦", "褚文澜", "冯启航", "于青禾", "蒋凌波", "汪若溪", "樊一鸣", "骆星河", "余梦溪", "欧阳晓舟", "林溪", "何苗"];
    static readonly string[] Roles = ["记者", "通讯员", "本报记者", "融媒记者", "首席记者", "见习记者", "实习生", "特约通讯员", "溪城客户端记者", "市委报道组"];
    static readonly string[] Markers = ["", "■", "□", "●", "◆"];

    static Gen<(string Line, List<string> Names, bool Photo)> BylineGen() =>
        from marker in Gen.Elements(Markers)
        from groups in Gen.Choose(1, 3)
        from parts in Gen.ListOf(
            from role in Gen.Elements(Roles)
            from count in Gen.Choose(1, 2)
            from names in Gen.Shuffle(Names).Select(n => n.Take(count).ToList())
            from glued in Gen.Elements(true, false)
            from sep in Gen.Elements(" ", "、")
            select (Text: role + (glued ? "" : " ") + string.Join(sep, names), Names: names), groups)
        from photo in Gen.Elements(true, false)
        let names = parts.SelectMany(p => p.Names).Distinct().ToList()
        where names.Count == parts.Sum(p => p.Names.Count)
        select (marker + string.Join(" ", parts.Select(p => p.Text)) + (photo ? " 摄" : ""), names, photo);

    [Fact]
    public void ABylineBuiltFromRolesAndNamesReadsBackItsNames() =>
        Prop.ForAll(BylineGen().ToArbitrary(), x =>
        {
            var b = BylineParser.ParseLine(x.Line, Unknown);
            return b is not null && (x.Photo ? b.Photographers : b.Authors).SequenceEqual(x.Names)
                && (x.Photo ? b.Authors : b.Photographers).Count == 0;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void ALineWithAFullStopIsNeverAByline() =>
        Prop.ForAll((from x in BylineGen() from at in Gen.Choose(0, 100) select x.Line.Insert(at % (x.Line.Length + 1), "。")).ToArbitrary(),
            line => BylineParser.ParseLine(line, Unknown) is null).QuickCheckThrowOnFailure();

    [Fact]
    public void ALeadBuiltFromRolesAndNamesIsSplitOffTheBody() =>
        Prop.ForAll((from x in BylineGen().Where(x => !x.Photo && !Markers.Skip(1).Any(m => x.Line.StartsWith(m)))
                     from source in Gen.Elements("本报讯", "本网讯", "本报溪城3月5日讯", "溪城新闻网讯", "爱溪城客户端讯")
                     from bracket in Gen.Elements(("（", "）"), ("(", ")"))
                     select (x, text: source + bracket.Item1 + x.Line + bracket.Item2 + "3月4日，全市开展")).ToArbitrary(),
            y =>
            {
                var (b, rest) = BylineParser.SplitLead(y.text, Unknown);
                return b is not null && b.Authors.SequenceEqual(y.x.Names) && rest == "3月4日，全市开展";
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void AnyTextIsReadWithoutFailingAndTheBodyIsKept()
    {
        string[] fragments = ["本报", "讯", "记者", "通讯员", "邵明远", "摄", "文", "/", "（", "）", "(", "：", " ", "\n", "，", "。", "来源", "编辑", "■", "3月", "5日", "报道", "供图", "局", "、", "A"];
        Prop.ForAll(Gen.ListOf(Gen.Elements(fragments)).Select(string.Concat).ToArbitrary(), text =>
        {
            BylineParser.ParseLine(text, Unknown);
            BylineParser.SplitTrailingCredit(text, Unknown);
            var (_, rest) = BylineParser.SplitLead(text, Unknown);
            return text.EndsWith(rest, StringComparison.Ordinal);
        }).QuickCheckThrowOnFailure();
    }
}
