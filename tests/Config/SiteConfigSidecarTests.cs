using Baoku.Config;

namespace Baoku.Tests.Config;

/// <summary>Sidecar files (seeds/000_x.yml next to seeds/000_x.txt): read, validated, and winning over site.yml.</summary>
public sealed class SiteConfigSidecarTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("baoku-sidecar-").FullName;
    private string Page => Path.Combine(_dir, "000_fcd394e6e566bb03.txt");
    private string Sidecar => Path.Combine(_dir, "000_fcd394e6e566bb03.yml");

    public SiteConfigSidecarTests() => File.WriteAllText(Page, "raw page");
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void SidecarPathIsThePagesPathWithYmlInsteadOfTxt() =>
        SidecarLoader.SidecarPath(Path.Combine("seeds", "000_x.txt")).ShouldBe(Path.Combine("seeds", "000_x.yml"));

    [Fact]
    public void NoSidecarMeansNothingStatedAndNoProblem()
    {
        SidecarLoader.Load(Page, out var problems).ShouldBeNull();
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void SidecarNextToThePageIsRead()
    {
        File.WriteAllText(Sidecar, "date: 2022-11-22\npage: 开发区专版\n");
        SidecarLoader.Load(Page, out var problems).ShouldBe(new PageOverride(new DateOnly(2022, 11, 22), "开发区专版"));
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void SidecarWithAnInvalidDateIsAnErrorNamingTheSidecarAndLine()
    {
        File.WriteAllText(Sidecar, "page: 开发区专版\ndate: 2022-11-31\n");
        SidecarLoader.Load(Page, out var problems).ShouldBeNull();
        var e = problems.ShouldHaveSingleItem();
        e.Severity.ShouldBe(ProblemSeverity.Error);
        e.File.ShouldBe(Sidecar);
        e.Line.ShouldBe(2);
    }

    [Fact]
    public void MalformedSidecarIsAnErrorNotAnException()
    {
        File.WriteAllText(Sidecar, "date: [2022-11-22\n");
        SidecarLoader.Load(Page, out var problems).ShouldBeNull();
        problems.ShouldHaveSingleItem().File.ShouldBe(Sidecar);
    }

    [Fact]
    public void SidecarWinsOverSiteYml()
    {
        var (config, _) = SiteConfigLoader.LoadFromString(
            "title: 报库\npages:\n  000_fcd394e6e566bb03.txt: { date: 2020-01-01, page: 一版 }\n", "site.yml");
        File.WriteAllText(Sidecar, "date: 2022-11-22\n");

        var page = SidecarLoader.Resolve(config!, Page, out var problems);

        problems.ShouldBeEmpty();
        page.ShouldBe(new PageOverride(new DateOnly(2022, 11, 22), "一版"));
    }

    [Fact]
    public void SiteYmlAloneIsUsedWhenThereIsNoSidecar()
    {
        var (config, _) = SiteConfigLoader.LoadFromString(
            "title: 报库\npages:\n  000_fcd394e6e566bb03.txt: { date: 2020-01-01 }\n", "site.yml");
        SidecarLoader.Resolve(config!, Page, out _).ShouldBe(new PageOverride(new DateOnly(2020, 1, 1), null));
    }

    [Fact]
    public void MergeTakesEachFieldFromTheSidecarWhenItStatesIt()
    {
        var site = new PageOverride(new DateOnly(2020, 1, 1), "一版");
        SidecarLoader.Merge(site, new PageOverride(null, "二版")).ShouldBe(new PageOverride(new DateOnly(2020, 1, 1), "二版"));
        SidecarLoader.Merge(site, null).ShouldBe(site);
        SidecarLoader.Merge(null, site).ShouldBe(site);
        SidecarLoader.Merge(null, null).ShouldBeNull();
    }
}
