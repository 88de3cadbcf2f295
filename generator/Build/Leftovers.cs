using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Baoku.Build;

/// <summary>
/// The folders a build makes beside its output folder, and what a killed build leaves of them:
/// <c>NAME.staging-PID</c>, the new site being made (complete once it holds the <see cref="OutputMarker"/>), and
/// <c>NAME.old-PID</c>, the site it replaced, being deleted. The next build removes those whose process is gone.
/// </summary>
static class Leftovers
{
    public const string StagingInfix = ".staging-", OldInfix = ".old-";

    /// <summary>
    /// The folder a build replaces: the output folder's full path, or where it points when it is a symbolic link (the
    /// link is kept, and the site it points at is replaced beside it: replacing the link would leave its target as it was).
    /// </summary>
    public static string Target(string outputFolder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder));
        var info = new DirectoryInfo(full);
        return info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true } real
            ? Path.TrimEndingDirectorySeparator(real.FullName)
            : full;
    }

    public static string Staging(string target, int pid) => target + StagingInfix + pid;
    public static string Old(string target, int pid) => target + OldInfix + pid;

    /// <summary>
    /// Removes the leftovers of builds whose process is gone; returns a warning for each that cannot be removed. When the
    /// output folder itself is missing because a build was killed between its two renames (where a system cannot
    /// exchange two folders in one step), the newest complete staging folder is put in its place first: the site it
    /// was publishing.
    /// </summary>
    public static List<Problem> Clear(string outputFolder)
    {
        var target = Target(outputFolder);
        var parent = Path.GetDirectoryName(target);
        var problems = new List<Problem>();
        if (parent is null || !Directory.Exists(parent)) return problems;
        var name = Path.GetFileName(target);
        var dead = new List<(string Path, bool Staging)>();
        foreach (var dir in Directory.EnumerateDirectories(parent))
        {
            var rest = Path.GetFileName(dir);
            if (!rest.StartsWith(name, StringComparison.Ordinal)) continue;
            rest = rest[name.Length..];
            var staging = rest.StartsWith(StagingInfix, StringComparison.Ordinal);
            if (!staging && !rest.StartsWith(OldInfix, StringComparison.Ordinal)) continue;
            var number = rest[(staging ? StagingInfix : OldInfix).Length..];
            if (number.Length == 0 || !number.All(char.IsAsciiDigit) || !int.TryParse(number, out var pid)) continue;
            if (!NativeFiles.Running(pid)) dead.Add((dir, staging));
        }
        if (!Path.Exists(target))
        {
            var complete = dead.Where(d => d.Staging && OutputMarker.IsCompleteIn(d.Path))
                .OrderByDescending(d => File.GetLastWriteTimeUtc(Path.Combine(d.Path, OutputMarker.FileName))).FirstOrDefault();
            if (complete.Path is not null)
            {
                Directory.Move(complete.Path, target);
                dead.Remove(complete);
            }
        }
        foreach (var (dir, _) in dead)
        {
            try { DeleteTree(dir); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(NotRemoved(dir, e));
            }
        }
        return problems;
    }

    public static Problem NotRemoved(string dir, Exception e) => new(ProblemCodes.OutputLeftover, dir, null,
        $"删不掉旧网站或中断的构建留下的文件夹，下次构建会再试 (cannot remove a folder left by the replaced site or an interrupted build; the next build tries again): {e.Message}");

    /// <summary>
    /// Deletes a folder tree, its files in parallel: a site's tens of thousands of files are metadata work that one
    /// thread does slowly, and most of them sit in one folder (search/), so sharing out the top-level folders was not
    /// enough. The folders, empty then, go last.
    /// </summary>
    public static void DeleteTree(string folder)
    {
        // Symbolic links are skipped (never followed out of the folder); Directory.Delete removes the links themselves.
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false };
        var files = Directory.EnumerateFiles(folder, "*", options).ToList();
        try
        {
            if (files.Count > 0)
                Parallel.ForEach(Partitioner.Create(0, files.Count, 512), range =>
                {
                    for (int i = range.Item1; i < range.Item2; i++) File.Delete(files[i]);
                });
        }
        catch (AggregateException e) when (e.InnerExceptions is [var first, ..])
        {
            // The callers turn an IOException or UnauthorizedAccessException into a warning (BK461), not an internal error.
            ExceptionDispatchInfo.Throw(first);
        }
        Directory.Delete(folder, recursive: true);
    }
}
