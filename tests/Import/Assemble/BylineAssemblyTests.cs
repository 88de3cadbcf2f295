using Baoku.Config;
using Baoku.Import.Assemble;
using Baoku.Import.Read;
using Baoku.Tests.Support;

namespace Baoku.Tests.Import.Assemble;

/// <summary>Where the bylines and credits of a page go: to the story they were printed with (invented pages and names).</summary>
public class BylineAssemblyTests
{
    const string TeaA = "3月5日，溪城首届茶文化节在城南茶园开幕，来自各地的茶商和游客齐聚一堂，共品今年的第一批新茶。";
    const string TeaB = "活动持续三天，设有制茶体验、茶艺表演、茶器展销等环节，预计接待游客两万人次，带动茶农增收。";
    const string BridgeA = "近日，城北老桥加固工程完工，桥面拓宽至十二米，两侧新增人行道和夜间照明，方便居民出行。";
    const string BridgeB = "据了解，该桥建于上世纪七十年代，此次加固共投入资金八百余万元，设计使用年限延长三十年。";

    static AssembledPage Web(params string[] lines)
    {
        var raw = string.Join("\n\n", lines).Split('\n');
        var page = new RawPage("web.txt", raw.Select((t, i) => new RawLine(i + 1, t)).ToList(), []);
        return PageAssembler.Assemble(page, SiteConfig.Empty, PaperProfile.Unknown);
    }

    static Story Containing(AssembledPage page, string text) => page.Stories.Single(s => s.BodyText.Contains(text));

    static IEnumerable<Byline> All(Story s) =>
        new[] { s.BylineBefore, s.DatelineByline, s.BylineAfter }.OfType<Byline>().Concat(s.Credits);

    [Fact]
    public void ClosingBylineAndEditorBelongToTheStoryAbove()
    {
        var page = Web("溪城举办首届茶文化节", TeaA, TeaB, "（记者 邵明远）", "编辑：柯思齐", "城北老桥加固完工", BridgeA, BridgeB, "融媒记者 童亦舟");
        var tea = Containing(page, "茶文化节");
        tea.BylineAfter.ShouldNotBeNull().Authors.ShouldBe(["邵明远"]);
        tea.Credits.SelectMany(c => c.Editors).ShouldBe(["柯思齐"]);
        tea.BodyText.ShouldNotContain("编辑");
        var bridge = Containing(page, "老桥");
        All(bridge).SelectMany(b => b.Authors).ShouldBe(["童亦舟"]);
        All(bridge).SelectMany(b => b.Editors).ShouldBeEmpty();
    }

    [Fact]
    public void WebFooterAfterALeadStoryStaysWithIt()
    {
        var page = Web("溪城举办首届茶文化节", "溪城新闻网讯（记者 邵明远）" + TeaA, TeaB, "来源：溪城新闻网 作者：邵明远 编辑：柯思齐",
            "城北老桥加固完工", "本网讯（记者 童亦舟）" + BridgeA, BridgeB, "（编辑 鲍晨曦）");
        var tea = Containing(page, "茶文化节");
        All(tea).SelectMany(b => b.Authors).Distinct().ShouldBe(["邵明远"]);
        All(tea).SelectMany(b => b.Editors).ShouldBe(["柯思齐"]);
        All(tea).Select(b => b.Origin).OfType<string>().ShouldBe(["溪城新闻网"]);
        var bridge = Containing(page, "老桥");
        bridge.BylineBefore.ShouldBeNull();
        All(bridge).SelectMany(b => b.Authors).ShouldBe(["童亦舟"]);
        All(bridge).SelectMany(b => b.Editors).ShouldBe(["鲍晨曦"]);
        bridge.Body[0].Text.ShouldBe(BridgeA);
    }

    [Fact]
    public void SourceThenAuthorUnderABodyBothBelongToIt()
    {
        var page = Web("城北老桥加固完工", BridgeA, BridgeB, "来源：溪城日报", "作者：记者 童亦舟");
        var bridge = page.Stories.ShouldHaveSingleItem();
        All(bridge).SelectMany(b => b.Authors).ShouldBe(["童亦舟"]);
        All(bridge).Select(b => b.Origin).OfType<string>().ShouldBe(["溪城日报"]);
    }

    [Fact]
    public void BylineLinesOneUnderAnotherAreOneByline()
    {
        var page = Web("溪城举办首届茶文化节", "记者 邵明远", "溪城市委报道组 柯思齐 童亦舟", "溪城市委宣传部供图", TeaA, TeaB);
        var tea = page.Stories.ShouldHaveSingleItem();
        var byline = tea.BylineBefore.ShouldNotBeNull();
        byline.Authors.ShouldBe(["邵明远", "柯思齐", "童亦舟"]);
        byline.PhotoSource.ShouldBe("溪城市委宣传部");
        byline.Raw.ShouldBe("记者 邵明远 溪城市委报道组 柯思齐 童亦舟 溪城市委宣传部供图");
        page.Others.ShouldNotContain(o => o.Kind == UnitKind.Byline);
    }

    [Fact]
    public void ReportedByLineOpensTheStoryUnderIt()
    {
        var page = Web("溪城举办首届茶文化节", TeaA, TeaB, "记者 童亦舟 通讯员 鲍晨曦 报道", BridgeA, BridgeB);
        Containing(page, "茶文化节").HasWriterByline.ShouldBeFalse();
        Containing(page, "老桥").BylineBefore.ShouldNotBeNull().Authors.ShouldBe(["童亦舟", "鲍晨曦"]);
    }

    [Fact]
    public void OcrLeadOfAnotherPaperStartsAStoryAndLeavesTheBody()
    {
        var page = new OcrPageBuilder()
            .Display("城北老桥加固完工")
            .Paragraph(BridgeA, 13)
            .Paragraph(BridgeB, 13)
            .Display("溪城举办首届茶文化节")
            .Line("溪城新闻网讯（记者 邵明")
            .Line("远 通讯员 柯思齐）3月5日，")
            .Paragraph(TeaA[5..], 13)
            .Build();
        var a = PageAssembler.Assemble(page, SiteConfig.Empty, PaperProfile.Unknown);
        var tea = Containing(a, "茶文化节");
        tea.DatelineByline.ShouldNotBeNull().Authors.ShouldBe(["邵明远", "柯思齐"]);
        tea.DatelineByline.Raw.ShouldBe("溪城新闻网讯（记者 邵明远 通讯员 柯思齐）");
        tea.Body[0].Text.ShouldStartWith("3月5日，");
        Containing(a, "老桥").HasWriterByline.ShouldBeFalse();
    }
}
