using Baoku.Config;
using Baoku.Import.Read;

namespace Baoku.Tests.Import.Read;

public class BylineParserTests
{
    [Theory]
    [InlineData("□记者 颜元滔", "颜元滔")]
    [InlineData("□记者颜元滔", "颜元滔")]
    [InlineData("□首席记者 张赤奎", "张赤奎")]
    [InlineData("融媒记者 潘燕佳", "潘燕佳")]
    [InlineData(" □记者 颜元滔", "颜元滔")]
    public void StandaloneBylineGivesTheAuthor(string line, string author)
    {
        var b = BylineParser.ParseLine(line, PaperProfile.Unknown).ShouldNotBeNull();
        b.Authors.ShouldBe([author]);
        b.Photographers.ShouldBeEmpty();
    }

    [Fact]
    public void ReporterAndCorrespondentAreBothAuthors()
    {
        var b = BylineParser.ParseLine("本报记者 王小明 通讯员 李红 赵刚", PaperProfile.Unknown).ShouldNotBeNull();
        b.Authors.ShouldBe(["王小明", "李红", "赵刚"]);
    }

    [Fact]
    public void TextAndPhotoCreditsAreSeparated()
    {
        var b = BylineParser.ParseLine("文/王小明 图/李红", PaperProfile.Unknown).ShouldNotBeNull();
        b.Authors.ShouldBe(["王小明"]);
        b.Photographers.ShouldBe(["李红"]);
    }

    [Fact]
    public void PhotoCreditGivesAPhotographer()
    {
        var b = BylineParser.ParseLine("融媒记者 卢斌 摄", PaperProfile.Unknown).ShouldNotBeNull();
        b.Authors.ShouldBeEmpty();
        b.Photographers.ShouldBe(["卢斌"]);
    }

    [Theory]
    [InlineData("名园北大道沿线违章停车的现象少了，")]
    [InlineData("记者会上，市长表示")]
    [InlineData("管理像绣花一样精细")]
    public void ProseIsNotAByline(string line) => BylineParser.ParseLine(line, PaperProfile.Unknown).ShouldBeNull();

    [Fact]
    public void DatelineBylineIsSplitOffTheParagraph()
    {
        var (b, rest) = BylineParser.SplitLead("本报讯（融媒首席记者陈晓苏）1月11日下午，市委书记", PaperProfile.Unknown);
        b.ShouldNotBeNull().Authors.ShouldBe(["陈晓苏"]);
        b.Raw.ShouldBe("本报讯（融媒首席记者陈晓苏）");
        rest.ShouldBe("1月11日下午，市委书记");
    }

    [Fact]
    public void DatelineWithoutBylineLeavesTheText()
    {
        var (b, rest) = BylineParser.SplitLead("本报讯 5月28日，我市首场", PaperProfile.Unknown);
        b.ShouldNotBeNull().IsEmpty.ShouldBeTrue();
        b.Raw.ShouldBe("本报讯");
        rest.ShouldBe("5月28日，我市首场");
    }

    [Fact]
    public void TrailingPhotoCreditIsSplitFromCaption()
    {
        var (text, credit) = BylineParser.SplitTrailingCredit("450名小学生戴上了鲜艳的红领巾。 记者 林群心 摄", PaperProfile.Unknown);
        text.ShouldBe("450名小学生戴上了鲜艳的红领巾。");
        credit.ShouldNotBeNull().Photographers.ShouldBe(["林群心"]);
    }
}
