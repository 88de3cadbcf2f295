using Baoku.Config;
using Baoku.Site;
using Baoku.Tests.Support;

namespace Baoku.Tests.Site;

public class RelatedArticlesTests
{
    static SiteModel Build(params Baoku.Content.Article[] articles) => SiteModelBuilder.Build(articles, Articles.Config).Model;

    [Fact]
    public void SharedPersonOutranksSharedCampaign()
    {
        var m = Build(
            Articles.Make("a", "2023-01-10", campaigns: ["清廉民企"], people: ["胡文建"]),
            Articles.Make("person", "2023-01-09", people: ["胡文建"]),
            Articles.Make("campaign", "2023-01-09", campaigns: ["清廉民企"]));
        m.Articles.Single(x => x.Source.Slug == "a").Related.Select(r => r.Source.Slug).ShouldBe(["person", "campaign"]);
    }

    [Fact]
    public void NearerInTimeWinsBetweenEqualMatches()
    {
        var m = Build(
            Articles.Make("a", "2023-01-10", tags: ["党建"]),
            Articles.Make("old", "2019-01-10", tags: ["党建"]),
            Articles.Make("near", "2022-12-10", tags: ["党建"]));
        m.Articles.Single(x => x.Source.Slug == "a").Related.Select(r => r.Source.Slug).ShouldBe(["near", "old"]);
    }

    [Fact]
    public void ArticlesSharingNothingAreNotRelated()
    {
        var m = Build(Articles.Make("a", "2023-01-10", tags: ["党建"], body: "苹果香蕉"), Articles.Make("b", "2023-01-10", tags: ["外贸"], body: "汽车飞机"));
        m.Articles.ShouldAllBe(x => x.Related.Count == 0);
    }

    [Fact]
    public void SharedDistinctiveWordsRelateArticlesWithoutTerms()
    {
        var m = Build(
            Articles.Make("a", "2023-01-10", title: "智能门锁产业联盟成立", body: "智能门锁产业党建联盟成立。"),
            Articles.Make("b", "2023-01-11", title: "门锁联盟授信", body: "智能门锁联盟获得授信。"),
            Articles.Make("c", "2023-01-12", title: "南溪治水完工", body: "南溪治理工程完工。"));
        m.Articles.Single(x => x.Source.Slug == "a").Related.Select(r => r.Source.Slug).ShouldBe(["b"]);
    }

    [Fact]
    public void AtMostTheConfiguredNumberAndNeverItself()
    {
        var articles = Enumerable.Range(1, 12).Select(i => Articles.Make($"a{i}", $"2023-01-{i:D2}", tags: ["党建"])).ToArray();
        var m = Build(articles);
        m.Articles.ShouldAllBe(x => x.Related.Count == RelatedWeights.Default.Count && !x.Related.Contains(x));
    }

    [Fact]
    public void RelatedIsDeterministic()
    {
        var articles = Enumerable.Range(1, 30).Select(i => Articles.Make($"a{i}", $"2023-01-{(i % 28) + 1:D2}", tags: [i % 2 == 0 ? "党建" : "外贸"], campaigns: ["清廉民企"])).ToArray();
        var first = Build(articles).Articles.Select(a => string.Join(",", a.Related.Select(r => r.Url))).ToList();
        var second = Build(articles.Reverse().ToArray()).Articles.Select(a => string.Join(",", a.Related.Select(r => r.Url))).ToList();
        second.ShouldBe(first);
    }
}
