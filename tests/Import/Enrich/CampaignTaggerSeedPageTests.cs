using Baoku.Import.Enrich;
using Baoku.Tests.Support;

namespace Baoku.Tests.Import.Enrich;

/// <summary>The real site.yml on articles cut from the seed pages: the newsroom's notes on which article belongs to which campaign.</summary>
public class CampaignTaggerSeedPageTests
{
    private static int Score(string page, string id, string campaign)
    {
        var a = SeedArticles.Get(page, id);
        return CampaignTagger.Score(RealSiteConfig.Config.Campaigns, a.Headline, a.Body).Single(m => m.Campaign == campaign).Score;
    }

    private static bool Matches(string page, string id, string campaign)
    {
        var a = SeedArticles.Get(page, id);
        return CampaignTagger.Matching(RealSiteConfig.Config.Campaigns, a.Headline, a.Body).Contains(campaign);
    }

    private static int Threshold(string campaign) => RealSiteConfig.Campaign(campaign).Threshold;

    [Fact]
    public void TwentiethThirdPlenumIsNotTwentiethCongressStudy()
    {
        // 004: "动员全区上下学习贯彻党的二十届三中全会精神" (twice): another meeting.
        Score("004", "shangbannian-jingji", "二十大学习").ShouldBe(0);
        CampaignTagger.Matching(RealSiteConfig.Config.Campaigns, "学习贯彻党的二十届三中全会精神", "深入学习贯彻党的二十届三中全会精神。")
            .ShouldNotContain("二十大学习");
    }

    [Fact]
    public void PassingMentionOfTwentiethCongressSpiritIsNotTwentiethCongressStudy()
    {
        // 001 胡勇春: "深入学习贯彻党的二十大精神和中央经济工作会议精神" once, in an article about 四大双千.
        Score("001", "hu-yongchun", "二十大学习").ShouldBeInRange(1, Threshold("二十大学习") - 1);
        Matches("001", "hu-yongchun", "二十大学习").ShouldBeFalse();
    }

    [Fact]
    public void KaifaquBringingTheTwentiethCongressSpiritToEnterprisesIsTwentiethCongressStudy()
    {
        Matches("000", "kaifaqu-ershida", "二十大学习").ShouldBeTrue();
        // Even its headline alone does it: "开发区企业推动党的二十大精神落地见效".
        var a = SeedArticles.Get("000", "kaifaqu-ershida");
        CampaignTagger.Matching(RealSiteConfig.Config.Campaigns, a.Headline, "").ShouldContain("二十大学习");
    }

    [Fact]
    public void QinqingZhitongcheForumIsCleanPrivateEnterprise() =>
        Matches("003", "qinqing-zhitongche", "清廉民企").ShouldBeTrue();

    [Fact]
    public void MidYearMeetingWithQinglianGongchengAndQinglianMinqiIsCleanPrivateEnterprise() =>
        Matches("004", "shangbannian-jingji", "清廉民企").ShouldBeTrue();

    [Fact]
    public void KaifaquBuildingAQinglianParkIsCleanPrivateEnterprise()
    {
        // 002: "加强清廉园区建设…政商亲清…推动清廉园区建设走在前列".
        Matches("002", "kaifaqu-zhishi", "清廉民企").ShouldBeTrue();
    }

    [Theory]
    [InlineData("zhang-xusheng")]
    [InlineData("hu-yongchun")]
    public void BothPage001VisitsAreSidaShuangqian(string id) =>
        Matches("001", id, "四大双千").ShouldBeTrue();

    [Fact]
    public void SingleMentionOfQinglianMinqiIsNotEnough() =>
        CampaignTagger.Matching(RealSiteConfig.Config.Campaigns, "开发区召开工作会议", "会上还提到清廉民企建设。").ShouldBeEmpty();

    public static TheoryData<string, string, string> ExpectedCampaigns => new()
    {
        { "000", "kaifaqu-ershida", "二十大学习" },
        { "000", "yizhou-yilu", "" },
        { "000", "zhiying-jiaojie", "" },
        { "001", "qingmiao-photo", "" },
        { "001", "zhang-xusheng", "四大双千" },
        { "001", "hu-yongchun", "四大双千" },
        { "002", "kaifaqu-zhishi", "清廉民企" },
        { "003", "shaoxiandui-photo", "" },
        { "003", "qinqing-zhitongche", "清廉民企" },
        { "003", "mensuo-dangjian", "" },
        { "003", "keji-gongzuozhe", "" },
        { "003", "jinhua-diaoyan", "" },
        { "003", "shisiwu-guihua-jiejie", "" },
        { "004", "shangbannian-jingji", "清廉民企" },
    };

    [Theory]
    [MemberData(nameof(ExpectedCampaigns))]
    public void EverySeedArticleGetsExactlyItsCampaigns(string page, string id, string expected)
    {
        var a = SeedArticles.Get(page, id);
        string.Join(",", CampaignTagger.Matching(RealSiteConfig.Config.Campaigns, a.Headline, a.Body)).ShouldBe(expected);
    }

    [Fact]
    public void TheExpectationTableCoversEverySeedArticle() =>
        SeedArticles.All().Select(a => (a.Page, a.Id)).ShouldBe(
            ExpectedCampaigns.Select(row => ((string)row[0], (string)row[1])), ignoreOrder: true);
}
