using System.Text;
using Baoku.Search;

namespace Baoku.Build;

/// <summary>
/// The file <c>.baoku-site</c> in the root of every folder a build publishes: it marks the folder as Baoku's, so a later
/// build may replace it (<see cref="OutputFolderGuard"/>), and it is written last into a staging folder, so a staging
/// folder holding it is a complete site (<see cref="Leftovers"/>). It is not one of the site's files: no manifest
/// lists it, and it is the same in every build.
/// </summary>
public static class OutputMarker
{
    public const string FileName = ".baoku-site";

    public static readonly byte[] Text = Encoding.UTF8.GetBytes(
        "这个文件夹由 baoku build 生成，每次构建都会整个替换。\n" +
        "This folder is made by baoku build and replaced as a whole by every build.\n");

    public static bool IsIn(string folder) => File.Exists(Path.Combine(folder, FileName));

    /// <summary>The marker is there with all its bytes: the folder was finished.</summary>
    public static bool IsCompleteIn(string folder)
    {
        try { return File.ReadAllBytes(Path.Combine(folder, FileName)).AsSpan().SequenceEqual(Text); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }
}

/// <summary>A build or preview refused before anything was touched; the CLI makes it exit code 2.</summary>
public sealed class OutputRefusedException(Problem problem) : Exception(problem.Message)
{
    public Problem Problem { get; } = problem;
}

/// <summary>
/// A build replaces its output folder as a whole, so the output folder must never be something else. Refused, before
/// anything is read or written: an output folder that is or contains the content folder, the templates, the folder of
/// site.yml, the current folder or the build cache, or lies inside the content or templates folder (compared by
/// <see cref="RealPath"/>); a path that is a file; and a folder with files in it that Baoku did not make (no
/// <see cref="OutputMarker"/>, and no manifest of an earlier build in the cache: a site of a Baoku before the marker).
/// </summary>
public static class OutputFolderGuard
{
    /// <summary>A folder the output folder must not be or contain; <c>Apart</c>: it must not lie inside it either.</summary>
    sealed record Protected(string Path, string Zh, string En, bool Apart);

    public static Problem? Check(BuildOptions o) => Check(o, Directory.GetCurrentDirectory(), RealPath.Of);

    internal static Problem? Check(BuildOptions o, string currentFolder, Func<string, string> real)
    {
        var output = o.OutputDir;
        try
        {
            var outputReal = real(output);
            List<Protected> folders =
            [
                new(o.ContentDir, "文章文件夹", "the content folder", true),
                new(o.TemplatesDir, "模板文件夹", "the templates folder", true),
                new(Path.GetDirectoryName(Path.GetFullPath(o.SiteConfigPath))!, "site.yml 所在的文件夹", "the folder of site.yml", false),
                new(currentFolder, "当前文件夹", "the current folder", false),
            ];
            if (o.CacheDir is not null) folders.Add(new(o.CacheDir, "构建缓存文件夹", "the build cache folder", false));
            foreach (var f in folders)
            {
                var protectedReal = real(f.Path);
                (string Zh, string En)? relation =
                    protectedReal == outputReal ? ($"就是{f.Zh} {f.Path}", $"is {f.En} {f.Path}")
                    : RealPath.IsSameOrInside(protectedReal, outputReal) ? ($"包含{f.Zh} {f.Path}", $"contains {f.En} {f.Path}")
                    : f.Apart && RealPath.IsSameOrInside(outputReal, protectedReal) ? ($"在{f.Zh} {f.Path} 里面", $"lies inside {f.En} {f.Path}")
                    : null;
                if (relation is not { } r) continue;
                return Refused(output,
                    $"输出文件夹 {output} {r.Zh}，而构建会把输出文件夹整个换成网站，已拒绝；请用 -o 换一个单独的文件夹，如 public " +
                    $"(the output folder {output} {r.En}, and a build replaces its output folder as a whole: refused; choose a folder of its own with -o, e.g. public)");
            }
            if (File.Exists(output))
                return Refused(output, $"输出路径 {output} 是一个文件，不是文件夹，已拒绝 (the output path {output} is a file, not a folder: refused)");
            if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any() && !OutputMarker.IsIn(output) && !BuiltBefore(o) && !LooksBuilt(output))
                return Refused(output,
                    $"输出文件夹 {output} 里已有文件，但不是 Baoku 生成的（没有 {OutputMarker.FileName} 标记）；构建会删掉其中的一切，已拒绝。请换一个新的或空的文件夹；确认里面的东西都不要了，可以先自己删掉它 " +
                    $"(the output folder {output} is not empty and was not made by Baoku (it has no {OutputMarker.FileName} marker); a build would delete everything in it: refused. Choose a new or empty folder, or delete this one yourself if nothing in it is needed)");
            return null;
        }
        catch (Exception e) when (OutputErrors.ProblemOf(e, output) is { } problem)
        {
            return problem;
        }
    }

    static Problem Refused(string output, string message) => new(ProblemCodes.OutputRefused, output, null, message);

    /// <summary>The cache holds a manifest for this folder: a build made it (before builds marked their folders).</summary>
    static bool BuiltBefore(BuildOptions o) => o.CacheDir is not null && File.Exists(BuildCache.PathFor(o.CacheDir, o.OutputDir));

    /// <summary>
    /// A site a Baoku before the marker made, without a cache (built with another --cache, or the cache deleted): a home
    /// page beside Baoku's own search index, whose first bytes no template and no other tool writes.
    /// </summary>
    static bool LooksBuilt(string output)
    {
        if (!File.Exists(Path.Combine(output, "index.html"))) return false;
        var meta = Path.Combine(output, SearchIndexWriter.Folder, SearchIndexWriter.MetaFile);
        if (!File.Exists(meta)) return false;
        using var f = File.OpenRead(meta);
        var start = new byte[SearchMetaStart.Length];
        return f.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) == start.Length && start.AsSpan().SequenceEqual(SearchMetaStart);
    }

    static readonly byte[] SearchMetaStart = Encoding.ASCII.GetBytes(SearchIndexWriter.MetaStart);
}
