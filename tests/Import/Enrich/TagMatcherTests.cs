using Baoku.Config;
using Baoku.Import.Enrich;
using Baoku.Tests.Support;

namespace Baoku.Tests.Import.Enrich;

public class TagMatcherTests
{
    private static readonly TagDefinition[] Tags =
    [
        new("外贸", ["外贸", "出口"], 2),
        new("党建", ["党建"], 1),
        new("营商环境", ["营商环境"], 3),
    ];

    [Fact]
    public void TagIsGivenWhenItsPhrasesTogetherReachMin()
    {
        TagMatcher.Match(Tags, "外贸出口形势").ShouldBe(["外贸"]);
        TagMatcher.Match(Tags, "外贸形势").ShouldBeEmpty();
        TagMatcher.Match(Tags, "外贸外贸").ShouldBe(["外贸"]);
    }

    [Fact]
    public void MinIsAThresholdNotAnExactCount()
    {
        TagMatcher.Match(Tags, "营商环境、营商环境").ShouldBeEmpty();
        TagMatcher.Match(Tags, "营商环境、营商环境、营商环境").ShouldBe(["营商环境"]);
        TagMatcher.Match(Tags, "营商环境、营商环境、营商环境、营商环境").ShouldBe(["营商环境"]);
    }

    [Fact]
    public void EqualCountsComeInSiteYmlOrderNotTextOrder() =>
        TagMatcher.Match(Tags, "党建引领。外贸外贸。党建").ShouldBe(["外贸", "党建"]);

    [Fact]
    public void StrongerTagsComeFirst() =>
        TagMatcher.Match(Tags, "外贸出口。党建、党建、党建").ShouldBe(["党建", "外贸"]);

    [Fact]
    public void TheTagsOwnNameWeighsDouble() =>
        TagMatcher.Match(Tags, "党建、党建。出口、出口、出口。").ShouldBe(["党建", "外贸"]);

    [Fact]
    public void OnlyTheFiveStrongestTagsAreGiven()
    {
        var many = Enumerable.Range(1, 8).Select(i => new TagDefinition($"标签{i}", [$"词{i}"], 1)).ToList();
        var text = string.Concat(Enumerable.Range(1, 8).SelectMany(i => Enumerable.Repeat($"词{i}。", i)));
        TagMatcher.Match(many, text).ShouldBe(["标签8", "标签7", "标签6", "标签5", "标签4"]);
    }

    [Fact]
    public void OverlappingOccurrencesOfOnePhraseCountOnce() =>
        TagMatcher.Match([new TagDefinition("哈", ["哈哈"], 2)], "哈哈哈").ShouldBeEmpty();

    [Fact]
    public void MinOfZeroStillNeedsOneOccurrence() =>
        TagMatcher.Match([new TagDefinition("党建", ["党建"], 0)], "无关的文字").ShouldBeEmpty();

    [Fact]
    public void EmptyTextOrNoTagsGiveNoTags()
    {
        TagMatcher.Match(Tags, "").ShouldBeEmpty();
        TagMatcher.Match([], "外贸出口").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("000", "yizhou-yilu", "城市管理")]
    [InlineData("000", "kaifaqu-ershida", "外贸")]
    [InlineData("003", "qinqing-zhitongche", "疫情防控")]
    [InlineData("003", "qinqing-zhitongche", "营商环境")]
    [InlineData("003", "shisiwu-guihua-jiejie", "规划编制")]
    [InlineData("003", "mensuo-dangjian", "党建")]
    [InlineData("004", "shangbannian-jingji", "新质生产力")]
    [InlineData("004", "shangbannian-jingji", "社会治理")]
    [InlineData("001", "qingmiao-photo", "青少年")]
    public void RealTagsFitTheSeedArticles(string page, string id, string tag) =>
        TagMatcher.Match(RealSiteConfig.Config.Tags, SeedArticles.Get(page, id).FullText).ShouldContain(tag);

    [Theory]
    [InlineData("000", "kaifaqu-ershida", "疫情防控")] // two passing mentions of 疫情 in an article about trade
    [InlineData("000", "yizhou-yilu", "外贸")]
    [InlineData("003", "keji-gongzuozhe", "规划编制")]
    public void RealTagsAreNotGivenForPassingMentions(string page, string id, string tag) =>
        TagMatcher.Match(RealSiteConfig.Config.Tags, SeedArticles.Get(page, id).FullText).ShouldNotContain(tag);
}
