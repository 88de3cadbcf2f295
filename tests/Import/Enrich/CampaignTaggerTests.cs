using Baoku.Config;
using Baoku.Import.Enrich;

namespace Baoku.Tests.Import.Enrich;

/// <summary>The scoring rules on small made-up texts.</summary>
public class CampaignTaggerTests
{
    private static CampaignDefinition Campaign(string name, int threshold, IReadOnlyList<string>? exclude = null, params (string Phrase, int Weight)[] phrases) =>
        new(name, name.ToLowerInvariant(), "", phrases.ToDictionary(p => p.Phrase, p => p.Weight), threshold, exclude ?? []);

    private static CampaignMatch ScoreOne(CampaignDefinition c, string headline, string body) =>
        CampaignTagger.Score([c], headline, body).ShouldHaveSingleItem();

    [Fact]
    public void ScoreIsTheSumOfWeightTimesCount()
    {
        var c = Campaign("A", 6, null, ("清廉民企", 3), ("亲清", 1));
        var m = ScoreOne(c, "", "推动清廉民企建设，获评清廉民企。构建亲清关系。");
        m.Score.ShouldBe(3 * 2 + 1 * 1);
        m.Hits.ShouldBe([new PhraseHit("清廉民企", 2, 3), new PhraseHit("亲清", 1, 1)]);
    }

    [Fact]
    public void HeadlineOccurrenceCountsThreeTimes()
    {
        var c = Campaign("A", 6, null, ("四大双千", 2));
        ScoreOne(c, "开展“四大双千”活动", "").Score.ShouldBe(6);
        ScoreOne(c, "", "开展“四大双千”活动").Score.ShouldBe(2);
        var both = ScoreOne(c, "开展“四大双千”活动", "以“四大双千”活动为载体");
        both.Hits.ShouldHaveSingleItem().Count.ShouldBe(4);
        both.Score.ShouldBe(8);
    }

    [Fact]
    public void ExcludedPhraseIsBlankedBeforeCountingSoItCannotMatch()
    {
        var c = Campaign("A", 1, ["二十届"], ("党的二十", 5), ("三中全会", 1));
        var m = ScoreOne(c, "学习贯彻党的二十届三中全会精神", "党的二十届三中全会");
        m.Hits.Select(h => h.Phrase).ShouldBe(["三中全会"]);
        m.Score.ShouldBe(3 + 1);

        var without = Campaign("B", 1, null, ("党的二十", 5));
        ScoreOne(without, "", "党的二十届三中全会").Score.ShouldBe(5, "the same text matches when nothing is excluded");
    }

    [Fact]
    public void ExcludeCannotJoinTheTextAroundItIntoAPhrase()
    {
        var c = Campaign("A", 1, ["XX"], ("清廉", 1));
        ScoreOne(c, "", "清XX廉").Score.ShouldBe(0);
    }

    [Fact]
    public void OccurrencesAreCountedWithoutOverlap()
    {
        CampaignTagger.CountOccurrences("哈哈哈", "哈哈").ShouldBe(1);
        CampaignTagger.CountOccurrences("哈哈哈哈", "哈哈").ShouldBe(2);
        CampaignTagger.CountOccurrences("", "哈").ShouldBe(0);
        CampaignTagger.CountOccurrences("哈", "").ShouldBe(0);
    }

    [Fact]
    public void PhraseDoesNotMatchAcrossParagraphs()
    {
        var c = Campaign("A", 1, null, ("清廉民企", 3));
        ScoreOne(c, "", "推动清廉\n民企建设").Score.ShouldBe(0);
    }

    [Fact]
    public void ScoreEqualToTheThresholdMatchesAndOneLessDoesNot()
    {
        var c = Campaign("A", 6, null, ("清廉民企", 3));
        var atThreshold = ScoreOne(c, "", "清廉民企。清廉民企。");
        atThreshold.Score.ShouldBe(6);
        CampaignTagger.IsMatch(atThreshold, c).ShouldBeTrue();

        var below = ScoreOne(c with { Threshold = 7 }, "", "清廉民企。清廉民企。");
        CampaignTagger.IsMatch(below, c with { Threshold = 7 }).ShouldBeFalse();
    }

    [Fact]
    public void EveryCampaignIsReturnedInSiteYmlOrderMatchedOrNot()
    {
        CampaignDefinition[] campaigns =
        [
            Campaign("C", 1, null, ("丙", 1)),
            Campaign("A", 1, null, ("甲", 1)),
            Campaign("B", 1, null, ("乙", 1)),
        ];
        var result = CampaignTagger.Score(campaigns, "", "乙乙");
        result.Select(m => (m.Campaign, m.Score)).ShouldBe([("C", 0), ("A", 0), ("B", 2)]);
        result[0].Hits.ShouldBeEmpty();
        CampaignTagger.Matching(campaigns, "", "乙乙").ShouldBe(["B"]);
    }

    [Fact]
    public void NoCampaignsGiveNoScores() =>
        CampaignTagger.Score([], "标题", "正文").ShouldBeEmpty();
}
