using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Baoku.Import.Write;

/// <summary>
/// Makes a <see cref="ContentPlan"/> happen in content/ all together or not at all, and repairs content/ after an
/// import that was killed while doing so.
/// <para>
/// <b>Stage.</b> Every new file and the new manifest are written into <c>content/.import-staging/</c> (a dot folder,
/// so neither the content loader nor <c>build</c> reads it): <c>new/&lt;path&gt;</c> and <c>manifest.json</c>, in
/// parallel. Then <c>journal.json</c> lists every change (path, hash before, hash after), the files to delete and the
/// folders to create; it is written to a temporary name in the staging folder and renamed, so it is whole or absent.
/// Until the journal exists nothing outside the staging folder has changed: a failure deletes the folder and stops.
/// </para>
/// <para>
/// <b>Commit.</b> The missing date folders are created; each file to replace is renamed to <c>old/&lt;path&gt;</c> and
/// its new version renamed into place; each file to delete is renamed to <c>old/</c> too; last, the staged manifest
/// replaces <c>content/.import-manifest.json</c> (one rename: the moment the import takes effect). Then the journal
/// and the staging folder are deleted. A failure before the manifest's rename undoes every step (<see cref="RollBack"/>:
/// the saved files go back, the new ones go, the new folders go) and deletes the staging folder, so content/ and the
/// manifest are exactly as before.
/// </para>
/// <para>
/// <b>Repair.</b> If the process dies on the way, the next import (<see cref="Recover"/>) finds the staging folder
/// first: without a journal it is deleted (nothing had changed); with a journal and the staged manifest still there,
/// the steps done are undone from the journal as above; with the manifest already moved, the import had taken effect
/// and only the folder is deleted. Either way content/ and the manifest are the state before or after that import,
/// never a mix. A file an editor saved after the crash is left as the editor left it. The "*.tmp-PID" files that
/// imports before this class left beside articles and the manifest when killed are deleted too.
/// </para>
/// <para>
/// <c>lock</c> in the staging folder is held open without sharing while an import writes or repairs, so a second
/// import into the same folder stops with a message instead of undoing the first one's work.
/// </para>
/// </summary>
public static class ContentTransaction
{
    public const string FolderName = ".import-staging";
    const string JournalName = "journal.json", ManifestName = "manifest.json", LockName = "lock";

    /// <summary>For tests: called with the name of each step before it is done ("stage …", "journal", "save …",
    /// "move …", "delete …", "manifest", "tidy"); throwing from it fails that step, or stops the import there like a
    /// kill (an exception other than an I/O one escapes without tidying anything).</summary>
    internal static readonly AsyncLocal<Action<string>?> Fault = new();

    sealed record Journal(
        [property: JsonPropertyName("version")] int Version,
        [property: JsonPropertyName("folders")] List<string> Folders,
        [property: JsonPropertyName("writes")] List<JournalWrite> Writes,
        [property: JsonPropertyName("deletes")] List<JournalDelete> Deletes);

    sealed record JournalWrite(
        [property: JsonPropertyName("path")] string Path,
        [property: JsonPropertyName("before")] string? Before,
        [property: JsonPropertyName("after")] string After);

    sealed record JournalDelete(
        [property: JsonPropertyName("path")] string Path,
        [property: JsonPropertyName("before")] string Before);

    static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>A step that failed: the path to name to the editor, the path that failed on disk, and why.</summary>
    sealed class StepFailure(string shown, string actual, Exception inner) : Exception(inner.Message, inner)
    {
        public Problem Problem => new(ProblemCodes.ImportWrite, shown, null, IoMessages.CannotWrite(InnerException!, actual));
    }

