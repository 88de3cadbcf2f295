using System.Diagnostics;
using Baoku.Import.Write;
using Baoku.Tests.Support;

namespace Baoku.Tests.Import.Write;

/// <summary>
/// An import writes all its files or none (README, "What import guarantees"): a file that cannot be written, a
/// failure at any step of writing, or a kill at any step leaves content/ and the manifest byte for byte as before (a
/// kill: once the next import has repaired it), with no temporary or staging file, and the next import needs no
/// --force and calls nothing "edited after import".
/// </summary>
public class AllOrNothingImportTests
{
    const string Page000 = "000_fcd394e6e566bb03", Page001 = "001_37e48254b797af22", Page003 = "003_64c2b03470ce42da";

    /// <summary>
    /// Three pages imported; then an editor edits one article, moves two pages to other dates (sidecars) and corrects
    /// a word on the third, so that the next import writes those articles under new names in new folders and deletes
    /// their old files, replaces the corrected article, and reports the edited one as a conflict. <paramref name="first"/>
    /// is what the first import wrote.
    /// </summary>
    static ImportSandbox Scenario(out List<string> first)
    {
        var s = new ImportSandbox("000", "001", "003");
        var r = s.Run();
        r.HasErrors.ShouldBeFalse();
        first = r.Articles.Select(a => a.RelativePath).ToList();
        var edited = Path.Combine(s.Content, first[0]);
        File.WriteAllText(edited, File.ReadAllText(edited) + "\n编辑补充的一段话。\n");
        File.WriteAllText(Path.Combine(s.Seeds, Page000 + ".yml"), "date: 2021-03-04\n");
        File.WriteAllText(Path.Combine(s.Seeds, Page003 + ".yml"), "date: 2021-04-05\n");
        var page001 = Path.Combine(s.Seeds, Page001 + ".txt");
        File.WriteAllText(page001, File.ReadAllText(page001).Replace("市委书记章旭升深入经", "市委书记章旭升同志深入经"));
        return s;
    }

    /// <summary>The first and the last step of each kind (staging a file, saving an old file, moving a new one in, …).</summary>
    static List<string> Sample(List<string> steps) =>
        steps.GroupBy(Kind).SelectMany(g => g.Count() > 1 ? new[] { g.First(), g.Last() } : [g.First()]).OrderBy(steps.IndexOf).ToList();

    static string Kind(string step) => step.StartsWith("stage folder") ? "stage folder" : step.Split(' ')[0];

    /// <summary>content/ after the scenario's second import when nothing goes wrong.</summary>
    static SortedDictionary<string, string> TreeAfter(out List<string> steps)
    {
        using var s = Scenario(out _);
        var seen = new List<string>();
        ContentTransaction.Fault.Value = name => { lock (seen) seen.Add(name); };
        try { s.Run().HasErrors.ShouldBeFalse(); }
        finally { ContentTransaction.Fault.Value = null; }
        steps = seen;
        return s.Tree();
    }

    static void ShouldBeRepairedByTheNextImport(ImportSandbox s, SortedDictionary<string, string> after, List<string> first)
    {
        var r = s.Run();
        r.HasErrors.ShouldBeFalse(string.Join("\n", r.Problems));
        r.Files.ShouldNotContain(f => f.Outcome == FileOutcome.KeptEdited);
        r.Files.Single(f => f.Outcome == FileOutcome.Conflict).RelativePath.ShouldBe(first[0]);
        r.Files.ShouldAllBe(f => f.Outcome != FileOutcome.Created && f.Outcome != FileOutcome.Replaced);
        s.Tree().ShouldBe(after);
        s.Leftovers().ShouldBeEmpty();
    }

    [Fact]
    public void AFolderWithAnArticlesNameStopsTheImportBeforeAnythingIsWritten()
    {
        using var s = Scenario(out var first);
        var blocked = Path.Combine(s.Content, s.Run(dryRun: true).Articles[^1].RelativePath);
        Directory.CreateDirectory(blocked);
        var before = s.Tree();

        var r = s.Run();
        r.HasErrors.ShouldBeTrue();
        r.Written.ShouldBeFalse();
        r.Files.ShouldBeEmpty();
        r.Problems.ShouldContain(p => p.File == blocked && p.Message.Contains("同名的文件夹") && p.Message.Contains("folder of this name"));
        s.Tree().ShouldBe(before);
        s.Leftovers().ShouldBeEmpty();

        Directory.Delete(blocked);
        ShouldBeRepairedByTheNextImport(s, TreeAfter(out _), first);
    }

