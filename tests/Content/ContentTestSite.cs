using Baoku.Config;

namespace Baoku.Tests.Content;

/// <summary>The repository (the folder above the test binaries that has both content/ and generator/) and its site.yml.</summary>
internal static class ContentTestSite
{
    public static string RepoRoot { get; } = FindRepoRoot();

    private static readonly Lazy<SiteConfig> Loaded = new(() =>
    {
        var (config, problems) = SiteConfigLoader.Load(Path.Combine(RepoRoot, "site.yml"));
        return config ?? throw new InvalidOperationException("site.yml does not load: " + string.Join("; ", problems));
    });

    public static SiteConfig Config => Loaded.Value;

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "content")) && Directory.Exists(Path.Combine(dir.FullName, "generator")))
                return dir.FullName;
        throw new InvalidOperationException("repository root (with content/ and generator/) not found above " + AppContext.BaseDirectory);
    }
}
