namespace Baoku.Build;

/// <summary>
/// Compares an output folder with the manifest of the build that wrote it (size and modification time of each file,
/// no reading). What the incremental build may trust is returned: a file changed or deleted by hand is left out (so it
/// is written again), a file nobody built is listed with an empty hash (so it is deleted), as a full build would.
/// The <see cref="OutputMarker"/> is not a file of the site and is left out.
/// </summary>
public static class OutputFolderCheck
{
    public sealed record Result(Dictionary<string, OutputEntry> Trusted, bool Intact);

    public static Result Compare(string outputFolder, IReadOnlyDictionary<string, OutputEntry> manifest)
    {
        var root = Path.GetFullPath(outputFolder);
        var trusted = new Dictionary<string, OutputEntry>(StringComparer.Ordinal);
        bool intact = true;
        int seen = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 };
        foreach (var file in new DirectoryInfo(root).EnumerateFiles("*", options))
        {
            var path = Path.GetRelativePath(root, file.FullName).Replace('\\', '/');
            if (path == OutputMarker.FileName) continue;   // the folder's mark, not a file of the site
            if (manifest.TryGetValue(path, out var e))
            {
                seen++;
                if (e.Size == file.Length && e.MTimeTicks == file.LastWriteTimeUtc.Ticks) trusted[path] = e;
                else intact = false;
            }
            else
            {
                trusted[path] = new OutputEntry("stray", "", file.Length, 0);
                intact = false;
            }
        }
        if (seen != manifest.Count) intact = false;
        return new Result(trusted, intact);
    }
}