    [Fact]
    public void AFileWhereADateFolderShouldBeStopsTheImportBeforeAnythingIsWritten()
    {
        using var s = Scenario(out var first);
        var month = Path.GetDirectoryName(Path.Combine(s.Content, s.Run(dryRun: true).Articles[^1].RelativePath))!;
        Directory.CreateDirectory(Path.GetDirectoryName(month)!);
        File.WriteAllText(month, "not a folder");
        var before = s.Tree();

        var r = s.Run();
        r.HasErrors.ShouldBeTrue();
        r.Written.ShouldBeFalse();
        r.Problems.ShouldContain(p => p.File == month && p.Message.Contains("却是一个文件") && p.Message.Contains("should be a folder"));
        s.Tree().ShouldBe(before);
        s.Leftovers().ShouldBeEmpty();

        File.Delete(month);
        ShouldBeRepairedByTheNextImport(s, TreeAfter(out _), first);
    }

    /// <summary>A real failure half-way through the commit (one old file cannot be moved: immutable when the tests run
    /// as root, in a read-only folder otherwise): every file already moved goes back.</summary>
    [Fact]
    public void AFileThatCannotBeMovedUndoesEveryChangeAlreadyMade()
    {
        using var s = Scenario(out var first);
        var stuck = Path.Combine(s.Content, first[^1]);
        var before = s.Tree();
        ImportResult r;
        using (new Unwritable(stuck)) r = s.Run();

        r.HasErrors.ShouldBeTrue();
        r.Written.ShouldBeFalse();
        r.Files.ShouldBeEmpty();
        r.Problems.ShouldContain(p => p.File == stuck && p.Message.Contains("没有权限") && p.Message.Contains("permission denied"));
        s.Tree().ShouldBe(before);
        s.Leftovers().ShouldBeEmpty();

        ShouldBeRepairedByTheNextImport(s, TreeAfter(out _), first);
    }

    [Fact]
    public void AFailureAtAnyStepOfWritingLeavesContentAndTheManifestExactlyAsBefore()
    {
        var after = TreeAfter(out var steps);
        steps.Count.ShouldBeGreaterThan(20);
        steps.Distinct().Count().ShouldBe(steps.Count);
        foreach (var step in Sample(steps.Take(steps.IndexOf("manifest") + 1).ToList()))
        {
            using var s = Scenario(out var first);
            var before = s.Tree();
            ContentTransaction.Fault.Value = name => { if (name == step) throw new IOException("No space left on device", 28); };
            ImportResult r;
            try { r = s.Run(); }
            finally { ContentTransaction.Fault.Value = null; }

            r.HasErrors.ShouldBeTrue(step);
            r.Written.ShouldBeFalse(step);
            r.Problems.ShouldContain(p => p.Message.Contains("磁盘已满") && p.Message.Contains("no space left"), step);
            s.Tree().ShouldBe(before, step);
            s.Leftovers().ShouldBeEmpty(step);
            ShouldBeRepairedByTheNextImport(s, after, first);
        }
    }

    /// <summary>Once the manifest is in place the import has taken effect: a failure to remove the journal is reported
    /// (the staging folder is left), and the next import removes the folder.</summary>
    [Fact]
    public void AFailureToTidyUpAfterTheManifestIsInPlaceKeepsTheImport()
    {
        var after = TreeAfter(out _);
        using var s = Scenario(out var first);
        ContentTransaction.Fault.Value = name => { if (name == "tidy") throw new IOException("Input/output error", 5); };
        ImportResult r;
        try { r = s.Run(); }
        finally { ContentTransaction.Fault.Value = null; }

        r.Written.ShouldBeTrue();
        r.Problems.ShouldContain(p => p.File.EndsWith(ContentTransaction.FolderName) && p.Message.Contains("下次导入时会删除"));
        s.Tree().Where(e => !e.Key.StartsWith(ContentTransaction.FolderName)).ShouldBe(after);
        ShouldBeRepairedByTheNextImport(s, after, first);
    }

    /// <summary>The process stopped at each step (the exception escapes like a kill: nothing is tidied): the next import
    /// first puts content/ back as it was before the killed import, or keeps it as after if the manifest was already
    /// in place, then does its own work.</summary>
    [Fact]
    public void AKillAtAnyStepOfWritingIsRepairedByTheNextImport()
    {
        var after = TreeAfter(out var steps);
        var sample = Sample(steps);
        sample.Select(Kind).Distinct().ShouldBe(["content", "staging", "stage folder", "stage", "journal", "folder", "save", "move", "delete", "manifest", "tidy"], ignoreOrder: true);
        int repairedToBefore = 0;
        foreach (var step in sample)
        {
            using var s = Scenario(out var first);
            var before = s.Tree();
            ContentTransaction.Fault.Value = name => { if (name == step) throw new KilledForTest(); };
            try { Should.Throw<Exception>(() => s.Run()); }
            finally { ContentTransaction.Fault.Value = null; }

            ContentTransaction.Recover(s.Content).ShouldBeEmpty(step);
            var repaired = s.Tree();
            if (repaired.SequenceEqual(before)) repairedToBefore++;
            else repaired.ShouldBe(after, step);
            s.Leftovers().ShouldBeEmpty(step);
            ShouldBeRepairedByTheNextImport(s, after, first);
        }
        // Every step up to the manifest's rename is undone; after it, the import stands.
        repairedToBefore.ShouldBe(sample.IndexOf("manifest") + 1);
        sample[^1].ShouldBe("tidy");
    }

