using Baoku.Config;
using Baoku.Import.Assemble;
using Baoku.Import.Read;
using Baoku.Tests.Support;

namespace Baoku.Tests.Import.Assemble;

/// <summary>Layouts built by hand, including ones the seed pages do not have.</summary>
public class PageAssemblerTests
{
    const string LibraryA = "日前，城西街道在三个社区新建共享书屋，向居民免费开放，每家书屋藏书两千余册，涵盖少儿读物、科普读物和地方文献等类别。";
    const string LibraryB = "街道负责人介绍，共享书屋由社区志愿者轮流值守，开放时间为每天上午八点至晚上八点，居民凭身份证即可借阅图书。";
    const string RiverA = "3月5日，历时两年的南溪综合治理工程全面完工，沿岸新建绿道十二公里，水质稳定达到三类标准。";
    const string RiverC = "治理后的南溪沿岸成了市民休闲的好去处，每天傍晚都有不少居民沿着南溪绿道散步、骑行，水质也一年比一年好。";
    const string RiverB = "据了解，该工程共投入资金一点二亿元，清淤河道二十余公里，改造排污口四十六处，沿岸居民的生活环境明显改善。";

    static AssembledPage Assemble(OcrPageBuilder b) => PageAssembler.Assemble(b.Build(), SiteConfig.Empty, PaperProfile.Unknown);

    static Story Titled(AssembledPage page, string title) =>
        page.Stories.Single(s => s.Headline is not null && HeadlineComposer.Compose(s.Headline.Parts).Title == title);

    [Theory]
    [InlineData(10)]
    [InlineData(17)]
    [InlineData(24)]
    public void ParagraphsWrappedAtAnyColumnWidthAreRejoined(int column)
    {
        var page = Assemble(new OcrPageBuilder()
            .Display("书香城西 全民阅读进社区")
            .Display("城西街道新建三家共享书屋")
            .Paragraph(LibraryA, column).Paragraph(LibraryB, column)
            .Line("融媒记者 王小明"));
        var story = page.Stories.ShouldHaveSingleItem();
        story.Body.Select(b => b.Text).ShouldBe([LibraryA, LibraryB]);
        var headline = HeadlineComposer.Compose(story.Headline!.Parts);
        headline.Kicker.ShouldBe("书香城西 全民阅读进社区");
        headline.Title.ShouldBe("城西街道新建三家共享书屋");
        story.BylineAfter!.Authors.ShouldBe(["王小明"]);
    }

    [Fact]
    public void HeadlinesPrintedAboveTheWrongBodiesAreMatchedByContent()
    {
        var page = Assemble(new OcrPageBuilder()
            .Display("城西街道新建三家共享书屋")
            .Line("□记者 王小明")
            .Paragraph("本报讯 " + RiverA, 16).Paragraph(RiverB, 16)
            .Display("南溪治水工程全面完工")
            .Line("□记者 李红")
            .Paragraph("本报讯 " + LibraryA, 16).Paragraph(LibraryB, 16));
        page.Stories.Count.ShouldBe(2);
        Titled(page, "南溪治水工程全面完工").BylineBefore!.Authors.ShouldBe(["王小明"]);
        Titled(page, "城西街道新建三家共享书屋").BylineBefore!.Authors.ShouldBe(["李红"]);
        page.Headlines.ShouldBeEmpty();
    }

    [Fact]
    public void HeadlinePrintedAfterItsBodyIsItsTitle()
    {
        var page = Assemble(new OcrPageBuilder()
            .Paragraph("本报讯（融媒记者 王小明） " + RiverA, 15).Paragraph(RiverB, 15)
            .Display("南溪治水工程全面完工")
            .Line("时政·要闻"));
        var story = Titled(page, "南溪治水工程全面完工");
        story.DatelineByline!.Authors.ShouldBe(["王小明"]);
        story.Body[0].Text.ShouldBe(RiverA);
    }

    [Fact]
    public void BylineWithReporterAndCorrespondentInDatelineGivesBothAuthors()
    {
        var page = Assemble(new OcrPageBuilder()
            .Display("南溪治水工程全面完工")
            .Paragraph("本报讯（记者 王小明 通讯员 李红）" + RiverA, 16));
        page.Stories.ShouldHaveSingleItem().DatelineByline!.Authors.ShouldBe(["王小明", "李红"]);
    }

