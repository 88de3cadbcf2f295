using Baoku.Import.Enrich;
using Baoku.Tests.Support;

namespace Baoku.Tests.Import;

/// <summary>Page dates through a whole import run: paths, --date / --year, sidecars, and pages whose year nothing tells.</summary>
public class ImportDatesTests
{
    /// <summary>A made-up page: one article reporting on 3月5日, with nothing that tells the year unless <paramref name="extra"/> does.</summary>
    private static string Page(string title, string extra = "") =>
        $"{title}\n\n本报讯（记者 王晓东）3月5日，街道团工委组织青年志愿者清理河道垃圾，{extra}守护一江清水。\n";

    [Fact]
    public void PagesInSubFoldersAreImportedAndDatedByTheirPath()
    {
        using var s = new ImportSandbox();
        s.WriteSeed("2024/03/19/A2.txt", Page("护水志愿服务活动"));
        s.WriteSeed("2023-03-08/A2.txt", Page("学雷锋义诊进村"));
        var r = s.Run();

        r.Problems.ShouldBeEmpty();
        r.Pages.Select(p => p.File).ShouldBe(["2023-03-08/A2.txt", "2024/03/19/A2.txt"]);
        var byTitle = r.Articles.ToDictionary(a => a.FrontMatter.Title);
        byTitle["护水志愿服务活动"].FrontMatter.Date.ShouldBe(new DateOnly(2024, 3, 19));
        byTitle["护水志愿服务活动"].FrontMatter.DateConfidence.ShouldBe("high");
        byTitle["护水志愿服务活动"].FrontMatter.Source!.File.ShouldBe("2024/03/19/A2.txt");
        byTitle["学雷锋义诊进村"].FrontMatter.Date.ShouldBe(new DateOnly(2023, 3, 8));
        byTitle["学雷锋义诊进村"].FrontMatter.Review.ShouldBeEmpty();
        s.Snapshot().Keys.Count(k => k.EndsWith(".md")).ShouldBe(2);
    }

    [Fact]
    public void PageWithoutAnyYearClueIsReviewedAndTakesTheYearOfTheOtherPagesOfItsFolder()
    {
        using var s = new ImportSandbox();
        s.WriteSeed("dongyang/page-03.txt", Page("学雷锋义诊进村", "对2023年发展充满信心，"));
        s.WriteSeed("dongyang/page-07.txt", Page("护水志愿服务活动"));
        s.WriteSeed("other/page-01.txt", Page("春季植树活动", "在第八个“全国科技工作者日”，"));
        var r = s.Run();

        var guessed = r.Articles.Single(a => a.FrontMatter.Title == "护水志愿服务活动").FrontMatter;
        guessed.Date.ShouldBe(new DateOnly(2023, 3, 6));
        guessed.DateConfidence.ShouldBe("low");
        guessed.Review.ShouldBe(["年份无依据"]);
        guessed.DateEvidence.ShouldContain(e => e.Contains("同一文件夹其他版面的年份"));
        File.ReadAllText(Path.Combine(s.Content, r.Articles.Single(a => a.FrontMatter.Title == "护水志愿服务活动").RelativePath))
            .ShouldContain("review:\n  - 年份无依据");
        r.Articles.Where(a => a.FrontMatter.Title != "护水志愿服务活动").ShouldAllBe(a => a.FrontMatter.Review.Count == 0);
    }

    [Fact]
    public void LonePageWithoutAnyYearClueTakesTheNewestYearTheRulesKnowNeverTheClock()
    {
        using var s = new ImportSandbox();
        s.WriteSeed("page-07.txt", Page("护水志愿服务活动"));
        var fm = s.Run().Articles.Single().FrontMatter;
        fm.Date.ShouldBe(new DateOnly(DateClues.NewestKnownYear, 3, 6));
        fm.Review.ShouldBe(["年份无依据"]);
    }

    [Fact]
    public void RunDateWinsOverPathAndTextButASidecarWinsOverIt()
    {
        using var s = new ImportSandbox();
        s.WriteSeed("2024-03-19/A2.txt", Page("护水志愿服务活动"));
        var sidecar = s.WriteSeed("2024-03-19/A3.txt", Page("学雷锋义诊进村"));
        File.WriteAllText(Path.ChangeExtension(sidecar, ".yml"), "date: 2022-11-22\n");
        var r = s.Run(date: new DateOnly(2021, 6, 1));

        var byTitle = r.Articles.ToDictionary(a => a.FrontMatter.Title, a => a.FrontMatter);
        (byTitle["护水志愿服务活动"].Date, byTitle["护水志愿服务活动"].DateConfidence).ShouldBe((new DateOnly(2021, 6, 1), "explicit"));
        byTitle["护水志愿服务活动"].DateEvidence.ShouldHaveSingleItem().ShouldContain("--date");
        (byTitle["学雷锋义诊进村"].Date, byTitle["学雷锋义诊进村"].DateConfidence).ShouldBe((new DateOnly(2022, 11, 22), "explicit"));
    }

    [Fact]
    public void RunYearGivesTheYearAndTheTextTheDay()
    {
        using var s = new ImportSandbox();
        s.WriteSeed("page-07.txt", Page("护水志愿服务活动"));
        var fm = s.Run(year: 2024).Articles.Single().FrontMatter;
        (fm.Date, fm.DateConfidence).ShouldBe((new DateOnly(2024, 3, 6), "high"));
        fm.Review.ShouldBeEmpty();
    }
}
