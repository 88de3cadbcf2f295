using Baoku.Import.Read;

namespace Baoku.Tests.Import.Read;

public class TextCleanerTests
{
    [Theory]
    [InlineData("区 积 极 推 动 党 的 二 十 大", "区积极推动党的二十大")]
    [InlineData("南 路 、九 州 路 的“ 一 周 一 路 ”整 治 工", "南路、九州路的“一周一路”整治工")]
    [InlineData("托管时间从 1 月 11 日到 1 月", "托管时间从1月11日到1月")]
    [InlineData("作 ，先 后 整 改 91 处 隐 患 问 题 。 接 下", "作，先后整改91处隐患问题。接下")]
    [InlineData("了解 5G 技术", "了解5G技术")]
    public void LayoutSpacesBetweenCjkDigitsAndPunctuationAreRemoved(string raw, string expected) =>
        TextCleaner.RemoveLayoutSpaces(raw).ShouldBe(expected);

    [Theory]
    [InlineData("抖音国际版 TikTok Shop 上线", "抖音国际版TikTok Shop上线")]
    [InlineData("版本 1 2", "版本1 2")]
    public void SpacesInsideLatinTextAreKept(string raw, string expected) =>
        TextCleaner.RemoveLayoutSpaces(raw).ShouldBe(expected);

    [Fact]
    public void DoubleMathDotsBecomeChineseEllipsis() =>
        TextCleaner.NormalizeEllipsis("车间⋯⋯连日来").ShouldBe("车间……连日来");

    [Fact]
    public void LoneMathDotIsLeftForTheEditor() =>
        TextCleaner.NormalizeEllipsis("等⋯").ShouldBe("等⋯");

    [Fact]
    public void HeadlineGapBetweenParallelPhrasesIsKept() =>
        TextCleaner.CleanHeadline("用心解难争主动 助企发展抢先机").ShouldBe("用心解难争主动 助企发展抢先机");

    [Fact]
    public void LetterSpacedHeadlineIsClosedUp() =>
        TextCleaner.CleanHeadline("声 明").ShouldBe("声明");

    [Fact]
    public void DigitSpacingIsNotJustification() =>
        TextCleaner.HasLayoutSpaces("11 月 21 日，开发区组织部分辖区").ShouldBeFalse();

    [Fact]
    public void LetterSpacedLineIsJustification() =>
        TextCleaner.HasLayoutSpaces("企 业 负 责 人 进 行").ShouldBeTrue();

    [Theory]
    [InlineData("脑海心田。", true)]
    [InlineData("还算过得去。”", true)]
    [InlineData("发展路线图越发清晰——", true)]
    [InlineData("总体来讲企业经营目前还算过得去”", false)]
    [InlineData("经济开发", false)]
    public void SentenceEndsAreRecognised(string line, bool ends) => TextCleaner.EndsSentence(line).ShouldBe(ends);

    [Fact]
    public void WidthCountsHalfWidthDigitsAsHalfACell() => TextCleaner.Width("2023年").ShouldBe(3);

    [Fact]
    public void JoiningLinesKeepsEveryCharacter()
    {
        var lines = new[] { "从党员干部到员工群众、从会议", "室到生产车间……连日来" };
        TextCleaner.JoinLines(lines).ShouldBe("从党员干部到员工群众、从会议室到生产车间……连日来");
    }
}
