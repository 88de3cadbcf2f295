using Baoku.Build;

namespace Baoku.Tests.Support;

/// <summary>A copy of the repo's content, templates and site.yml in a temp folder, to build and break freely.</summary>
public sealed class BuildSandbox : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "baoku-build-" + Guid.NewGuid().ToString("N"));
    public string Content => Path.Combine(Root, "content");
    public string Templates => Path.Combine(Root, "templates");
    public string SiteYml => Path.Combine(Root, "site.yml");
    public string Output => Path.Combine(Root, "public");

    public BuildSandbox()
    {
        TestFolders.Copy(Path.Combine(SeedArticles.RepoRoot, "content"), Content);
        TestFolders.Copy(Path.Combine(SeedArticles.RepoRoot, "templates"), Templates);
        File.Copy(Path.Combine(SeedArticles.RepoRoot, "site.yml"), SiteYml);
    }

    public BuildResult Build(string? baseUrl = null) => SiteBuild.Run(new BuildOptions(Content, SiteYml, Templates, Output, false, baseUrl));

    /// <summary>Every output file's bytes, keyed by site path.</summary>
    public SortedDictionary<string, string> Snapshot() => Snapshot(Output);

    /// <summary>A hash of every file of a folder, keyed by its path inside it ('/' separators); empty when there is no folder.</summary>
    public static SortedDictionary<string, string> Snapshot(string folder)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder)) return result;
        foreach (var f in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
            result[Path.GetRelativePath(folder, f).Replace('\\', '/')] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)));
        return result;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, true); } catch (IOException) { }
    }
}
