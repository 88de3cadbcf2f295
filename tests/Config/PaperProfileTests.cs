using Baoku.Config;

namespace Baoku.Tests.Config;

/// <summary>site.yml's papers: which raw pages a paper's profile claims, and how mistakes are reported.</summary>
public class PaperProfileTests
{
    static (SiteConfig? Config, IReadOnlyList<Problem> Problems) Load(string papers) =>
        SiteConfigLoader.LoadFromString("title: 报库\npapers:\n" + papers.ReplaceLineEndings("\n"), "site.yml");

    [Fact]
    public void ProfilesAreReadWithTheirWords()
    {
        var (config, problems) = Load("""
              - name: 东阳日报
                files: ["东阳日报_*", "dongyang/**"]
                lead_prefixes: [东阳新闻网]
                roles: [融媒记者]
                labels: [要闻, 综合新闻]
              - name: 永康日报
            """);
        problems.ShouldBeEmpty();
        var papers = config!.Papers;
        papers.Select(p => p.Name).ShouldBe(["东阳日报", "永康日报"]);
        papers[0].LeadPrefixes.ShouldBe(["东阳新闻网"]);
        papers[0].Labels.ShouldBe(["要闻", "综合新闻"]);
        papers[1].Files.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("东阳日报_2023年01月12日_第5版.txt", "东阳日报")]
    [InlineData("dongyang/2023/01/12/05.txt", "东阳日报")]
    [InlineData("dongyang/05.txt", "东阳日报")]
    [InlineData("seeds/000_fcd394e6e566bb03.txt", "永康日报")]
    [InlineData("义乌商报_2023.txt", "永康日报")]
    public void APageGoesToTheFirstProfileThatClaimsItElseToTheCatchAll(string path, string paper)
    {
        var (config, _) = Load("""
              - name: 东阳日报
                files: ["东阳日报_*", "dongyang/**"]
              - name: 永康日报
            """);
        PaperProfile.For(config!.Papers, path).Name.ShouldBe(paper);
    }

    [Fact]
    public void WithoutProfilesEveryPageIsAnUnknownPaper() =>
        PaperProfile.For([], "x/page-01.txt").ShouldBeSameAs(PaperProfile.Unknown);

    [Fact]
    public void AProfileWithoutANameIsAnErrorOnItsLine()
    {
        var (config, problems) = Load("  - files: [a*]\n");
        config.ShouldBeNull();
        var error = problems.ShouldHaveSingleItem();
        error.Code.ShouldBe(ProblemCodes.SiteConfigError);
        error.Line.ShouldBe(3);
    }

    [Fact]
    public void AnUnknownKeyInAProfileIsAWarning()
    {
        var (config, problems) = Load("  - name: 东阳日报\n    prefixes: [东阳]\n");
        config.ShouldNotBeNull();
        problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.SiteConfigWarning);
    }
}