    /// <summary>Writes the plan's files, deletes and manifest into <paramref name="contentDir"/> all together
    /// (Committed), or leaves it exactly as it was and returns the problem, naming the path that failed.</summary>
    public static (bool Committed, IReadOnlyList<Problem> Problems) Commit(string contentDir, ContentPlan plan)
    {
        var manifestPath = Path.Combine(contentDir, ImportManifest.FileName);
        var manifestText = plan.Manifest.Serialize();
        if (plan.Writes.Count == 0 && plan.Deletes.Count == 0 && SameText(manifestPath, manifestText)) return (true, []);

        var staging = Path.Combine(contentDir, FolderName);
        bool madeContentDir = !Directory.Exists(contentDir);
        FileStream? held = null;
        try
        {
            Journal journal;
            try
            {
                Step("content folder", contentDir, contentDir, () => Directory.CreateDirectory(contentDir));
                if (Directory.Exists(staging) || File.Exists(staging)) return (false, [Busy(staging)]);
                Step("staging folder", contentDir, staging, () => Directory.CreateDirectory(staging));
                try { held = new FileStream(Path.Combine(staging, LockName), FileMode.CreateNew, FileAccess.Write, FileShare.None); }
                catch (IOException) when (File.Exists(Path.Combine(staging, LockName))) { return (false, [Busy(staging)]); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new StepFailure(contentDir, staging, e); }

                journal = new Journal(1, FoldersToMake(contentDir, plan.Writes),
                    plan.Writes.Select(w => new JournalWrite(w.RelativePath, w.Before, w.After)).ToList(),
                    plan.Deletes.Select(d => new JournalDelete(d.RelativePath, d.Before)).ToList());
                Stage(contentDir, staging, plan, manifestText);
                var journalPath = Path.Combine(staging, JournalName);
                Step("journal", journalPath, journalPath, () =>
                {
                    File.WriteAllText(journalPath + ".tmp", JsonSerializer.Serialize(journal, JsonOptions), new UTF8Encoding(false));
                    File.Move(journalPath + ".tmp", journalPath);
                });
            }
            catch (StepFailure f)
            {
                // Nothing outside the staging folder has changed.
                held?.Dispose();
                var problems = new List<Problem> { f.Problem };
                Discard(staging, problems);
                if (madeContentDir) RemoveIfEmpty(contentDir);
                return (false, problems);
            }

            try
            {
                Apply(contentDir, staging, journal, manifestPath);
            }
            catch (StepFailure f)
            {
                var problems = new List<Problem> { f.Problem };
                try { RollBack(contentDir, staging, journal); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The staging folder and its journal stay: the next import finishes the undoing first.
                    problems.Add(NotUndone(staging, e));
                    return (false, problems);
                }
                held?.Dispose();
                Discard(staging, problems);
                if (madeContentDir) RemoveIfEmpty(contentDir);
                return (false, problems);
            }

            // The manifest is in place: the import has taken effect. What is left is tidying up.
            var done = new List<Problem>();
            try { Step("tidy", staging, staging, () => File.Delete(Path.Combine(staging, JournalName))); }
            catch (StepFailure f) { done.Add(NotRemoved(staging, f.InnerException!)); return (true, done); }
            held?.Dispose();
            Discard(staging, done);
            return (true, done);
        }
        finally
        {
            // Also when the process is stopped half-way (as a crash would, the kernel then releasing the lock).
            held?.Dispose();
        }
    }

