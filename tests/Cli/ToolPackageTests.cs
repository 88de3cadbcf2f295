using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using Baoku.Tests.Support;

namespace Baoku.Tests.Cli;

[CollectionDefinition("ToolPackage", DisableParallelization = true)]
public class ToolPackageCollection;

/// <summary>
/// The generator as a dotnet tool: <c>dotnet pack</c>, then <c>dotnet tool install</c> from the package folder only (no
/// network), then the installed <c>baoku</c> run in a newsroom-like folder without templates/. Slow (a Release build
/// of a copy of generator/, about a minute on two cores): filter it out with <c>--filter "Category!=Slow"</c>.
/// </summary>
/// <remarks>Alone (its own non-parallel collection): a Release build on two cores must not slow the browser tests.</remarks>
[Trait("Category", "Slow")]
[Collection("ToolPackage")]
public sealed class ToolPackageTests : IDisposable
{
    readonly string root = Path.Combine(Path.GetTempPath(), "baoku-pack-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(root, true); } catch (IOException) { }
    }

    [Fact]
    public async Task PacksInstallsAndRunsAsTheBaokuTool()
    {
        // A copy of the sources, so this test's restore and build never touch the working tree's obj/ and bin/.
        var src = Path.Combine(root, "src");
        TestFolders.Copy(Path.Combine(SeedArticles.RepoRoot, "generator"), Path.Combine(src, "generator"), skip: ["bin", "obj"]);
        TestFolders.Copy(Path.Combine(SeedArticles.RepoRoot, "templates"), Path.Combine(src, "templates"));
        File.Copy(Path.Combine(SeedArticles.RepoRoot, "README.md"), Path.Combine(src, "README.md"));

        var packages = Path.Combine(root, "packages");
        await Run("dotnet", src, "pack", "generator", "-c", "Release", "-o", packages, "--nologo");

        var nupkg = Directory.GetFiles(packages, "*.nupkg").ShouldHaveSingleItem();
        Path.GetFileName(nupkg).ShouldStartWith("Baoku.");
        using (var zip = ZipFile.OpenRead(nupkg))
        {
            var settings = zip.Entries.SingleOrDefault(e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal)).ShouldNotBeNull();
            XDocument doc;
            using (var s = settings.Open()) doc = XDocument.Load(s);
            var command = doc.Descendants("Command").ShouldHaveSingleItem();
            command.Attribute("Name")!.Value.ShouldBe("baoku");
            command.Attribute("EntryPoint")!.Value.ShouldBe("baoku.dll");
            var names = zip.Entries.Select(e => e.FullName).ToList();
            names.ShouldContain(n => n.EndsWith("/templates/layouts/base.sbn-html", StringComparison.Ordinal), "the default templates travel with the tool");
            names.ShouldContain(n => n.EndsWith("/templates/assets/search.js", StringComparison.Ordinal));
            names.ShouldContain(n => n.EndsWith("/jieba/dict.txt", StringComparison.Ordinal), "the segmenter's dictionaries travel with the tool");
        }

        // Install from the package folder alone.
        var config = Path.Combine(root, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        var tools = Path.Combine(root, "tools");
        await Run("dotnet", root, "tool", "install", "--tool-path", tools, "--configfile", config, "baoku");
        var baoku = Path.Combine(tools, OperatingSystem.IsWindows() ? "baoku.exe" : "baoku");
        File.Exists(baoku).ShouldBeTrue();

        (await Run(baoku, root, "--help")).ShouldContain("new");

        // A newsroom's folder: its own site.yml and content, no templates/ — the installed default templates are used.
        var site = Path.Combine(root, "newsroom");
        Directory.CreateDirectory(site);
        File.Copy(Path.Combine(SeedArticles.RepoRoot, "site.yml"), Path.Combine(site, "site.yml"));
        (await Run(baoku, site, "new", "--title", "安装后的第一篇", "--date", "2024-05-01")).ShouldContain("content/2024/05/");
        await Run(baoku, site, "build", "--drafts", "-q");
        File.Exists(Path.Combine(site, "public", "index.html")).ShouldBeTrue();
        File.Exists(Path.Combine(site, "public", "assets", "search.js")).ShouldBeTrue();

        // The importer, run from the newsroom's folder, finds the segmenter's dictionaries beside the installed tool.
        Directory.CreateDirectory(Path.Combine(site, "seeds"));
        File.Copy(SeedArticles.SeedPath("000"), Path.Combine(site, "seeds", "000.txt"));
        await Run(baoku, site, "import", "seeds", "--content", "content", "-q");
        var imported = Directory.GetFiles(Path.Combine(site, "content"), "*.md", SearchOption.AllDirectories)
            .Select(File.ReadAllText).ToList();
        imported.ShouldContain(text => text.Contains("places: [芝英镇, 芝英片区, 永康]"), "places come from the segmenter");
    }

    /// <summary>Runs a program to completion (at most five minutes); a non-zero exit fails the test with its output.</summary>
    static async Task<string> Run(string file, string dir, params string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = dir, UseShellExecute = false,
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        // The tool's launcher finds the runtime through DOTNET_ROOT when dotnet is not in a standard place.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ROOT")))
            psi.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(ResolveDotnet());
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + file);
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try { await p.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in five minutes");
        }
        var (o, e) = (await output, await error);
        p.ExitCode.ShouldBe(0, $"{file} {string.Join(' ', args)}\n{o}\n{e}");
        return o;
    }

    /// <summary>The real path of the dotnet on PATH (e.g. /usr/bin/dotnet → /usr/share/dotnet/dotnet).</summary>
    static string ResolveDotnet()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            if (!File.Exists(candidate)) continue;
            return new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate;
        }
        throw new InvalidOperationException("dotnet is not on PATH");
    }
}
