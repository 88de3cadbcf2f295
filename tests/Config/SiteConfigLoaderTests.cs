using System.Text.RegularExpressions;
using Baoku.Config;
using Baoku.Tests.Support;
using FsCheck.Xunit;

namespace Baoku.Tests.Config;

public class SiteConfigLoaderTests
{
    private const string File = "site.yml";

    private static (SiteConfig? Config, IReadOnlyList<Problem> Problems) Load(string yaml) =>
        SiteConfigLoader.LoadFromString(yaml.ReplaceLineEndings("\n"), File);

    private static Problem SingleError(IReadOnlyList<Problem> problems) =>
        problems.Where(p => p.Severity == ProblemSeverity.Error).ShouldHaveSingleItem();

    private const string MinimalCampaign = """
        title: 报库
        campaigns:
          - name: 四大双千
            slug: sida-shuangqian
            threshold: 6
            phrases: { 四大双千: 3 }
        """;

    // ───────────── the real site.yml ─────────────

    [Fact]
    public void RealSiteYmlLoadsWithoutAnyProblem()
    {
        var (config, problems) = SiteConfigLoader.Load(Path.Combine(SeedArticles.RepoRoot, "site.yml"));

        problems.ShouldBeEmpty();
        config.ShouldNotBeNull();
        config.Title.ShouldBe("永康日报·报库");
        config.BaseUrl.ShouldBe("https://baoku.example.org/");
        config.Build.Related.Count.ShouldBe(5);
        config.Menu.ShouldContain(m => m.Name == "专题" && m.Path == "campaigns/");
        config.Campaigns.Select(c => (c.Name, c.Slug)).ShouldBe(
            [("二十大学习", "ershida-xuexi"), ("清廉民企", "qinglian-minqi"), ("四大双千", "sida-shuangqian")]);
        config.Campaigns.ShouldAllBe(c => c.Description.Length > 40 && c.Threshold > 0 && c.Phrases.Count > 0);
        config.Campaigns[0].Exclude.ShouldContain("二十届");
        config.Tags.Count.ShouldBeGreaterThanOrEqualTo(15);
        config.Tags.Select(t => t.Name).ShouldContain("营商环境");
        config.Tags.Select(t => t.Name).ShouldContain("新质生产力");
        config.Tags.ShouldAllBe(t => t.Phrases.Count > 0 && t.MinCount >= 1);
        config.Columns.ShouldBe(["二十大精神在基层", "时政·要闻"]);
        config.Pages.ShouldBeEmpty();
    }

    [Fact]
    public void RealSiteYmlHasAnEnglishCommentBeforeEverySection()
    {
        var lines = System.IO.File.ReadAllLines(Path.Combine(SeedArticles.RepoRoot, "site.yml"));
        foreach (var key in new[] { "title:", "base_url:", "campaigns:", "tags:", "columns:", "pages:" })
        {
            var at = Array.FindIndex(lines, l => l.StartsWith(key, StringComparison.Ordinal));
            at.ShouldBeGreaterThan(0, $"{key} missing");
            lines[at - 1].ShouldStartWith("#", customMessage: $"{key} has no comment above it");
            lines[at - 1].ShouldMatch("[A-Za-z]{3,}", $"the comment above {key} is not in English");
        }
    }

    [Fact]
    public void RealSiteYmlPagesSectionShowsACommentedExample()
    {
        var text = System.IO.File.ReadAllText(Path.Combine(SeedArticles.RepoRoot, "site.yml"));
        text.ShouldContain("#   000_fcd394e6e566bb03.txt: { date: 2022-11-22, page: 开发区专版 }");
    }

    // ───────────── a well-formed file ─────────────

    [Fact]
    public void EveryKeyOfTheSchemaIsRead()
    {
        var (config, problems) = Load("""
            title: 永康日报·报库
            base_url: /baoku/
            campaigns:
              - name: 二十大学习
                slug: ershida-xuexi
                description: 一段话。
                threshold: 6
                phrases: { 党的二十大: 2, 二十大精神: 2 }
                exclude: [二十届]
            tags:
              - { name: 营商环境, phrases: [营商环境, 助企], min: 2 }
              - { name: 外贸, phrases: [外贸] }
            columns: [二十大精神在基层, 时政·要闻]
            pages:
              000_fcd394e6e566bb03.txt: { date: 2022-11-22, page: 开发区专版 }
              001_x.txt: { page: 要闻 }
            """);

        problems.ShouldBeEmpty();
        config.ShouldNotBeNull();
        config.BaseUrl.ShouldBe("/baoku/");
        var c = config.Campaigns.ShouldHaveSingleItem();
        c.ShouldBe(c with { Name = "二十大学习", Slug = "ershida-xuexi", Description = "一段话。", Threshold = 6 });
        c.Phrases.ToList().ShouldBe([new("党的二十大", 2), new("二十大精神", 2)]);
        c.Exclude.ShouldBe(["二十届"]);
        config.Tags.Select(t => (t.Name, string.Join(",", t.Phrases), t.MinCount)).ShouldBe(
            [("营商环境", "营商环境,助企", 2), ("外贸", "外贸", 1)]);
        config.Columns.ShouldBe(["二十大精神在基层", "时政·要闻"]);
        config.Pages["000_fcd394e6e566bb03.txt"].ShouldBe(new PageOverride(new DateOnly(2022, 11, 22), "开发区专版"));
        config.Pages["001_x.txt"].ShouldBe(new PageOverride(null, "要闻"));
    }

