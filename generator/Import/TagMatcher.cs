using Baoku.Config;

namespace Baoku.Import;

/// <summary>Gives an article the controlled-vocabulary tags of site.yml whose phrases occur, in all, at least min times.</summary>
public static class TagMatcher
{
    /// <returns>Tag names in site.yml order.</returns>
    public static IReadOnlyList<string> Match(IReadOnlyList<TagDefinition> tags, string text)
    {
        text ??= "";
        var result = new List<string>();
        foreach (var tag in tags)
        {
            var total = tag.Phrases.Sum(p => CampaignTagger.CountOccurrences(text, p));
            if (total > 0 && total >= Math.Max(1, tag.MinCount)) result.Add(tag.Name);
        }
        return result;
    }
}
