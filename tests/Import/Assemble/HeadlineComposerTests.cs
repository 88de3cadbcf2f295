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
