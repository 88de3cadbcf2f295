using Baoku.Config;

namespace Baoku.Import.Enrich;

/// <summary>
/// Gives an article the controlled-vocabulary tags of site.yml whose phrases occur, in all, at least min times;
/// the strongest <see cref="MaxTags"/> only, so that a tag says what the article is about, not what it touches on.
/// Strength counts the tag's own name twice: 新质生产力 in the text says more than a loosely related phrase.
/// </summary>
public static class TagMatcher
{
    public const int MaxTags = 5;

    /// <returns>Tag names, most occurrences first; ties in site.yml order.</returns>
    public static IReadOnlyList<string> Match(IReadOnlyList<TagDefinition> tags, string text)
    {
        text ??= "";
        return tags
            .Select((tag, order) => (tag.Name, Order: order, Total: tag.Phrases.Sum(p => CampaignTagger.CountOccurrences(text, p)), tag.MinCount,
                Strength: tag.Phrases.Sum(p => CampaignTagger.CountOccurrences(text, p) * (p == tag.Name ? 2 : 1))))
            .Where(t => t.Total > 0 && t.Total >= Math.Max(1, t.MinCount))
            .OrderByDescending(t => t.Strength).ThenBy(t => t.Order)
            .Take(MaxTags)
            .Select(t => t.Name)
            .ToList();
    }
}
