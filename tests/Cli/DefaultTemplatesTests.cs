using System.Diagnostics;
using Baoku.Cli;
using Baoku.Tests.Support;

namespace Baoku.Tests.Cli;

/// <summary>
/// A newsroom folder with content/ and site.yml but no templates/ (the installed tool's case): every command that reads
/// templates must fall back to the ones installed with the program, as build does, not fail on a missing folder.
/// </summary>
public sealed class DefaultTemplatesTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "baoku-notemplates-" + Guid.NewGuid().ToString("N"));

    public DefaultTemplatesTests()
    {
        TestFolders.Copy(Path.Combine(SeedArticles.RepoRoot, "content"), Path.Combine(_root, "content"));
        File.Copy(Path.Combine(SeedArticles.RepoRoot, "site.yml"), Path.Combine(_root, "site.yml"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }

    [Fact]
    public async Task Check_and_build_in_a_folder_without_templates_use_the_installed_templates()
    {
        Directory.Exists(DefaultPaths.BundledTemplates).ShouldBeTrue("the templates are copied beside baoku.dll");

        var (checkExit, checkOut) = await Run("check");
        checkExit.ShouldBe(0, checkOut);
        checkOut.ShouldNotContain("[BK011]", customMessage: "check must not report a missing templates folder");

        var (buildExit, buildOut) = await Run("build", "-q");
        buildExit.ShouldBe(0, buildOut);
        File.Exists(Path.Combine(_root, "public", "index.html")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("{{ if page.kicker }}<p>{{ page.kicker }}</p>\n<h1>{{ page.title }}</h1>\n", "BK012", 2, "模板有语法错误")]   // where Scriban notices the missing end
    [InlineData("<h1>{{ page.title }}</h1>\n  <p>{{ page.title | no_such_function }}</p>\n", "BK013", 2, "模板运行出错")]
    public async Task A_broken_template_of_the_site_is_named_with_line_and_column_by_check_and_build_without_a_stack_trace(string template, string code, int line, string words)
    {
        // The site overrides one bundled template, and gets it wrong.
        Directory.CreateDirectory(Path.Combine(_root, "templates", "pages"));
        File.WriteAllText(Path.Combine(_root, "templates", "pages", "article.sbn-html"), template);

        foreach (var command in new[] { "check", "build" })
        {
            var (exit, output) = await Run(command);
            exit.ShouldBe(1, output);
            output.ShouldMatch($@"templates/pages/article\.sbn-html:{line}:\d+: error: {words}", customMessage: command);
            if (command == "check") output.ShouldContain($"[{code}]", customMessage: command);
            output.ShouldNotContain("   at ", customMessage: command + ": no stack trace");
            output.ShouldNotContain("内部错误", customMessage: command);
        }
        Directory.Exists(Path.Combine(_root, "public")).ShouldBeFalse("a failed build publishes nothing");
    }

    /// <summary>The real program in the folder (the working folder decides the defaults, so not in-process).</summary>
    async Task<(int Exit, string Output)> Run(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = _root,
        };
        foreach (var a in (string[])[typeof(Program).Assembly.Location, .. args]) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var err = p.StandardError.ReadToEndAsync();
        var output = await p.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await p.WaitForExitAsync(timeout.Token);
        return (p.ExitCode, output + await err);
    }
}
