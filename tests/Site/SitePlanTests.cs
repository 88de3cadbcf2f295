using Baoku.Site;
using Baoku.Tests.Support;

namespace Baoku.Tests.Site;

public class SitePlanTests
{
    static SitePlan Plan(params Baoku.Content.Article[] articles)
    {
        var (model, problems) = SiteModelBuilder.Build(articles, Articles.Config with { Build = Articles.Config.Build with { PageSize = 2 } });
        problems.ShouldBeEmpty();
        return SitePlan.Of(model, [new AssetFile("/templates/assets/style.css", "assets/style.css")]);
    }

    [Fact]
    public void EveryPageFeedAndFileIsPlannedOnceWithTheModelObjectItShows()
    {
        var plan = Plan(
            Articles.Make("a", "2022-11-22", campaigns: ["二十大学习"], tags: ["党建"], aliases: ["/old/a/"], sourceFile: "p1.txt"),
            Articles.Make("b", "2022-11-23", tags: ["党建"]),
            Articles.Make("c", "2022-11-24", tags: ["党建"]));

        plan.Files.Select(f => f.Path).ShouldBeUnique();
        plan.Files.OfType<ArticlePage>().Select(p => p.Path).ShouldBe(["2022/11/c/index.html", "2022/11/b/index.html", "2022/11/a/index.html"]);
        var tag = plan.Files.OfType<TermPage>().Where(p => p.Term.Name == "党建").ToList();
        tag.Select(p => (p.Page.Number, p.Page.Of)).ShouldBe([(1, 2), (2, 2)]);
        tag[1].Path.ShouldBe(tag[0].Term.Url + "page/2/index.html");
        plan.Files.OfType<RedirectPage>().ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.Path.ShouldBe("old/a/index.html"), r => r.Target.Url.ShouldBe("2022/11/a/"));
        plan.Files.OfType<FeedFile>().Select(f => f.Path).ShouldBe(["feed.xml", "campaigns/ershida/feed.xml", "campaigns/qinglian/feed.xml"]);
        plan.Paths.ShouldContain("404.html");
        plan.Paths.ShouldContain("robots.txt");
        plan.Paths.ShouldContain("pages/index.html");
        plan.Paths.ShouldContain("assets/style.css");
        plan.Paths.ShouldNotContain(p => p.StartsWith("search/", StringComparison.Ordinal) && p != "search/index.html");
        plan.Files.OfType<SitemapFile>().ShouldHaveSingleItem().Entries[0].ShouldBe(new SitemapEntry("", new DateOnly(2022, 11, 24)));
    }

    [Theory]
    [InlineData(0, 20, 1)]
    [InlineData(20, 20, 1)]
    [InlineData(21, 20, 2)]
    [InlineData(4158, 20, 208)]
    public void PageCountRoundsUp(int items, int size, int pages) => PageNumber.PagesFor(items, size).ShouldBe(pages);

    [Fact]
    public void AnEmptyListStillHasItsFirstPage() =>
        Plan().Files.OfType<SourcePagesPage>().ShouldHaveSingleItem().Page.ShouldBe(new PageNumber(1, 1));

    [Theory]
    [InlineData("https://baoku.example.org/", "/")]
    [InlineData("https://example.org/baoku", "/baoku/")]
    [InlineData("https://example.org/baoku/", "/baoku/")]
    [InlineData("/", "/")]
    [InlineData("", "/")]
    [InlineData("baoku", "/baoku/")]
    [InlineData("/baoku/", "/baoku/")]
    public void TheBasePathIsThePathPartOfTheBaseUrl(string baseUrl, string basePath) =>
        SitePlan.BasePathOf(baseUrl).ShouldBe(basePath);
}
