using Baoku.Config;
using Baoku.Content;

namespace Baoku.Tests.Support;

/// <summary>Small hand-made articles and configuration for site-model tests.</summary>
public static class Articles
{
    public static readonly SiteConfig Config = SiteConfig.Empty with
    {
        Campaigns =
        [
            new CampaignDefinition("二十大学习", "ershida", "学习二十大。", new Dictionary<string, int> { ["二十大"] = 1 }, 1, []),
            new CampaignDefinition("清廉民企", "qinglian", "清廉民企。", new Dictionary<string, int> { ["清廉"] = 1 }, 1, []),
        ],
    };

    public static Article Make(string slug, string date, string title = "标题", string[]? campaigns = null, string[]? tags = null,
        string[]? people = null, string[]? orgs = null, string? column = null, string body = "正文第一段。", string? sourceFile = null,
        string? lines = null, bool draft = false, string[]? aliases = null)
    {
        var d = DateOnly.Parse(date);
        return new Article($"{d:yyyy}/{d:MM}/{slug}.md", new ArticleFrontMatter
        {
            Title = title,
            Date = d,
            Campaigns = campaigns ?? [],
            Tags = tags ?? [],
            People = people ?? [],
            Orgs = orgs ?? [],
            Column = column,
            Slug = slug,
            Draft = draft,
            Aliases = aliases ?? [],
            Source = sourceFile is null ? null : new SourceInfo(sourceFile, lines ?? "1-10", null),
        }, body, 10);
    }
}
