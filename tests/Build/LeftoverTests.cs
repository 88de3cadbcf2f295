using System.Diagnostics;
using Baoku.Build;
using Baoku.Tests.Support;

namespace Baoku.Tests.Build;

/// <summary>
/// What killed builds leave beside the output folder, and the next build (issue 17). On the main of before, nothing
/// ever removed <c>public.staging-PID</c> and <c>public.old-PID</c> (360 MB after six kills).
/// </summary>
public sealed class LeftoverTests : IDisposable
{
    readonly BuildSandbox _box = new();

    public void Dispose() => _box.Dispose();

    /// <summary>The number of a process that has ended (and been reaped): what a killed build leaves in its folders' names.</summary>
    static int DeadPid()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        p.WaitForExit();
        return p.Id;
    }

    string Beside(string suffix) => _box.Output + suffix;

    /// <summary>Folders named <c>public.…</c> (not the pattern "public.*", which also matches "public" itself).</summary>
    string[] BesideOutput() => Directory.GetDirectories(_box.Root).Where(d => Path.GetFileName(d).StartsWith("public.", StringComparison.Ordinal)).ToArray();

    static void FakeSite(string folder, bool complete)
    {
        Directory.CreateDirectory(Path.Combine(folder, "2022"));
        File.WriteAllText(Path.Combine(folder, "index.html"), "半个网站");
        File.WriteAllText(Path.Combine(folder, "2022", "index.html"), "半个网站");
        if (complete) File.WriteAllBytes(Path.Combine(folder, OutputMarker.FileName), OutputMarker.Text);
    }

    [Fact]
    public void The_next_build_removes_the_folders_of_dead_builds_and_only_those()
    {
        _box.Build().Published.ShouldBeTrue();
        var dead = DeadPid();
        using var alive = Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })!;
        try
        {
            string[] removed = [Beside($".staging-{dead}"), Beside($".old-{dead}")];
            string[] kept = [Beside($".staging-{alive.Id}"), Beside(".staging-abc"), Beside(".staging-"), Beside(".old-12 副本"), _box.Output + "x.old-" + dead];
            foreach (var f in removed.Concat(kept)) FakeSite(f, complete: true);

            var r = _box.Build();
            r.Published.ShouldBeTrue(string.Join("\n", r.Problems));
            foreach (var f in removed) Directory.Exists(f).ShouldBeFalse(f);
            foreach (var f in kept) Directory.Exists(f).ShouldBeTrue($"{f}: its process runs, or its name is not one a build gives");
        }
        finally
        {
            alive.Kill();
            alive.WaitForExit();
        }
    }

    [Fact]
    public void A_build_killed_between_its_two_renames_is_repaired_with_the_site_it_was_publishing()
    {
        // Where folders cannot be exchanged in one step: the old site renamed away, the complete new one not yet in.
        var dead = DeadPid();
        _box.Build().Published.ShouldBeTrue();
        var site = _box.Snapshot();
        Directory.Move(_box.Output, Beside($".staging-{dead}"));
        FakeSite(Beside($".old-{dead}"), complete: true);

        var r = SiteBuild.Run(new BuildOptions(_box.Content, "/nonexistent/site.yml", _box.Templates, _box.Output, false));
        r.Published.ShouldBeFalse("this build fails (no site.yml), after the repair");
        _box.Snapshot().ShouldBe(site, "the output folder is the site the killed build was publishing");
        BesideOutput().ShouldBeEmpty();
    }

    [Fact]
    public void An_unfinished_staging_folder_is_never_published()
    {
        var dead = DeadPid();
        FakeSite(Beside($".staging-{dead}"), complete: false);
        var r = SiteBuild.Run(new BuildOptions(_box.Content, "/nonexistent/site.yml", _box.Templates, _box.Output, false));
        r.Published.ShouldBeFalse();
        Directory.Exists(_box.Output).ShouldBeFalse("no marker: the build was killed before it finished the folder");
        Directory.Exists(Beside($".staging-{dead}")).ShouldBeFalse();
    }

    [Fact]
    public void An_incremental_publish_links_unchanged_files_and_replaces_the_folder_in_one_step()
    {
        var cache = Path.Combine(_box.Root, "cache");
        BuildResult Build() => SiteBuild.Run(new BuildOptions(_box.Content, _box.SiteYml, _box.Templates, _box.Output, false, CacheDir: cache));
        Build().Published.ShouldBeTrue();
        var style = Path.Combine(_box.Output, "assets", "style.css");
        var before = (Time: File.GetLastWriteTimeUtc(style), Inode: Inode(style));
        File.WriteAllText(_box.SiteYml, File.ReadAllText(_box.SiteYml).Replace("\ntitle: ", "\ntitle: 换了名字的"));

        var r = Build();
        r.Published.ShouldBeTrue(string.Join("\n", r.Problems));
        r.Incremental.ShouldBeTrue();
        File.ReadAllText(Path.Combine(_box.Output, "index.html")).ShouldContain("换了名字的");
        (File.GetLastWriteTimeUtc(style), Inode(style)).ShouldBe(before, "an unchanged file is the same file, linked into the new site");
        BesideOutput().ShouldBeEmpty("the replaced site is deleted");
    }

    [Fact]
    public void Deleting_the_replaced_site_removes_a_symbolic_link_in_it_but_not_what_it_points_at()
    {
        _box.Build().Published.ShouldBeTrue();
        var elsewhere = Path.Combine(_box.Root, "elsewhere");
        Directory.CreateDirectory(Path.Combine(elsewhere, "sub"));
        File.WriteAllText(Path.Combine(elsewhere, "sub", "keep.txt"), "不是网站的文件");
        Directory.CreateSymbolicLink(Path.Combine(_box.Output, "2022", "link"), elsewhere);
        File.CreateSymbolicLink(Path.Combine(_box.Output, "file-link"), Path.Combine(elsewhere, "sub", "keep.txt"));

        var r = _box.Build();
        r.Published.ShouldBeTrue(string.Join("\n", r.Problems));
        Path.Exists(Path.Combine(_box.Output, "2022", "link")).ShouldBeFalse("the new site has no link");
        File.ReadAllText(Path.Combine(elsewhere, "sub", "keep.txt")).ShouldBe("不是网站的文件", "the link was removed, not followed");
        BesideOutput().ShouldBeEmpty("the replaced site is deleted");
    }

    static string Inode(string path)
    {
        var psi = new ProcessStartInfo("stat", ["-c", "%i", path]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        var inode = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return inode;
    }
}