    [Fact]
    public void AKilledImportIsRepairedByTheNextImportItself()
    {
        var after = TreeAfter(out var steps);
        using var s = Scenario(out var first);
        var half = steps.Where(x => x.StartsWith("move ")).Skip(2).First();
        ContentTransaction.Fault.Value = name => { if (name == half) throw new KilledForTest(); };
        try { Should.Throw<Exception>(() => s.Run()); }
        finally { ContentTransaction.Fault.Value = null; }
        Directory.Exists(Path.Combine(s.Content, ContentTransaction.FolderName)).ShouldBeTrue();

        ShouldBeRepairedByTheNextImport(s, after, first);
    }

    [Fact]
    public void AnotherImportWritingToTheSameContentFolderIsNotDisturbed()
    {
        using var s = Scenario(out _);
        var before = s.Tree();
        var staging = Path.Combine(s.Content, ContentTransaction.FolderName);
        Directory.CreateDirectory(staging);
        ImportResult r;
        using (new FileStream(Path.Combine(staging, "lock"), FileMode.CreateNew, FileAccess.Write, FileShare.None)) r = s.Run();

        r.Written.ShouldBeFalse();
        r.Problems.ShouldContain(p => p.File == staging && p.Message.Contains("另一个导入") && p.Message.Contains("another import"));
        s.Tree().Where(e => !e.Key.StartsWith(ContentTransaction.FolderName)).ShouldBe(before);
        Directory.Delete(staging, recursive: true);
    }

    [Fact]
    public void NoTemporaryFileIsLeftWhenTheReportCannotBeWritten()
    {
        using var s = new ImportSandbox("001");
        Directory.CreateDirectory(s.Report);   // a folder where the report should go
        var r = s.Run();
        r.Problems.ShouldContain(p => p.File == s.Report && p.Message.Contains("导入报告") && p.Message.Contains("同名的文件夹"));
        s.Leftovers().ShouldBeEmpty();
    }

    /// <summary>The "*.tmp-PID" files a killed import left (before the staging folder, one beside each article and the
    /// manifest; the report's still): the next import deletes them, but not those of a process still running.</summary>
    [Fact]
    public void TemporaryFilesOfAKilledImportAreRemovedByTheNextImport()
    {
        using var s = new ImportSandbox("001");
        s.Run().HasErrors.ShouldBeFalse();
        var article = Path.Combine(s.Content, s.Run(dryRun: true).Articles[0].RelativePath);
        const string Ended = ".tmp-2147483000";   // above any PID Linux or Windows hands out
        string[] stale = [article + Ended, Path.Combine(s.Content, ImportManifest.FileName) + Ended, s.Report + Ended];
        foreach (var f in stale) File.WriteAllText(f, "half a file");
        var running = article + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(running, "being written");

        s.Run().HasErrors.ShouldBeFalse();
        stale.Where(File.Exists).ShouldBeEmpty();
        File.Exists(running).ShouldBeTrue();
        File.Delete(running);
        s.Leftovers().ShouldBeEmpty();
    }

    sealed class KilledForTest : Exception;

    /// <summary>Makes a file impossible to move or delete for the test's duration: immutable as root (chattr +i), in a
    /// read-only folder as another user, held open without sharing on Windows.</summary>
    sealed class Unwritable : IDisposable
    {
        readonly string _file;
        readonly UnixFileMode? _folderMode;
        readonly FileStream? _held;

        public Unwritable(string file)
        {
            _file = file;
            if (OperatingSystem.IsWindows()) _held = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.None);
            else if (Environment.IsPrivilegedProcess)
                Chattr("+i").ShouldBe(0, "the test needs chattr +i (an ext4-like file system) when it runs as root");
            else
            {
                var folder = Path.GetDirectoryName(file)!;
                _folderMode = File.GetUnixFileMode(folder);
                File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            }
        }

        int Chattr(string flag)
        {
            using var p = Process.Start(new ProcessStartInfo("chattr", [flag, _file]) { RedirectStandardError = true })!;
            p.WaitForExit();
            return p.ExitCode;
        }

        public void Dispose()
        {
            if (OperatingSystem.IsWindows()) _held?.Dispose();
            else if (_folderMode is { } mode) File.SetUnixFileMode(Path.GetDirectoryName(_file)!, mode);
            else Chattr("-i");
        }
    }
}
