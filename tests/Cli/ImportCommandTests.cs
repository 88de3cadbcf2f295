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

    [Fact]
    public void AnArticleThatCannotBeWrittenExitsOneChangesNothingAndTheNextImportNeedsNoForce()
    {
        using var s = new ImportSandbox("000", "001");
        Run("import", s.Seeds, "--content", s.Content, "--site", s.SiteYml, "-q").Exit.ShouldBe(0);
        s.CopySeed("003");
        var blocked = Path.Combine(s.Content, s.Run(dryRun: true).Articles[^1].RelativePath);
        Directory.CreateDirectory(blocked);   // a folder with the name of the last new article
        var before = s.Tree();

        var (exit, output, err) = Run("import", s.Seeds, "--content", s.Content, "--site", s.SiteYml);
        exit.ShouldBe(1);
        err.ShouldContain(blocked);
        err.ShouldContain("同名的文件夹");
        err.ShouldNotContain("Exception");
        err.ShouldNotContain("   at ");
        output.ShouldContain("content/ and the import manifest are unchanged");
        s.Tree().ShouldBe(before);
        s.Leftovers().ShouldBeEmpty();

        Directory.Delete(blocked);
        (exit, output, err) = Run("import", s.Seeds, "--content", s.Content, "--site", s.SiteYml);
        exit.ShouldBe(0, err);
        output.ShouldNotContain("edited after import");
        output.ShouldNotContain("kept: edited");
        s.Leftovers().ShouldBeEmpty();
    }

    [Fact]
    public void AContentFolderThatIsAFileIsNamed()
    {
        using var s = new ImportSandbox("001");
        File.WriteAllText(s.Content, "not a folder");
        var (exit, _, err) = Run("import", s.Seeds, "--content", s.Content, "--site", s.SiteYml, "-q");
        exit.ShouldBe(1);
        err.ShouldContain($"{s.Content}: error: ");
        err.ShouldContain("却是一个文件");
        err.ShouldContain("should be a folder but is a file");
        err.ShouldNotContain("Exception");
        File.ReadAllText(s.Content).ShouldBe("not a folder");
        s.Leftovers().ShouldBeEmpty();
    }

    [Fact]
    public void ANameTooLongForTheFileSystemIsNamed()
    {
        using var s = new ImportSandbox("001");
        var content = Path.Combine(s.Root, new string('报', 100), "content");   // 300 bytes in UTF-8; the limit is 255
        var (exit, _, err) = Run("import", s.Seeds, "--content", content, "--site", s.SiteYml, "-q");
        exit.ShouldBe(1);
        err.ShouldContain($"{content}: error: ");
        err.ShouldContain("名字太长（300 字节，最多 255 字节）");
        err.ShouldContain("a name in the path is too long: 300 bytes, at most 255");
        err.ShouldNotContain("Exception");
        err.ShouldNotContain("   at ");
        s.Leftovers().ShouldBeEmpty();
    }

    [Fact]
    public void AReportPathThroughAFileIsNamedAndLeavesNoTemporaryFile()
    {
        using var s = new ImportSandbox("001");
        var notAFolder = Path.Combine(s.Root, "reports");
        File.WriteAllText(notAFolder, "");
        var report = Path.Combine(notAFolder, "r.md");
        var (exit, _, err) = Run("import", s.Seeds, "--content", s.Content, "--site", s.SiteYml, "--report", report, "-q");
        exit.ShouldBe(1);
        err.ShouldContain($"{report}: error: ");
        err.ShouldContain($"{notAFolder} 是文件，不是文件夹");
        err.ShouldNotContain("Exception");
        s.Leftovers().ShouldBeEmpty();
    }
}
