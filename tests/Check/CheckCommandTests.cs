using Baoku.Tests.Support;
using System.Text.Json;
using System.Text.RegularExpressions;
using Baoku.Cli;
using Baoku.Tests.Content;

namespace Baoku.Tests.Check;

/// <summary><c>baoku check</c> end to end through <see cref="Program.Main"/>: exit codes, the line format, JSON, and no writes.</summary>
[Collection("Console")]
public partial class CheckCommandTests
{
    static (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Captured(args);

    static string[] Args(CheckSandbox s, params string[] more) => ["check", "--content", s.Content, "--site", s.SiteYml, "--templates", s.Templates, .. more];

    const string Good = "---\ntitle: 好文章\ndate: 2023-01-12\ncampaigns: [四大双千]\nslug: good\n---\n\n一篇正常的文章，正文比标题长。\n";
    const string Broken = "---\ntitle: 坏文章\ndate: 2023-01-12\ncampaigns: [没有的专题]\nslug: bad\n---\n\n详见[报道](/2023/01/nothing/)，认真学习 党 的 二十大。\n";

    /// <summary>file:line: error|warning: 中文 (English) [BKnnn]</summary>
    [GeneratedRegex(@"^(?<file>[^\n]+?)(?::(?<line>\d+))?: (?<severity>error|warning): (?<zh>[^()\n]*\p{IsCJKUnifiedIdeographs}[^\n]*) \((?<en>[A-Za-z][^\n]*)\) \[(?<code>BK\d{3})\]$")]
    private static partial Regex FindingLineRx();

    [Fact]
    public void HelpListsCheckAndItsOptions()
    {
        Run("--help").Out.ShouldContain("check");
        var (exit, output, _) = Run("check", "--help");
        exit.ShouldBe(0);
        foreach (var option in new[] { "--content", "--site", "--templates", "--drafts", "--format" }) output.ShouldContain(option);
    }

    [Fact]
    public void CleanContentExitsZeroWithASummary()
    {
        using var s = new CheckSandbox();
        s.Write("content/2023/01/good.md", Good);
        var (exit, output, err) = Run(Args(s));
        exit.ShouldBe(0, output + err);
        output.Trim().ShouldBe("检查了 1 个文章文件：0 个错误，0 个警告 (checked 1 article files: 0 errors, 0 warnings)");
    }

    [Fact]
    public void TheRepositoryContentPassesFromTheCommandLine()
    {
        var root = ContentTestSite.RepoRoot;
        var (exit, output, _) = Run("check", "--content", Path.Combine(root, "content"), "--site", Path.Combine(root, "site.yml"), "--templates", Path.Combine(root, "templates"));
        exit.ShouldBe(0, output);
        output.ShouldContain("0 个错误");
    }

    [Fact]
    public void ErrorsExitOneWithOneLinePerFindingInTheDocumentedShape()
    {
        using var s = new CheckSandbox();
        s.Write("content/2023/01/good.md", Good);
        s.Write("content/2023/01/bad.md", Broken);
        var (exit, output, _) = Run(Args(s));
        exit.ShouldBe(1);
        var lines = output.TrimEnd('\n').Split('\n');
        lines[^1].ShouldBe("检查了 2 个文章文件：1 个错误，0 个警告 (checked 2 article files: 1 errors, 0 warnings)");
        var findings = lines[..^1];
        findings.Length.ShouldBe(1, output);   // the unknown campaign keeps the article out, so its body is not checked further
        var m = FindingLineRx().Match(findings[0]);
        m.Success.ShouldBeTrue(findings[0]);
        m.Groups["file"].Value.ShouldBe(Path.Combine(s.Content, "2023/01/bad.md").Replace('\\', '/'));
        m.Groups["line"].Value.ShouldBe("4");
        m.Groups["severity"].Value.ShouldBe("error");
        m.Groups["code"].Value.ShouldBe("BK110");
    }

    [Fact]
    public void WarningsAloneExitZero()
    {
        using var s = new CheckSandbox();
        s.Write("content/2023/01/good.md", Good.Replace("一篇正常的文章", "一篇 正常 的文章"));
        var (exit, output, _) = Run(Args(s));
        exit.ShouldBe(0, output);
        var first = output.Split('\n')[0];
        var m = FindingLineRx().Match(first);
        m.Success.ShouldBeTrue(first);
        (m.Groups["severity"].Value, m.Groups["code"].Value, m.Groups["line"].Value).ShouldBe(("warning", "BK301", "8"));
    }

    [Fact]
    public void JsonParsesAndHasEveryFindingAndTheSummary()
    {
        using var s = new CheckSandbox();
        s.Write("content/2023/01/good.md", Good);
        s.Write("content/2023/02/bad.md", Broken.Replace("2023-01-12", "2023-02-01").Replace("[没有的专题]", "[四大双千]"));
        var (exit, output, _) = Run(Args(s, "--format", "json"));
        exit.ShouldBe(1);
        using var doc = JsonDocument.Parse(output);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        findings.Select(f => f.GetProperty("code").GetString()).ShouldBe(["BK201", "BK301"]);
        foreach (var f in findings)
        {
            f.GetProperty("file").GetString().ShouldBe(Path.Combine(s.Content, "2023/02/bad.md").Replace('\\', '/'));
            f.GetProperty("line").GetInt32().ShouldBe(8);
            f.GetProperty("message").GetString()!.ShouldContain("(");
        }
        findings.Select(f => f.GetProperty("severity").GetString()).ShouldBe(["error", "warning"]);
        findings[0].GetProperty("message").GetString()!.ShouldContain("/2023/01/nothing/");
        var summary = doc.RootElement.GetProperty("summary");
        (summary.GetProperty("files").GetInt32(), summary.GetProperty("errors").GetInt32(), summary.GetProperty("warnings").GetInt32()).ShouldBe((2, 1, 1));
    }

    [Fact]
    public void JsonOfAFindingWithoutALineHasLineNull()
    {
        using var s = new CheckSandbox();
        s.Delete("templates");
        var (exit, output, _) = Run(Args(s, "--format", "json"));
        exit.ShouldBe(1);
        using var doc = JsonDocument.Parse(output);
        var f = doc.RootElement.GetProperty("findings").EnumerateArray().Single();
        f.GetProperty("code").GetString().ShouldBe("BK011");
        f.GetProperty("line").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--no-such-option")]
    public void UsageErrorsExitTwo(params string[] extra)
    {
        using var s = new CheckSandbox();
        var (exit, output, err) = Run(Args(s, extra));
        exit.ShouldBe(2);
        err.ShouldContain(extra[^1]);
        output.ShouldBeEmpty();
    }

    [Fact]
    public void CheckWritesNothing()
    {
        using var s = new CheckSandbox();
        s.Write("content/2023/01/good.md", Good);
        s.Write("content/2023/01/bad.md", Broken.Replace("[没有的专题]", "[四大双千]"));
        s.WriteBytes("content/2023/01/photo.jpg", [0xFF, 0xD8]);
        var before = s.Snapshot();
        Run(Args(s)).Exit.ShouldBe(1);
        Run(Args(s, "--format", "json")).Exit.ShouldBe(1);
        Run(Args(s, "--drafts")).Exit.ShouldBe(1);
        s.Snapshot().ShouldBe(before);
        Directory.Exists(Path.Combine(s.Root, "public")).ShouldBeFalse();
    }
}