    [Fact]
    public void MissingBaseUrlDefaultsToRootAndEmptySectionsAreEmpty()
    {
        var (config, problems) = Load("title: 报库\ncampaigns:\ntags:\ncolumns:\npages:\n");
        problems.ShouldBeEmpty();
        config!.BaseUrl.ShouldBe("/");
        config.Campaigns.ShouldBeEmpty();
        config.Tags.ShouldBeEmpty();
        config.Columns.ShouldBeEmpty();
        config.Pages.ShouldBeEmpty();
    }

    [Fact]
    public void UnknownKeyIsOnlyAWarningWithItsLine()
    {
        var (config, problems) = Load(MinimalCampaign + "\n    threshhold: 5\n");
        config.ShouldNotBeNull();
        var w = problems.ShouldHaveSingleItem();
        w.Severity.ShouldBe(ProblemSeverity.Warning);
        w.Line.ShouldBe(7);
        w.Message.ShouldContain("threshhold");
    }

    // ───────────── the file itself ─────────────

    [Fact]
    public void MissingSiteYmlIsAnError()
    {
        var path = Path.Combine(Path.GetTempPath(), "baoku-no-such-dir-" + Guid.NewGuid(), "site.yml");
        var (config, problems) = SiteConfigLoader.Load(path);
        config.ShouldBeNull();
        var e = SingleError(problems);
        e.File.ShouldBe(path);
        e.Message.ShouldContain("not found");
    }

    [Fact]
    public void EmptySiteYmlIsAnError()
    {
        var (config, problems) = Load("# nothing but a comment\n");
        config.ShouldBeNull();
        SingleError(problems).Message.ShouldContain("empty");
    }

    [Fact]
    public void TopLevelListInsteadOfMappingIsAnError()
    {
        var (config, problems) = Load("- title: 报库\n");
        config.ShouldBeNull();
        SingleError(problems).Line.ShouldBe(1);
    }

    [Fact]
    public void MissingTitleIsAnError()
    {
        var (config, problems) = Load("base_url: /\n");
        config.ShouldBeNull();
        SingleError(problems).Message.ShouldContain("title");
    }

    // ───────────── malformed YAML ─────────────

    [Fact]
    public void MalformedYamlIsReportedWithFileAndLineNotThrown()
    {
        var (config, problems) = Load("title: 报库\nbase_url: /\ncolumns: [甲, 乙\ntags:\n  - { name: x }\n");
        config.ShouldBeNull();
        var e = SingleError(problems);
        e.File.ShouldBe(File);
        e.Line.ShouldNotBeNull();
        e.Line.Value.ShouldBeInRange(3, 5);
        e.Message.ShouldStartWith("YAML 格式错误");
    }

    [Fact]
    public void UnclosedQuoteIsReportedWithItsLine()
    {
        var (config, problems) = Load("title: 报库\nbase_url: '/\n");
        config.ShouldBeNull();
        SingleError(problems).Line.ShouldBe(2);
    }

    [Fact]
    public void DuplicateKeyIsReportedWithTheSecondOnesLine()
    {
        var (config, problems) = Load("title: 报库\nbase_url: /\ntitle: 又一个\n");
        config.ShouldBeNull();
        var e = SingleError(problems);
        e.Line.ShouldBe(3);
        e.Message.ShouldContain("Duplicate key");
    }