    [Fact]
    public void ShortHeadingBetweenParagraphsIsAnIntertitle()
    {
        var page = Assemble(new OcrPageBuilder()
            .Display("南溪治水工程全面完工")
            .Paragraph(RiverA, 16)
            .Display("绿道贯通")
            .Paragraph(RiverB, 16)
            .Line("融媒记者 王小明"));
        var story = page.Stories.ShouldHaveSingleItem();
        story.Body.Select(b => (b.IsIntertitle, b.Text)).ShouldBe([(false, RiverA), (true, "绿道贯通"), (false, RiverB)]);
    }

    [Fact]
    public void ContinuationFromAnotherPageIsMarked()
    {
        var page = Assemble(new OcrPageBuilder()
            .Display("南溪治水工程全面完工")
            .Paragraph("本报讯 " + RiverA, 16)
            .Paragraph("（紧接1版）" + LibraryB, 16));
        page.Stories.Count.ShouldBe(2);
        page.Stories[1].IsContinuation.ShouldBeTrue();
        page.Stories[1].Headline.ShouldBeNull();
    }

    [Fact]
    public void HeadlineWhoseBodyIsElsewhereStaysLoose()
    {
        var page = Assemble(new OcrPageBuilder()
            .Display("秋季运动会圆满闭幕")
            .Line("时政·要闻")
            .Display("南溪治水工程全面完工")
            .Paragraph("本报讯 " + RiverA, 16));
        page.Headlines.ShouldHaveSingleItem().Parts.ShouldBe(["秋季运动会圆满闭幕"]);
        page.Stories.ShouldHaveSingleItem().Column.ShouldBe("时政·要闻");
    }

    [Fact]
    public void LastSectionPrintedAtTheTopOfThePageIsMovedAfterTheBeginning()
    {
        var page = Assemble(new OcrPageBuilder()
            .Paragraph(RiverB, 16)
            .Line("融媒记者 王小明")
            .Display("南溪治水工程全面完工")
            .Paragraph(RiverA, 16)
            .Display("治理成效"));
        var story = page.Stories.ShouldHaveSingleItem();
        story.Body.Select(b => b.Text).ShouldBe([RiverA, "治理成效", RiverB]);
        story.BylineAfter!.Authors.ShouldBe(["王小明"]);
    }

    [Fact]
    public void LetterSpacedNarrowColumnIsJoinedWithoutSpaces()
    {
        var b = new OcrPageBuilder().Display("南溪治水工程全面完工");
        var text = "本报讯" + RiverA;
        for (int i = 0; i < text.Length; i += 4)
            b.Line(string.Join(" ", text.Substring(i, Math.Min(4, text.Length - i)).ToCharArray()));
        var story = Assemble(b).Stories.ShouldHaveSingleItem();
        story.Body.ShouldHaveSingleItem().Text.ShouldBe(RiverA);
    }

    [Fact]
    public void WebTextWithCaptionsAndASplitParagraphIsRead()
    {
        var raw = string.Join("\n", [
            "", "南溪治水工程全面完工 沿岸新建绿道十二公里", "", "治理现场", "",
            RiverA, "", RiverB[..20], "", RiverB[20..], "", "治理成效", "", RiverC, "", "融媒记者 王小明"]);
        var page = new RawPage("web.txt", raw.Split('\n').Select((t, i) => new RawLine(i + 1, t)).ToList(), []);
        var a = PageAssembler.Assemble(page, SiteConfig.Empty, PaperProfile.Unknown);
        var story = a.Stories.ShouldHaveSingleItem();
        story.Body.Select(x => x.Text).ShouldBe([RiverA, RiverB, "治理成效", RiverC]);
        a.Others.ShouldContain(o => o.Text == "治理现场");
        story.BylineAfter!.Authors.ShouldBe(["王小明"]);
    }

    const string MarketA = "5月20日，城东农贸市场完成改造重新开业，新设摊位一百二十个，顾客可以扫码查询每一种蔬菜的产地和检测结果。";
    const string MarketB = "市场管理方表示，改造后的城东农贸市场实行统一收银和电子秤联网，摊主和顾客之间的价格纠纷明显减少。";

