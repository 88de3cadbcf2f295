using System.Diagnostics;
using Baoku.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Baoku.Tests.Cli;

/// <summary>
/// .github/workflows/site.yml: it parses, has the triggers and jobs the README describes, and the shell of its build
/// step passes the base URL as documented (the step's own script is run with <c>dotnet</c> replaced by a stub).
/// </summary>
public class PublishWorkflowTests
{
    static readonly string WorkflowPath = Path.Combine(SeedArticles.RepoRoot, ".github", "workflows", "site.yml");

    static YamlMappingNode Workflow()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(WorkflowPath);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    static YamlNode Get(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : throw new ShouldAssertException($"no '{key}' in {node.Start}");

    static string Text(YamlNode node, string key) => ((YamlScalarNode)Get(node, key)).Value!;

    static bool Has(YamlNode node, string key) => ((YamlMappingNode)node).Children.ContainsKey(new YamlScalarNode(key));

    static IEnumerable<YamlMappingNode> Steps(YamlNode job) => ((YamlSequenceNode)Get(job, "steps")).Children.Cast<YamlMappingNode>();

    static string[] Uses(YamlNode job) => Steps(job).Where(s => Has(s, "uses")).Select(s => Text(s, "uses").Split('@')[0]).ToArray();

    static string Runs(YamlNode job) => string.Join("\n", Steps(job).Where(s => Has(s, "run")).Select(s => Text(s, "run")));

    [Fact]
    public void TriggersArePullRequestsAndPushesToMain()
    {
        var on = Get(Workflow(), "on");
        Has(on, "pull_request").ShouldBeTrue();
        ((YamlSequenceNode)Get(Get(on, "push"), "branches")).Children.Select(c => c.ToString()).ShouldBe(["main"]);
    }

    [Fact]
    public void PullRequestsRunCheckAndEveryTestOnDotnet10AndPublishNothing()
    {
        var job = Get(Get(Workflow(), "jobs"), "check");
        Text(job, "if").ShouldContain("github.event_name == 'pull_request'");
        Uses(job).ShouldContain("actions/checkout");
        Uses(job).ShouldContain("actions/setup-dotnet");
        var setup = Steps(job).Single(s => Has(s, "uses") && Text(s, "uses").StartsWith("actions/setup-dotnet"));
        Text(Get(setup, "with"), "dotnet-version").ShouldStartWith("10.");
        var runs = Runs(job);
        runs.ShouldContain("dotnet run --project generator -c Release -- check");
        runs.ShouldContain("bash tests/run-all.sh");
        Uses(job).ShouldNotContain("actions/deploy-pages");
        Uses(job).ShouldNotContain("actions/upload-pages-artifact");
    }

    [Fact]
    public void PushesToMainBuildAndPublishToPagesAndKeepAZip()
    {
        var jobs = Get(Workflow(), "jobs");
        var build = Get(jobs, "build");
        Text(build, "if").ShouldContain("github.event_name != 'pull_request'");
        var runs = Runs(build);
        runs.ShouldContain("-- check");
        runs.ShouldContain("-- build");
        runs.ShouldContain("zip");
        Steps(build).Any(s => Has(s, "env") && Text(Get(s, "env"), "BAOKU_BASE_URL") == "${{ vars.BAOKU_BASE_URL }}").ShouldBeTrue();
        var pages = Steps(build).Single(s => Has(s, "uses") && Text(s, "uses").StartsWith("actions/upload-pages-artifact"));
        Text(Get(pages, "with"), "path").ShouldBe("public");
        var zip = Steps(build).Single(s => Has(s, "uses") && Text(s, "uses").StartsWith("actions/upload-artifact"));
        Text(Get(zip, "with"), "path").ShouldBe("baoku-site.zip");

        var deploy = Get(jobs, "deploy");
        Get(deploy, "needs").ToString().ShouldBe("build");
        Text(Get(deploy, "permissions"), "pages").ShouldBe("write");
        Text(Get(deploy, "permissions"), "id-token").ShouldBe("write");
        Text(Get(deploy, "environment"), "name").ShouldBe("github-pages");
        Text(Get(deploy, "concurrency"), "group").ShouldBe("pages");
        Text(Get(deploy, "concurrency"), "cancel-in-progress").ShouldBe("false");
        Uses(deploy).ShouldBe(["actions/deploy-pages"]);
        Text(Get(Workflow(), "permissions"), "contents").ShouldBe("read", "jobs get no more rights than they need");
    }

    [Theory]
    [InlineData("https://news.example.cn/baoku/", "build --base-url https://news.example.cn/baoku/")]
    [InlineData("", "build")]
    public void TheBuildStepPassesTheVariableAsBaseUrlOrLeavesSiteYmlsAddress(string variable, string expectedArgs)
    {
        var build = Get(Get(Workflow(), "jobs"), "build");
        var script = Text(Steps(build).Single(s => Has(s, "run") && Text(s, "run").Contains("-- build")), "run");

        var dir = Directory.CreateTempSubdirectory("baoku-workflow-").FullName;
        try
        {
            // A stub dotnet that prints the arguments after "--".
            var stub = Path.Combine(dir, "dotnet");
            File.WriteAllText(stub, "#!/bin/sh\nwhile [ \"$1\" != \"--\" ]; do shift; done; shift; echo \"$*\"\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add("-e");
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add(script);
            psi.Environment["PATH"] = dir + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
            psi.Environment["BAOKU_BASE_URL"] = variable;
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            p.ExitCode.ShouldBe(0, p.StandardError.ReadToEnd());
            output.Trim().ShouldBe(expectedArgs);
        }
        finally { Directory.Delete(dir, true); }
    }
}

