using System.Security.Cryptography;
using Baoku.Check;
using Baoku.Tests.Support;

namespace Baoku.Tests.Check;

/// <summary>
/// A temp folder with the repo's site.yml and templates and an empty content/ folder, for writing small bad inputs
/// into and checking them. Paths given to <see cref="Write"/> are relative to <see cref="Root"/>.
/// </summary>
public sealed class CheckSandbox : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "baoku-check-" + Guid.NewGuid().ToString("N"));
    public string Content => Path.Combine(Root, "content");
    public string Templates => Path.Combine(Root, "templates");
    public string SiteYml => Path.Combine(Root, "site.yml");

    public CheckSandbox()
    {
        Directory.CreateDirectory(Content);
        TestFolders.Copy(Path.Combine(SeedArticles.RepoRoot, "templates"), Templates);
        File.Copy(Path.Combine(SeedArticles.RepoRoot, "site.yml"), SiteYml);
    }

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);   // UTF-8 without BOM
    }

    public void WriteBytes(string relative, byte[] bytes)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>A symbolic link at <paramref name="relative"/> to <paramref name="target"/> (a file or a folder).</summary>
    public void Link(string relative, string target)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (Directory.Exists(target)) Directory.CreateSymbolicLink(path, target);
        else File.CreateSymbolicLink(path, target);
    }

    public void Delete(string relative)
    {
        var path = Path.Combine(Root, relative);
        if (Directory.Exists(path)) Directory.Delete(path, true);
        else File.Delete(path);
    }

    public CheckReport Check(bool drafts = false) => ContentChecker.Run(new CheckOptions(Content, SiteYml, Templates, drafts));

    /// <summary>Every file and folder under the root with a hash of each file: what "nothing was written" compares.</summary>
    public SortedDictionary<string, string> Snapshot()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in Directory.GetDirectories(Root, "*", SearchOption.AllDirectories))
            result[Path.GetRelativePath(Root, d) + "/"] = "";
        foreach (var f in Directory.GetFiles(Root, "*", SearchOption.AllDirectories))
            result[Path.GetRelativePath(Root, f)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))) + File.GetLastWriteTimeUtc(f).Ticks;
        return result;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, true); } catch (IOException) { }
    }
}
