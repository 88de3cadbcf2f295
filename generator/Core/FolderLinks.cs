namespace Baoku.Core;

/// <summary>
/// Symbolic links that lead out of a project folder. A link in templates/ or content/ to /etc/passwd or to the CI
/// runner's home would put that file into the site (or read it as an article): such links are errors, named by path.
/// Links that stay inside the folder are fine.
/// </summary>
public static class FolderLinks
{
    /// <summary>The folder's full path with its own link (if it is one) followed: what "inside" is measured against.</summary>
    public static string RealRoot(string folder)
    {
        var full = Path.GetFullPath(folder);
        var target = Directory.Exists(full) ? Directory.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName : null;
        return Path.TrimEndingDirectorySeparator(target ?? full);
    }

    /// <summary>
    /// Where the link at <paramref name="path"/> finally leads when that is outside <paramref name="realRoot"/>; null
    /// for a plain file or folder and for a link that stays inside. A dangling link counts as outside.
    /// </summary>
    public static string? OutsideTarget(string path, string realRoot)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (info.LinkTarget is null) return null;
        string target;
        try
        {
            target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(info.LinkTarget, Path.GetDirectoryName(path)!);
        }
        catch (IOException)
        {
            return info.LinkTarget;   // a loop of links
        }
        return IsInside(target, realRoot) ? null : target;
    }

    static bool IsInside(string path, string root) =>
        path.Equals(root, StringComparison.Ordinal) || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>
    /// Every link under <paramref name="folder"/> (recursively, without following links that leave it) that leads
    /// outside it: its path as <paramref name="shownFolder"/>/relative path and where it leads. Unreadable folders are skipped.
    /// </summary>
    public static List<(string Shown, string Target)> Outside(string folder, string shownFolder)
    {
        var result = new List<(string, string)>();
        if (!Directory.Exists(folder)) return result;
        var root = RealRoot(folder);
        var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true, RecurseSubdirectories = false };
        var pending = new Stack<string>([folder]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            if (!seen.Add(Directory.ResolveLinkTarget(dir, true)?.FullName ?? Path.GetFullPath(dir))) continue;
            foreach (var entry in Directory.EnumerateFileSystemEntries(dir, "*", options).Order(StringComparer.Ordinal))
            {
                if (OutsideTarget(entry, root) is { } target)
                {
                    var rel = Path.GetRelativePath(folder, entry).Replace('\\', '/');
                    result.Add((shownFolder.TrimEnd('/', '\\') + "/" + rel, target));
                }
                else if (Directory.Exists(entry)) pending.Push(entry);
            }
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return result;
    }
}
