using Baoku.Import.Assemble;
using Baoku.Import.Read;

namespace Baoku.Tests.Import.Assemble;

public class HeadlineComposerTests
{
    static List<LineInfo> Lines(params string[] raw) =>
        LineClassifier.Read(raw.Select((t, i) => new RawLine(i + 1, t)).ToList());

    [Fact]
    public void WrappedTitleLineIsRejoined() =>
        HeadlineComposer.Parts(Lines("开发区企业推动", "党的二十大精神落地见效")).ShouldBe(["开发区企业推动党的二十大精神落地见效"]);

    /// <summary>How papers break a headline over lines: the lines are one title, or a kicker and a title (issue 12).</summary>
    [Theory]
    [InlineData("城南街道“幸福食堂”|一年供餐五万余人次", "城南街道“幸福食堂”一年供餐五万余人次")]      // two lines of one length: wrapped
    [InlineData("北山镇开展节前|食品安全大排查", "北山镇开展节前食品安全大排查")]
    [InlineData("西溪社区“共享书房”|开放", "西溪社区“共享书房”开放")]                            // a few characters alone end the line before
    [InlineData("把群众的小事|当成自己的大事", "把群众的小事当成自己的大事")]
    [InlineData("守好一方净土|东湖村开展垃圾分类督导", "守好一方净土|东湖村开展垃圾分类督导")]      // the next line names its own actor
    [InlineData("以实干之风护航项目建设|我县重大项目建设提速", "以实干之风护航项目建设|我县重大项目建设提速")]
    [InlineData("招才引智 人才兴县|我县引进高层次人才一百二十名", "招才引智 人才兴县|我县引进高层次人才一百二十名")] // a phrase pair is a part of its own
    [InlineData("留住乡愁 建好家园|古村落保护项目开工", "留住乡愁 建好家园|古村落保护项目开工")]
    public void WrappedTitleLinesJoinButKickersStayApart(string lines, string parts) =>
        HeadlineComposer.Parts(Lines(lines.Split('|'))).ShouldBe(parts.Split('|'));

    [Fact]
    public void AWebHeadlineThatExclaimsFirstIsAKickerAndATitle() =>
        HeadlineComposer.Parts(Lines("“东阳好物”走出国门！首批三十家企业赴东南亚参展"))
            .ShouldBe(["“东阳好物”走出国门！", "首批三十家企业赴东南亚参展"]);

    [Fact]
    public void ALineGivingFiguresUnderATitleIsItsSubtitle()
    {
        var h = HeadlineComposer.Compose(["竹编老手艺焕发新活力", "城北竹编合作社订单同比增长两成"]);
        (h.Kicker, h.Title, h.Subtitle).ShouldBe((null, "竹编老手艺焕发新活力", "城北竹编合作社订单同比增长两成"));
    }

    [Fact]
    public void VerticallySetFragmentsReadAsTwoPhrases() =>
        HeadlineComposer.Parts(Lines("突破", "迎发展", "整合", "谋未来", "开发区全力推进划转企业交接工作"))
            .ShouldBe(["突破迎发展 整合谋未来", "开发区全力推进划转企业交接工作"]);

    [Fact]
    public void WebHeadlineOnOneLineSplitsAfterTheParallelPhrases() =>
        HeadlineComposer.Parts(Lines("奋勇争先结硕果 凝心聚力启新程 开发区召开上半年经济工作会议"))
            .ShouldBe(["奋勇争先结硕果 凝心聚力启新程", "开发区召开上半年经济工作会议"]);

    [Fact]
    public void TwoPartsAreKickerAndTitle()
    {
        var h = HeadlineComposer.Compose(["章旭升在开展“四大双千”活动时指出", "用心解难争主动 助企发展抢先机"]);
        (h.Kicker, h.Title, h.Subtitle).ShouldBe(("章旭升在开展“四大双千”活动时指出", "用心解难争主动 助企发展抢先机", null));
        h.Notes.ShouldNotBeEmpty();
    }

    [Fact]
    public void SecondPartWithACommaIsTheSubtitle()
    {
        var h = HeadlineComposer.Compose(["智能门（锁）产业党建联盟成立", "推动实现“三个转变”，为产业发展提供组织支撑"]);
        (h.Kicker, h.Title, h.Subtitle).ShouldBe((null, "智能门（锁）产业党建联盟成立", "推动实现“三个转变”，为产业发展提供组织支撑"));
    }

    [Fact]
    public void ThreePartsAreKickerTitleAndSubtitle()
    {
        var h = HeadlineComposer.Compose(["引题", "主题", "副题"]);
        (h.Kicker, h.Title, h.Subtitle).ShouldBe(("引题", "主题", "副题"));
    }
}
