using Baoku.Config;

namespace Baoku.Tests.Config;

public class BuildSettingsTests
{
    [Fact]
    public void MissingBuildSectionGivesDefaults()
    {
        var (config, problems) = SiteConfigLoader.LoadFromString("title: 报库\n", "site.yml");
        problems.ShouldBeEmpty();
        config!.Build.ShouldBe(BuildSettings.Default);
    }

    [Fact]
    public void BuildValuesAreRead()
    {
        var (config, _) = SiteConfigLoader.LoadFromString("title: 报库\nbuild:\n  page_size: 10\n  related:\n    count: 3\n    people: 9.5\n", "site.yml");
        config!.Build.PageSize.ShouldBe(10);
        config.Build.Related.Count.ShouldBe(3);
        config.Build.Related.People.ShouldBe(9.5);
    }

    [Fact]
    public void NegativePageSizeIsAnErrorWithItsLine()
    {
        var (config, problems) = SiteConfigLoader.LoadFromString("title: 报库\nbuild:\n  page_size: -1\n", "site.yml");
        config.ShouldBeNull();
        problems.ShouldContain(p => p.Line == 3 && p.Message.Contains("page_size"));
    }

    [Fact]
    public void MenuPathLeavingTheSiteIsRefused()
    {
        var (config, problems) = SiteConfigLoader.LoadFromString("title: 报库\nmenu:\n  - { name: 坏, path: ../../etc }\n", "site.yml");
        config.ShouldBeNull();
        problems.ShouldContain(p => p.Line == 3);
    }

    [Fact]
    public void FoldedChineseDescriptionHasNoSpaceWhereTheLineBroke()
    {
        var (config, _) = SiteConfigLoader.LoadFromString(
            "title: 报库\ncampaigns:\n  - name: 甲\n    slug: jia\n    threshold: 1\n    phrases: { 甲: 1 }\n    description: >-\n      收录清廉民企的报道，\n      包括 5G 应用。\n", "site.yml");
        config!.Campaigns[0].Description.ShouldBe("收录清廉民企的报道，包括 5G 应用。");
    }
}