    /// <summary>
    /// Repairs content/ after an import that was killed while writing (see the class summary), so that the files and
    /// the manifest are those before or after that import; does nothing when there is no staging folder.
    /// </summary>
    public static IReadOnlyList<Problem> Recover(string contentDir)
    {
        // Temporary files that imports before the staging folder wrote beside each article and the manifest.
        AtomicFile.RemoveStale(contentDir, "*.tmp-*", 2);
        var staging = Path.Combine(contentDir, FolderName);
        if (!Directory.Exists(staging)) return [];
        FileStream held;
        try { held = new FileStream(Path.Combine(staging, LockName), FileMode.OpenOrCreate, FileAccess.Write, FileShare.None); }
        catch (IOException e) when (e is not PathTooLongException && File.Exists(Path.Combine(staging, LockName))) { return [Busy(staging)]; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return [NotUndone(staging, e)]; }

        using (held)
        {
            var journalPath = Path.Combine(staging, JournalName);
            try
            {
                if (File.Exists(journalPath) && File.Exists(Path.Combine(staging, ManifestName)))
                {
                    var journal = JsonSerializer.Deserialize<Journal>(File.ReadAllText(journalPath), JsonOptions);
                    if (journal?.Writes is null || journal.Deletes is null || journal.Folders is null)
                        return [Problem.Of(ProblemCodes.ImportWrite, journalPath, null,
                            "上次导入被中断，它的记录不完整，无法自动恢复；请用版本管理恢复 content 文件夹后删除这个文件夹",
                            "an interrupted import left an incomplete journal and cannot be repaired; restore content/ from version control, then delete this folder")];
                    RollBack(contentDir, staging, journal);
                }
                if (File.Exists(journalPath)) File.Delete(journalPath);
            }
            catch (JsonException)
            {
                return [Problem.Of(ProblemCodes.ImportWrite, journalPath, null,
                    "上次导入被中断，它的记录无法读取，无法自动恢复；请用版本管理恢复 content 文件夹后删除这个文件夹",
                    "an interrupted import left a journal that cannot be read; restore content/ from version control, then delete this folder")];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return [NotUndone(staging, e)];
            }
        }
        var problems = new List<Problem>();
        Discard(staging, problems);
        return problems;
    }

    /// <summary>Writes every new file (in parallel) and the manifest into the staging folder.</summary>
    static void Stage(string contentDir, string staging, ContentPlan plan, string manifestText)
    {
        var newRoot = Path.Combine(staging, "new");
        var oldRoot = Path.Combine(staging, "old");
        var folders = plan.Writes.Select(w => Path.Combine(newRoot, Parent(w.RelativePath)))
            .Concat(plan.Writes.Where(w => w.Before is not null).Select(w => Path.Combine(oldRoot, Parent(w.RelativePath))))
            .Concat(plan.Deletes.Select(d => Path.Combine(oldRoot, Parent(d.RelativePath))))
            .Distinct(StringComparer.Ordinal).ToList();
        foreach (var folder in folders) Step("stage folder " + Path.GetRelativePath(staging, folder), contentDir, folder, () => Directory.CreateDirectory(folder));

        var failures = new StepFailure?[plan.Writes.Count];
        Parallel.For(0, plan.Writes.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, (i, state) =>
        {
            var w = plan.Writes[i];
            try { Step("stage " + w.RelativePath, Path.Combine(contentDir, w.RelativePath), Path.Combine(newRoot, w.RelativePath), () => File.WriteAllBytes(Path.Combine(newRoot, w.RelativePath), w.Bytes)); }
            catch (StepFailure f) { failures[i] = f; state.Stop(); }
        });
        if (failures.FirstOrDefault(f => f is not null) is { } failure) throw failure;

        var staged = Path.Combine(staging, ManifestName);
        Step("stage manifest", Path.Combine(contentDir, ImportManifest.FileName), staged, () => File.WriteAllText(staged, manifestText, new UTF8Encoding(false)));
    }

    /// <summary>The commit's renames, in the journal's order, the manifest last.</summary>
    static void Apply(string contentDir, string staging, Journal journal, string manifestPath)
    {
        foreach (var folder in journal.Folders)
        {
            var full = Path.Combine(contentDir, folder);
            Step("folder " + folder, full, full, () => Directory.CreateDirectory(full));
        }
        foreach (var w in journal.Writes)
        {
            var target = Path.Combine(contentDir, w.Path);
            if (w.Before is not null) Step("save " + w.Path, target, target, () => File.Move(target, Path.Combine(staging, "old", w.Path)));
            Step("move " + w.Path, target, target, () => File.Move(Path.Combine(staging, "new", w.Path), target));
        }
        foreach (var d in journal.Deletes)
        {
            var target = Path.Combine(contentDir, d.Path);
            Step("delete " + d.Path, target, target, () => File.Move(target, Path.Combine(staging, "old", d.Path)));
        }
        Step("manifest", manifestPath, manifestPath, () => File.Move(Path.Combine(staging, ManifestName), manifestPath, overwrite: true));
    }

