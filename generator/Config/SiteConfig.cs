namespace Baoku.Config;

/// <summary>Everything site.yml says. Loaded once at the edge by <see cref="SiteConfigLoader"/>.</summary>
public sealed record SiteConfig(
    string Title,
    string BaseUrl,
    IReadOnlyList<CampaignDefinition> Campaigns,
    IReadOnlyList<TagDefinition> Tags,
    IReadOnlyList<string> Columns,
    IReadOnlyDictionary<string, PageOverride> Pages)
{
    public static SiteConfig Empty { get; } = new("报库", "/", [], [], [], new Dictionary<string, PageOverride>());

    /// <summary>One sentence about the site, for the home page, feeds and search engines.</summary>
    public string Description { get; init; } = "";

    public BuildSettings Build { get; init; } = BuildSettings.Default;

    /// <summary>Top navigation: label and a site-relative path such as <c>campaigns/</c>.</summary>
    public IReadOnlyList<MenuItem> Menu { get; init; } = [];

    /// <summary>The papers whose pages are imported, each with its own words (<see cref="PaperProfile"/>).</summary>
    public IReadOnlyList<PaperProfile> Papers { get; init; } = [];
}

public sealed record MenuItem(string Name, string Path);

/// <summary>Sizes of lists and how related articles are scored. Every value has a sensible default.</summary>
public sealed record BuildSettings(int PageSize, int HomeCount, int FeedCount, RelatedWeights Related)
{
    public static BuildSettings Default { get; } = new(20, 20, 20, RelatedWeights.Default);
}

/// <summary>
/// Weights for related articles: each shared campaign, person, organisation and tag adds its weight, shared
/// distinctive body words add up to <see cref="Text"/>, and the sum halves every <see cref="HalfLifeDays"/> days apart.
/// </summary>
public sealed record RelatedWeights(int Count, double Campaigns, double People, double Orgs, double Tags, double Text, double HalfLifeDays)
{
    public static RelatedWeights Default { get; } = new(5, 2, 8, 6, 3, 6, 365);
}

/// <summary>A campaign (专题): matched when the weighted phrase score reaches <see cref="Threshold"/>.</summary>
/// <param name="Phrases">Key phrase → weight. Each occurrence in the body adds the weight; in the headline, three times it.</param>
/// <param name="Exclude">Phrases whose occurrences are blanked out before matching (e.g. 二十届 so that a different plenum never counts).</param>
public sealed record CampaignDefinition(
    string Name,
    string Slug,
    string Description,
    IReadOnlyDictionary<string, int> Phrases,
    int Threshold,
    IReadOnlyList<string> Exclude);

/// <summary>A controlled-vocabulary tag: given when its phrases occur at least <see cref="MinCount"/> times in all.</summary>
public sealed record TagDefinition(string Name, IReadOnlyList<string> Phrases, int MinCount);

/// <summary>What an editor states about one raw page, in site.yml or in a sidecar file next to the page.</summary>
public sealed record PageOverride(DateOnly? Date, string? PageName);