    [Property(MaxTest = 300)]
    public void LoaderNeverThrowsWhateverTheText(string text)
    {
        var (config, problems) = SiteConfigLoader.LoadFromString(text ?? "", File);
        (config is not null || problems.Any(p => p.Severity == ProblemSeverity.Error)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("title: 报库\ncampaigns:\n  - name: [\n")]
    [InlineData("title: 报库\ncampaigns: {\n")]
    [InlineData("title: 报库\n\tcolumns: []\n")]
    [InlineData("title: &a 报库\nbase_url: *b\n")]
    [InlineData("title: 报库\n---\ntitle: 两个文档\n")]
    [InlineData("%YAML 9.9\n---\ntitle: 报库\n")]
    public void BrokenYamlOfAnyKindIsAProblemNotAnException(string yaml)
    {
        var (config, problems) = Load(yaml);
        config.ShouldBeNull();
        problems.ShouldContain(p => p.Severity == ProblemSeverity.Error && p.File == File);
    }

    // ───────────── campaigns ─────────────

    [Fact]
    public void CampaignWithoutSlugIsAnErrorAtTheCampaignsLine()
    {
        var (config, problems) = Load("title: 报库\ncampaigns:\n  - name: 四大双千\n    threshold: 6\n    phrases: { 四大双千: 3 }\n");
        config.ShouldBeNull();
        var e = SingleError(problems);
        e.Line.ShouldBe(3);
        e.Message.ShouldContain("slug");
        e.Message.ShouldContain("四大双千");
    }

    [Fact]
    public void CampaignWithoutNameIsAnError()
    {
        var (config, problems) = Load("title: 报库\ncampaigns:\n  - slug: sida\n    threshold: 6\n    phrases: { 四大双千: 3 }\n");
        config.ShouldBeNull();
        var e = SingleError(problems);
        e.Line.ShouldBe(3);
        e.Message.ShouldContain("missing its name");
    }

    [Fact]
    public void CampaignWithEmptyNameIsAnError()
    {
        var (_, problems) = Load(MinimalCampaign.Replace("name: 四大双千", "name: \"\""));
        SingleError(problems).Message.ShouldContain("missing its name");
    }

    [Fact]
    public void DuplicateCampaignSlugIsAnErrorOnTheSecondCampaign()
    {
        var (config, problems) = Load(MinimalCampaign + """

              - name: 四大双千（重复）
                slug: sida-shuangqian
                threshold: 6
                phrases: { 千名干部帮千企: 3 }
            """);
        config.ShouldBeNull();
        var e = SingleError(problems);
        e.Line.ShouldBe(8);
        e.Message.ShouldContain("duplicate campaign slug 'sida-shuangqian', first used on line 4");
    }

    [Theory]
    [InlineData("Sida-Shuangqian")]
    [InlineData("sida_shuangqian")]
    [InlineData("四大双千")]
    [InlineData("sida shuangqian")]
    public void SlugNotMatchingLowercaseDigitsAndHyphensIsAnError(string slug)
    {
        var (config, problems) = Load(MinimalCampaign.Replace("slug: sida-shuangqian", $"slug: \"{slug}\""));
        config.ShouldBeNull();
        var e = SingleError(problems);
        e.Line.ShouldBe(4);
        e.Message.ShouldContain("^[a-z0-9-]+$");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void ThresholdOfZeroOrLessIsAnError(string threshold)
    {
        var (config, problems) = Load(MinimalCampaign.Replace("threshold: 6", $"threshold: {threshold}"));
        config.ShouldBeNull();
        var e = SingleError(problems);
        e.Line.ShouldBe(5);
        e.Message.ShouldContain("greater than 0");
    }

    [Theory]
    [InlineData("threshold: 六")]
    [InlineData("threshold: 6.5")]
    [InlineData("threshold: [6]")]
    [InlineData("threshold:")]
    public void ThresholdThatIsNotAWholeNumberIsAnError(string line)
    {
        var (config, problems) = Load(MinimalCampaign.Replace("threshold: 6", line));
        config.ShouldBeNull();
        SingleError(problems).Line.ShouldBe(5);
    }

    [Fact]
    public void MissingThresholdIsAnError()
    {
        var (config, problems) = Load(MinimalCampaign.Replace("    threshold: 6\n", ""));
        config.ShouldBeNull();
        SingleError(problems).Message.ShouldContain("missing its threshold");
    }

    [Theory]
    [InlineData("phrases: { 四大双千: 0 }", "greater than 0")]
    [InlineData("phrases: { 四大双千: 很重 }", "whole number")]
    [InlineData("phrases: [四大双千]", "mapping of phrase to weight")]
    [InlineData("phrases: {}", "mapping of phrase to weight")]
    public void PhrasesMustMapEachPhraseToAPositiveWeight(string line, string expected)
    {
        var (config, problems) = Load(MinimalCampaign.Replace("phrases: { 四大双千: 3 }", line));
        config.ShouldBeNull();
        var e = SingleError(problems);
        e.Line.ShouldBe(6);
        e.Message.ShouldContain(expected);
    }

    [Fact]
    public void ExcludeMustBeAListOfText()
    {
        var (config, problems) = Load(MinimalCampaign + "\n    exclude: { 二十届: 1 }\n");
        config.ShouldBeNull();
        var e = SingleError(problems);
        e.Line.ShouldBe(7);
        e.Message.ShouldContain("must be a list");
    }

    [Fact]
    public void CampaignsThatIsNotAListIsAnError()
    {
        var (config, problems) = Load("title: 报库\ncampaigns: 二十大学习\n");
        config.ShouldBeNull();
        SingleError(problems).Line.ShouldBe(2);
    }

    [Fact]
    public void EveryBadCampaignIsReportedNotJustTheFirst()
    {
        var (_, problems) = Load("""
            title: 报库
            campaigns:
              - name: 甲
                slug: BAD
                threshold: 0
                phrases: { 甲: 1 }
              - name: 乙
                threshold: 1
                phrases: { 乙: 1 }
            """);
        problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.Line).ShouldBe([4, 5, 7], ignoreOrder: true);
    }

    // ───────────── tags, columns ─────────────

    [Fact]
    public void TagMinOfZeroIsAnError()
    {
        var (config, problems) = Load("title: 报库\ntags:\n  - { name: 外贸, phrases: [外贸], min: 0 }\n");
        config.ShouldBeNull();
        SingleError(problems).Line.ShouldBe(3);
    }

    [Fact]
    public void TagWithoutPhrasesIsAnError()
    {
        var (_, problems) = Load("title: 报库\ntags:\n  - { name: 外贸, phrases: [] }\n  - { name: 党建 }\n");
        problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.Line).ShouldBe([3, 4]);
    }

