using Baoku.Config;

namespace Baoku.Tests.Support;

/// <summary>The repository's own site.yml, loaded once.</summary>
public static class RealSiteConfig
{
    private static readonly Lazy<SiteConfig> Loaded = new(() =>
    {
        var (config, problems) = SiteConfigLoader.Load(Path.Combine(SeedArticles.RepoRoot, "site.yml"));
        return config ?? throw new InvalidOperationException("site.yml does not load: " + string.Join("; ", problems));
    });

    public static SiteConfig Config => Loaded.Value;

    public static CampaignDefinition Campaign(string name) => Config.Campaigns.Single(c => c.Name == name);
}
