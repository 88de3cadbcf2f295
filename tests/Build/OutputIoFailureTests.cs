using System.Diagnostics;
using Baoku.Build;
using Baoku.Tests.Support;

namespace Baoku.Tests.Build;

/// <summary>Runs only where this test process may mount a small tmpfs in a mount namespace of its own (root, or a
/// container that allows it): the one way to fill a disk for real without filling the machine's.</summary>
public sealed class NeedsSmallDiskFact : FactAttribute
{
    static readonly Lazy<string?> Why = new(() =>
    {
        var probe = Path.Combine(Path.GetTempPath(), "baoku-tmpfs-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(probe);
        try
        {
            var psi = new ProcessStartInfo("unshare", ["-m", "sh", "-c", $"mount -t tmpfs -o size=64k tmpfs '{probe}'"])
                { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            using var p = Process.Start(psi)!;
            p.StandardOutput.ReadToEnd();
            var err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? null : $"cannot mount a small tmpfs here (unshare -m; mount): {err.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e) { return $"no unshare here: {e.Message}"; }
        finally { Directory.Delete(probe); }
    });

    public NeedsSmallDiskFact()
    {
        if (Why.Value is { } why) Skip = why;
    }
}

/// <summary>Runs where a folder can be made unwritable for the build: chmod as an ordinary user; as root (whom chmod
/// does not stop) the build runs as the user nobody through setpriv.</summary>
public sealed class NeedsUnwritableFolderFact : FactAttribute
{
    public static bool AsRoot => !OperatingSystem.IsWindows() && Native.getuid() == 0;

    static class Native
    {
        [System.Runtime.InteropServices.DllImport("libc")]
        public static extern uint getuid();
    }

    public NeedsUnwritableFolderFact()
    {
        if (OperatingSystem.IsWindows()) Skip = "chmod: Unix only";
        else if (AsRoot && !File.Exists("/usr/bin/setpriv")) Skip = "as root, the test needs setpriv to run the build as nobody";
    }
}

/// <summary>
/// Every failure to write the output folder is one clear message naming the path, with exit code 1, never an
/// internal error (issue 17: a read-only parent and a full disk gave exit 3). Run through the real program, as an
/// editor would, in a project folder of the test's own.
/// </summary>
public sealed class OutputIoFailureTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "baoku-io-" + Guid.NewGuid().ToString("N"));
    string Project => Path.Combine(_root, "project");

    public OutputIoFailureTests()
    {
        TestFolders.Copy(Path.Combine(SeedArticles.RepoRoot, "content"), Path.Combine(Project, "content"));
        TestFolders.Copy(Path.Combine(SeedArticles.RepoRoot, "templates"), Path.Combine(Project, "templates"));
        File.Copy(Path.Combine(SeedArticles.RepoRoot, "site.yml"), Path.Combine(Project, "site.yml"));
    }

    public void Dispose()
    {
        Process.Start("chmod", ["-R", "u+rwx", _root]).WaitForExit();
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }

    static void ShouldBeOneClearWriteError(int exit, string output, string errors, string path, string why)
    {
        exit.ShouldBe(1, output + errors);
        errors.ShouldNotContain("内部错误");
        errors.ShouldNotContain("   at ", customMessage: "no stack trace");
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldHaveSingleItem(errors).ShouldStartWith($"{path}: error: ");
        errors.ShouldContain(why);
    }

    [Fact]
    public async Task A_path_too_long_is_one_message_naming_it_with_exit_code_1()
    {
        var output = Path.Combine(_root, new string('长', 100));   // 300 bytes: one name longer than a file system allows
        var (exit, stdout, errors) = await BaokuProcess.RunAsync(Project, ["build", "-q", "-o", output]);
        ShouldBeOneClearWriteError(exit, stdout, errors, output, "路径太长");
    }

    [Fact]
    public async Task A_file_where_the_output_parent_must_be_is_one_message_naming_it()
    {
        File.WriteAllText(Path.Combine(_root, "www"), "一个文件，不是文件夹");
        var output = Path.Combine(_root, "www", "public");
        var (exit, stdout, errors) = await BaokuProcess.RunAsync(Project, ["build", "-q", "-o", output]);
        ShouldBeOneClearWriteError(exit, stdout, errors, output, output);
    }

    [NeedsUnwritableFolderFact]
    public async Task A_read_only_output_parent_is_one_message_naming_it_and_the_site_is_untouched()
    {
        var parent = Path.Combine(_root, "www");
        var output = Path.Combine(parent, "public");
        var (exit, stdout, errors) = await BaokuProcess.RunAsync(Project, ["build", "-q", "-o", output]);
        exit.ShouldBe(0, stdout + errors);
        var site = BuildSandbox.Snapshot(output);
        File.WriteAllText(Path.Combine(Project, "site.yml"), File.ReadAllText(Path.Combine(Project, "site.yml")).Replace("\ntitle: ", "\ntitle: 改名"));
        Process.Start("chmod", ["-R", "a+rwX", _root]).WaitForExit();   // nobody may write the project and the cache...
        Process.Start("chmod", ["555", parent]).WaitForExit();           // ...but not the folder the site is in

        string[] args = ["build", "-q", "-o", output];
        var psi = BaokuProcess.StartInfo(Project, args);
        if (NeedsUnwritableFolderFact.AsRoot)
        {
            var inner = psi.ArgumentList.ToArray();
            psi.FileName = "/usr/bin/setpriv";
            psi.ArgumentList.Clear();
            foreach (var a in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", .. inner]) psi.ArgumentList.Add(a);
            psi.Environment["HOME"] = _root;
            psi.Environment["DOTNET_CLI_HOME"] = _root;
        }
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var (o, e) = (p.StandardOutput.ReadToEndAsync(), p.StandardError.ReadToEndAsync());
        await p.WaitForExitAsync();
        ShouldBeOneClearWriteError(p.ExitCode, await o, await e, output, "没有权限");
        (await e).ShouldContain(parent);
        BuildSandbox.Snapshot(output).ShouldBe(site, "the previous site is untouched");
    }

    [NeedsSmallDiskFact]
    public async Task A_full_disk_is_one_message_naming_the_output_folder_and_leaves_nothing_behind()
    {
        var disk = Path.Combine(_root, "disk");
        Directory.CreateDirectory(disk);
        var output = Path.Combine(disk, "public");
        // The seed site is about 1.7 MB: it cannot fit into 1 MB.
        var inner = string.Join(' ', BaokuProcess.StartInfo(Project, ["build", "-q", "-o", output]).ArgumentList.Select(a => $"'{a}'"));
        var psi = new ProcessStartInfo("unshare", ["-m", "sh", "-c", $"mount -t tmpfs -o size=1m tmpfs '{disk}' || exit 9; dotnet {inner}; rc=$?; echo \"left on the disk: [$(ls -A '{disk}')]\"; exit $rc"])
        {
            WorkingDirectory = Project, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        var (o, e) = (p.StandardOutput.ReadToEndAsync(), p.StandardError.ReadToEndAsync());
        await p.WaitForExitAsync();
        ShouldBeOneClearWriteError(p.ExitCode, await o, await e, output, "磁盘已满");
        (await o).ShouldContain("left on the disk: []", customMessage: "the staging folder is removed");
    }
}

/// <summary>The mapping itself, for the failures a test machine cannot make for real.</summary>
public sealed class OutputErrorKindsTests
{
    [Theory]
    [InlineData(28, "磁盘已满")]     // ENOSPC, as .NET reports it on Unix
    [InlineData(unchecked((int)0x80070070), "磁盘已满")]   // ERROR_DISK_FULL, Windows
    [InlineData(5, "无法写入输出文件夹")]   // another I/O error: still names the folder
    public void An_IO_error_says_what_went_wrong_and_names_the_folder(int hresult, string why)
    {
        var p = OutputErrors.ProblemOf(new IOException("No space left on device : '/srv/www/public.staging-7/a.html'", hresult), "/srv/www/public").ShouldNotBeNull();
        p.Code.ShouldBe(ProblemCodes.OutputWrite);
        p.File.ShouldBe("/srv/www/public");
        p.Message.ShouldContain(why);
        p.Message.ShouldContain("/srv/www/public.staging-7/a.html", customMessage: "the system's message names the file that failed");
    }

    [Fact]
    public void Permission_denied_and_path_too_long_say_so()
    {
        OutputErrors.ProblemOf(new UnauthorizedAccessException("Access to the path '/srv' is denied."), "/srv/public").ShouldNotBeNull().Message.ShouldContain("没有权限");
        OutputErrors.ProblemOf(new PathTooLongException("too long"), "/srv/public").ShouldNotBeNull().Message.ShouldContain("路径太长");
    }
}