    [Fact]
    public void DuplicateTagNameIsAnError()
    {
        var (_, problems) = Load("title: 报库\ntags:\n  - { name: 外贸, phrases: [外贸] }\n  - { name: 外贸, phrases: [出口] }\n");
        var e = SingleError(problems);
        e.Line.ShouldBe(4);
        e.Message.ShouldContain("duplicate tag");
    }

    [Fact]
    public void ColumnsMustBeAListOfText()
    {
        var (config, problems) = Load("title: 报库\ncolumns:\n  - 时政·要闻\n  - { 名: 值 }\n");
        config.ShouldBeNull();
        SingleError(problems).Line.ShouldBe(4);
    }

    // ───────────── pages ─────────────

    [Theory]
    [InlineData("2022-13-01")]
    [InlineData("2022-02-30")]
    [InlineData("22-11-22")]
    [InlineData("昨天")]
    [InlineData("[2022, 11, 22]")]
    public void InvalidPageDateIsAnErrorNamingTheLine(string date)
    {
        var (config, problems) = Load($"title: 报库\npages:\n  000_a.txt:\n    page: 一版\n    date: {date}\n");
        config.ShouldBeNull();
        var e = SingleError(problems);
        e.File.ShouldBe(File);
        e.Line.ShouldBe(5);
        e.Message.ShouldContain("not a valid date");
    }

    [Fact]
    public void PageEntryThatIsNotAMappingIsAnError()
    {
        var (config, problems) = Load("title: 报库\npages:\n  000_a.txt: 2022-11-22\n");
        config.ShouldBeNull();
        SingleError(problems).Line.ShouldBe(3);
    }

    [Fact]
    public void PageKeyThatIsNotATxtFileIsOnlyAWarning()
    {
        var (config, problems) = Load("title: 报库\npages:\n  000_a: { date: 2022-11-22 }\n");
        config!.Pages["000_a"].Date.ShouldBe(new DateOnly(2022, 11, 22));
        problems.ShouldHaveSingleItem().Severity.ShouldBe(ProblemSeverity.Warning);
    }

    // ───────────── wording ─────────────

    [Fact]
    public void EveryMessageIsChineseFollowedByEnglishInParentheses()
    {
        var yamls = new[]
        {
            "title: 报库\nbase_url: '/\n",
            "title: 报库\ncampaigns:\n  - { name: 甲, slug: BAD, threshold: 0, phrases: {甲: x}, exclude: 1, foo: 1 }\n  - { slug: b }\n",
            "title: 报库\ntags:\n  - { name: 外贸, phrases: [], min: 0 }\n  - 外贸\ncolumns: 1\npages:\n  a.doc: { date: 昨天, page: [1] }\n",
            "base_url: /\n",
        };
        var all = yamls.SelectMany(y => Load(y).Problems).ToList();
        all.Count.ShouldBeGreaterThan(10);
        foreach (var p in all)
            p.Message.ShouldMatch(@"^[^\n]*\p{IsCJKUnifiedIdeographs}[^\n]* \([A-Za-z][^\n]*\)$", p.ToString());
    }

    [Fact]
    public void ProblemsPrintAsFileLineSeverityMessage()
    {
        var (_, problems) = Load(MinimalCampaign.Replace("threshold: 6", "threshold: 0"));
        SingleError(problems).ToString().ShouldStartWith("site.yml:5: error: ");
    }
}