    /// <summary>
    /// Undoes the commit steps done so far, judging each from what is on disk, so that it serves both a failure in
    /// this process and a repair after a crash (and can itself be repeated): a saved file goes back; a created file
    /// still as the import wrote it goes; a created folder left empty goes. A file changed since (an editor saved it
    /// after a crash) stays, and the old manifest then calls it edited.
    /// </summary>
    static void RollBack(string contentDir, string staging, Journal journal)
    {
        foreach (var w in Enumerable.Reverse(journal.Writes))
        {
            var target = Path.Combine(contentDir, w.Path);
            var saved = Path.Combine(staging, "old", w.Path);
            if (File.Exists(saved))
            {
                if (!File.Exists(target) || HashOf(target) == w.After) File.Move(saved, target, overwrite: true);
            }
            else if (w.Before is null && !File.Exists(Path.Combine(staging, "new", w.Path)) && File.Exists(target) && HashOf(target) == w.After)
                File.Delete(target);
        }
        foreach (var d in journal.Deletes)
        {
            var target = Path.Combine(contentDir, d.Path);
            var saved = Path.Combine(staging, "old", d.Path);
            if (File.Exists(saved) && !File.Exists(target)) File.Move(saved, target);
        }
        foreach (var folder in Enumerable.Reverse(journal.Folders)) RemoveIfEmpty(Path.Combine(contentDir, folder));
    }

    /// <summary>The date folders the plan's files need that do not exist yet, each after its parent.</summary>
    static List<string> FoldersToMake(string contentDir, List<PlannedWrite> writes)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in writes)
        {
            var parts = w.RelativePath.Split('/');
            for (int n = 1; n < parts.Length; n++)
            {
                var folder = string.Join('/', parts.Take(n));
                if (seen.Add(folder) && !Directory.Exists(Path.Combine(contentDir, folder))) result.Add(folder);
            }
        }
        return result;
    }

    static string Parent(string relativePath) => relativePath.LastIndexOf('/') is var i and >= 0 ? relativePath[..i] : "";

    static void Step(string name, string shown, string actual, Action action)
    {
        try
        {
            Fault.Value?.Invoke(name);
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new StepFailure(shown, actual, e); }
    }

    static string HashOf(string path) => ArticleFiles.Sha256(File.ReadAllBytes(path));

    static bool SameText(string path, string text)
    {
        try { return File.Exists(path) && File.ReadAllText(path) == text; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>Deletes the staging folder; a failure is reported (the next import deletes it).</summary>
    static void Discard(string staging, List<Problem> problems)
    {
        try { if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { problems.Add(NotRemoved(staging, e)); }
    }

    static void RemoveIfEmpty(string folder)
    {
        try { if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    static Problem Busy(string staging) => Problem.Of(ProblemCodes.ImportWrite, staging, null,
        "另一个导入正在写入这个内容文件夹，请等它结束后再导入",
        "another import is writing to this content folder; import again when it has finished");

    const string NotUndoneZh = "没能把内容文件夹恢复到导入之前";

    /// <summary>Whether the problem says content/ was left half-written for the next import to repair.</summary>
    public static bool LeftForRepair(Problem p) => p.Code == ProblemCodes.ImportWrite && p.Message.StartsWith(NotUndoneZh, StringComparison.Ordinal);

    static Problem NotUndone(string staging, Exception e)
    {
        var (zh, en) = IoMessages.Reason(e, staging);
        return Problem.Of(ProblemCodes.ImportWrite, staging, null,
            $"{NotUndoneZh}：{zh}；问题解决后再导入一次，会先自动恢复",
            $"content/ could not be put back as it was: {en}; once this is fixed, import again and it is repaired first");
    }

    static Problem NotRemoved(string staging, Exception e)
    {
        var (zh, en) = IoMessages.Reason(e, staging);
        return Problem.Of(ProblemCodes.ImportWrite, staging, null,
            $"无法删除导入用的临时文件夹：{zh}；下次导入时会删除它",
            $"cannot remove the import's staging folder: {en}; the next import removes it");
    }
}
