using Baoku.Site;
using Baoku.Tests.Support;

namespace Baoku.Tests.Site;

public class SiteModelBuilderTests
{
    static SiteModel Build(params Baoku.Content.Article[] articles)
    {
        var (model, problems) = SiteModelBuilder.Build(articles, Articles.Config);
        problems.ShouldBeEmpty();
        return model;
    }

    [Fact]
    public void ArticlesAreNewestFirstWithNeighboursInTime()
    {
        var m = Build(Articles.Make("b", "2023-01-02"), Articles.Make("a", "2022-05-01"), Articles.Make("c", "2024-03-03"));
        m.Articles.Select(a => a.Source.Slug).ShouldBe(["c", "b", "a"]);
        m.Articles[1].Newer!.Source.Slug.ShouldBe("c");
        m.Articles[1].Older!.Source.Slug.ShouldBe("a");
        m.Articles[0].Newer.ShouldBeNull();
    }

    [Fact]
    public void DraftsAreLeftOut() =>
        Build(Articles.Make("a", "2022-05-01"), Articles.Make("d", "2022-05-02", draft: true)).Articles.Count.ShouldBe(1);

    [Fact]
    public void EveryCampaignOfSiteYmlHasAPageEvenWithoutArticles()
    {
        var m = Build(Articles.Make("a", "2022-05-01", campaigns: ["清廉民企"]));
        var campaigns = m.Taxonomies[TaxonomyKind.Campaign].Terms;
        campaigns.Select(t => (t.Name, t.Articles.Count, t.Url)).ShouldBe([("二十大学习", 0, "campaigns/ershida/"), ("清廉民企", 1, "campaigns/qinglian/")]);
    }

    [Fact]
    public void TermsAreOrderedByArticleCountThenName()
    {
        var m = Build(Articles.Make("a", "2022-05-01", tags: ["乙", "甲"]), Articles.Make("b", "2022-05-02", tags: ["乙"]));
        m.Taxonomies[TaxonomyKind.Tag].Terms.Select(t => (t.Name, t.Articles.Count)).ShouldBe([("乙", 2), ("甲", 1)]);
    }

    [Fact]
    public void PeopleOrgsAndColumnsBecomeTerms()
    {
        var m = Build(Articles.Make("a", "2022-05-01", people: ["胡文建"], orgs: ["市商务局"], column: "时政·要闻"));
        var a = m.Articles.Single();
        a.People.Single().Name.ShouldBe("胡文建");
        a.Orgs.Single().Url.ShouldStartWith("orgs/");
        a.Column!.Name.ShouldBe("时政·要闻");
    }

    [Fact]
    public void ArchivesGroupByYearMonthAndDay()
    {
        var m = Build(Articles.Make("a", "2022-11-22"), Articles.Make("b", "2022-11-22"), Articles.Make("c", "2022-12-01"), Articles.Make("d", "2023-01-12"));
        m.Years.Select(y => (y.Year, y.Count)).ShouldBe([(2023, 1), (2022, 3)]);
        var nov = m.Years[1].Months[0];
        (nov.Month, nov.Url, nov.Days.Single().Articles.Count).ShouldBe((11, "2022/11/", 2));
    }

    [Fact]
    public void SourcePagesListTheirArticlesInPrintOrderWithNeighbours()
    {
        var m = Build(
            Articles.Make("late", "2022-11-22", sourceFile: "000.txt", lines: "190-290"),
            Articles.Make("early", "2022-11-22", sourceFile: "000.txt", lines: "3-189"),
            Articles.Make("other", "2023-01-12", sourceFile: "001.txt", lines: "16-163"));
        m.SourcePages.Select(p => p.File).ShouldBe(["001.txt", "000.txt"]);
        m.SourcePages[1].Articles.Select(a => a.Source.Slug).ShouldBe(["early", "late"]);
        m.SourcePages[1].Next!.File.ShouldBe("001.txt");
        m.SourcePages[0].Previous!.File.ShouldBe("000.txt");
    }

    [Fact]
    public void SlugThatTakesADayArchiveUrlIsAnError()
    {
        var (_, problems) = SiteModelBuilder.Build([Articles.Make("22", "2022-11-22"), Articles.Make("x", "2022-11-22")], Articles.Config);
        problems.ShouldContain(p => p.Message.Contains("2022/11/22/") && p.File.Contains("2022/11/22.md"));
    }

    [Fact]
    public void AliasThatTakesAnArticleUrlIsAnError()
    {
        var (_, problems) = SiteModelBuilder.Build([Articles.Make("a", "2022-11-22"), Articles.Make("b", "2022-11-23", aliases: ["2022/11/a/"])], Articles.Config);
        problems.ShouldContain(p => p.Message.Contains("2022/11/a/"));
    }

    [Fact]
    public void SummaryIsTheFirstParagraphAsPlainText()
    {
        var m = Build(Articles.Make("a", "2022-05-01", body: "## 小标题\n\n第一段[链接](/x/)有*强调*。\n\n第二段。"));
        m.Articles.Single().Summary.ShouldBe("第一段链接有强调。");
    }
}
