using Baoku.Cli;
using Baoku.Tests.Support;

namespace Baoku.Tests.Cli;

[CollectionDefinition("Console", DisableParallelization = true)]
public class ConsoleCollection;

/// <summary>The command line as an editor meets it: exit codes, messages, help. Console output is captured.</summary>
[Collection("Console")]
public class ImportCommandTests
{
    static (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Captured(args);

    [Fact]
    public void HelpListsTheImportCommand()
    {
        var (exit, output, _) = Run("--help");
        exit.ShouldBe(0);
        output.ShouldContain("import");
    }

    [Fact]
    public void ImportHelpExplainsEveryOption()
    {
        var (exit, output, _) = Run("import", "--help");
        exit.ShouldBe(0);
        foreach (var option in new[] { "--content", "--report", "--review", "--site", "--force", "--dry-run", "--keep-going", "--quiet", "--date", "--year" })
            output.ShouldContain(option);
    }

    [Fact]
    public void UnknownOptionIsAUsageError()
    {
        var (exit, _, err) = Run("import", "--no-such-option");
        exit.ShouldBe(2);
        err.ShouldContain("--no-such-option");
    }

    [Fact]
    public void SuccessfulImportExitsZeroAndWritesTheReport()
    {
        using var s = new ImportSandbox("001");
        var (exit, output, err) = Run("import", s.Seeds, "--content", s.Content, "--site", s.SiteYml);
        exit.ShouldBe(0, err);
        File.Exists(s.Report).ShouldBeTrue();
        output.ShouldContain("001_37e48254b797af22.txt");
    }

    [Fact]
    public void TheReviewPageGoesBesideTheReportOrWhereReviewSays()
    {
        using var s = new ImportSandbox("001");
        var reports = Path.Combine(s.Root, "reports");
        var (exit, output, err) = Run("import", s.Seeds, "--content", s.Content, "--site", s.SiteYml, "--report", Path.Combine(reports, "r.md"));
        exit.ShouldBe(0, err);
        File.Exists(Path.Combine(reports, "import-review.html")).ShouldBeTrue();
        output.ShouldContain("import-review.html");

        var elsewhere = Path.Combine(s.Root, "review", "day.html");
        (exit, _, err) = Run("import", s.Seeds, "--content", s.Content, "--site", s.SiteYml, "--review", elsewhere, "-q");
        exit.ShouldBe(0, err);
        File.ReadAllText(elsewhere).ShouldContain("<!DOCTYPE html>");
    }

    [Fact]
    public void BadInputExitsOneWithTheFileNameAndNoStackTrace()
    {
        using var s = new ImportSandbox();
        s.WriteSeed("blank.txt", "   \n\n");
        var (exit, _, err) = Run("import", s.Seeds, "--content", s.Content, "--site", s.SiteYml, "-q");
        exit.ShouldBe(1);
        err.ShouldContain("blank.txt");
        err.ShouldNotContain("   at ");
        err.ShouldNotContain("Exception");
    }

    [Fact]
    public void MissingSiteConfigurationIsNamed()
    {
        using var s = new ImportSandbox("001");
        var (exit, _, err) = Run("import", s.Seeds, "--content", s.Content, "--site", Path.Combine(s.Root, "missing.yml"), "-q");
        exit.ShouldBe(1);
        err.ShouldContain("missing.yml");
    }

    [Fact]
    public void DryRunWritesNothing()
    {
        using var s = new ImportSandbox("001");
        var (exit, _, _) = Run("import", s.Seeds, "--content", s.Content, "--site", s.SiteYml, "--dry-run");
        exit.ShouldBe(0);
        Directory.Exists(s.Content).ShouldBeFalse();
        File.Exists(s.Report).ShouldBeFalse();
    }

    [Fact]
    public void DateOptionDatesEveryPageExplicitly()
    {
        using var s = new ImportSandbox("001");
        var (exit, output, err) = Run("import", s.Seeds, "--content", s.Content, "--site", s.SiteYml, "--date", "2023-01-13");
        exit.ShouldBe(0, err);
        output.ShouldContain("见报日期 2023-01-13");
        var file = Directory.GetFiles(s.Content, "*.md", SearchOption.AllDirectories).First();
        File.ReadAllText(file).ShouldContain("date: 2023-01-13\ndate_confidence: explicit");
    }

    [Fact]
    public void YearOptionFixesTheYear()
    {
        using var s = new ImportSandbox("001");
        var (exit, output, err) = Run("import", s.Seeds, "--content", s.Content, "--site", s.SiteYml, "--year", "2024");
        exit.ShouldBe(0, err);
        output.ShouldContain("见报日期 2024-01-12");
    }

    [Theory]
    [InlineData("--date", "2023-02-30")]
    [InlineData("--date", "12.1.2023")]
    [InlineData("--year", "23")]
    [InlineData("--year", "二〇二三")]
    public void BadDateOrYearIsAUsageErrorThatSaysTheForm(string option, string value)
    {
        using var s = new ImportSandbox("001");
        var (exit, _, err) = Run("import", s.Seeds, "--content", s.Content, "--site", s.SiteYml, option, value);
        exit.ShouldBe(2);
        err.ShouldContain(option);
        err.ShouldContain(value);
        Directory.Exists(s.Content).ShouldBeFalse();
    }

    [Fact]
    public void DateAndYearTogetherAreAUsageError()
    {
        using var s = new ImportSandbox("001");
        var (exit, _, err) = Run("import", s.Seeds, "--content", s.Content, "--site", s.SiteYml, "--date", "2023-01-13", "--year", "2023");
        exit.ShouldBe(2);
        err.ShouldContain("--date");
        err.ShouldContain("--year");
    }
}
