namespace Baoku.Content;

/// <summary>
/// The front-matter of one article file: what an editor reviews and the site build reads.
/// Field names and order are the content format documented in README.md.
/// </summary>
public sealed record ArticleFrontMatter
{
    public required string Title { get; init; }
    public string? Kicker { get; init; }
    public string? Subtitle { get; init; }
    public required DateOnly Date { get; init; }
    public string? DateConfidence { get; init; }
    public IReadOnlyList<string> DateEvidence { get; init; } = [];
    public IReadOnlyList<string> Authors { get; init; } = [];
    public IReadOnlyList<string> Photographers { get; init; } = [];
    /// <summary>Editors credited on the page (编辑, 责任编辑): kept apart from the authors.</summary>
    public IReadOnlyList<string> Editors { get; init; } = [];
    /// <summary>Where the story comes from when the paper credits another body (来源：市委办公室).</summary>
    public string? Origin { get; init; }
    public string? Byline { get; init; }
    public string? Column { get; init; }
    public IReadOnlyList<string> Campaigns { get; init; } = [];
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> CampaignEvidence { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> People { get; init; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> Roles { get; init; } = [];
    public IReadOnlyList<string> Orgs { get; init; } = [];
    /// <summary>Places named in the article (towns, streets, villages).</summary>
    public IReadOnlyList<string> Places { get; init; } = [];
    public SourceInfo? Source { get; init; }
    public string? Slug { get; init; }
    public bool Draft { get; init; }

    /// <summary>Why the importer wants an editor to look (没有找到标题, 年份无依据); empty when it was sure.</summary>
    public IReadOnlyList<string> Review { get; init; } = [];

    /// <summary>Old site paths of this article (e.g. <c>2022/11/old-name/</c>); the build writes redirect pages there.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

/// <summary>Where an article came from: raw page file, its raw line ranges (e.g. "193-302, 1-191"), and the page's name if given.</summary>
public sealed record SourceInfo(string File, string Lines, string? Page);

/// <summary>A block of an article body: a paragraph, or an intertitle rendered as a ## heading.</summary>
public sealed record BodyBlock(bool IsHeading, string Text);