    /// <summary>Three stories in a row with no 本报讯 and no byline: only headlines between them (issue 12).</summary>
    [Theory]
    [InlineData(12)]
    [InlineData(18)]
    public void StoriesSeparatedOnlyByHeadlinesAreTold(int column)
    {
        var page = Assemble(new OcrPageBuilder()
            .Display("城西街道新建三家共享书屋")
            .Paragraph(LibraryA, column).Paragraph(LibraryB, column)
            .Display("南溪综合治理工程全面完工")
            .Paragraph(RiverA, column).Paragraph(RiverB, column)
            .Display("城东农贸市场改造后重新开业")
            .Paragraph(MarketA, column).Paragraph(MarketB, column));
        page.Stories.Count.ShouldBe(3);
        Titled(page, "城西街道新建三家共享书屋").Body.Select(b => b.Text).ShouldBe([LibraryA, LibraryB]);
        Titled(page, "南溪综合治理工程全面完工").Body.Select(b => b.Text).ShouldBe([RiverA, RiverB]);
        Titled(page, "城东农贸市场改造后重新开业").Body.Select(b => b.Text).ShouldBe([MarketA, MarketB]);
        page.Boundaries.ShouldAllBe(d => d.NewStory);
    }

    /// <summary>A story set without a headline above it runs on from the one before; its headline printed after it splits them.</summary>
    [Fact]
    public void AStoryRunningOnFromTheOneBeforeIsSplitOffByItsHeadlinePrintedAfterIt()
    {
        var page = Assemble(new OcrPageBuilder()
            .Display("南溪综合治理工程全面完工")
            .Paragraph(RiverA, 14).Paragraph(RiverB, 14)
            .Paragraph(MarketA, 14).Paragraph(MarketB, 14)
            .Display("城东农贸市场改造后重新开业")
            .Line("分类信息").Line("招聘：本公司招聘仓库管理员两名，待遇面议。"));
        page.Stories.Count.ShouldBe(2);
        Titled(page, "南溪综合治理工程全面完工").Body.Select(b => b.Text).ShouldBe([RiverA, RiverB]);
        var market = Titled(page, "城东农贸市场改造后重新开业");
        market.Body.Select(b => b.Text).ShouldBe([MarketA, MarketB]);
        market.Notes.ShouldContain(n => n.NeedsReview && n.Text.Contains("split off by its headline printed after it"));
    }

    /// <summary>
    /// One block of display lines between two stories: the headline of the story before (printed after its text) and
    /// the next one's, a title that shares few words with its text over a subtitle that does.
    /// </summary>
    [Fact]
    public void ABlockBetweenTwoStoriesIsSplitWhereEachPartRepeatsItsOwnStory()
    {
        var page = Assemble(new OcrPageBuilder()
            .Paragraph("本报讯（记者 王小明）" + RiverA, 14).Paragraph(RiverB, 14)
            .Display("南溪综合治理", "工程全面完工", "老街新市焕新颜", "城东农贸市场改造后重新开业")
            .Paragraph(MarketA, 14).Paragraph(MarketB, 14));
        Titled(page, "南溪综合治理工程全面完工").Body.Select(b => b.Text).ShouldBe([RiverA, RiverB]);
        var market = page.Stories.Single(s => s.Body.Count > 0 && s.Body[0].Text == MarketA);
        string.Concat(market.Headline!.Parts).ShouldBe("老街新市焕新颜城东农贸市场改造后重新开业");   // none of the river's parts
    }

    [Fact]
    public void AHeadingBetweenParagraphsAboutTheSameThingIsAnIntertitle()
    {
        var page = Assemble(new OcrPageBuilder()
            .Display("南溪综合治理工程全面完工")
            .Paragraph(RiverA, 16)
            .Display("清淤截污 水清岸绿")
            .Paragraph(RiverB, 16).Paragraph(RiverC, 16)
            .Line("融媒记者 王小明"));
        var story = page.Stories.ShouldHaveSingleItem();
        story.Body.Select(b => b.IsIntertitle ? "## " + b.Text : b.Text).ShouldBe([RiverA, "## 清淤截污 水清岸绿", RiverB, RiverC]);
        page.Boundaries.ShouldHaveSingleItem().NewStory.ShouldBeFalse();
    }

    [Fact]
    public void ShortDisplayLineIsJoinedToTheNextAndFlaggedForChecking()
    {
        var page = Assemble(new OcrPageBuilder()
            .Display("开发区企业推动")
            .Display("党的二十大精神落地见效")
            .Paragraph(RiverA, 16).Paragraph(RiverB, 16)
            .Line("融媒记者 王小明"));
        var h = page.Stories.ShouldHaveSingleItem().Headline.ShouldNotBeNull();
        var headline = HeadlineComposer.Compose(h.Unit.Lines, h.Parts);
        headline.Title.ShouldBe("开发区企业推动党的二十大精神落地见效");
        headline.Notes.ShouldContain(n => n.Contains("kicker, correct it"));
    }
}
