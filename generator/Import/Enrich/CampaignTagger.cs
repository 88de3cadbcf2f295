using Baoku.Config;

namespace Baoku.Import.Enrich;

/// <summary>One campaign phrase found in an article: <see cref="Count"/> already counts a headline occurrence three times.</summary>
public sealed record PhraseHit(string Phrase, int Count, int Weight);

/// <summary>An article's score for one campaign, with the phrases that made it.</summary>
public sealed record CampaignMatch(string Campaign, int Score, IReadOnlyList<PhraseHit> Hits);

/// <summary>
/// Scores an article against the campaigns (专题) of site.yml: exclude phrases are blanked out first, then each
/// phrase's non-overlapping occurrences are counted (an occurrence in the headline counts three times) and
/// score = Σ weight × count. A campaign matches when the score reaches its threshold.
/// </summary>
public static class CampaignTagger
{
    /// <summary>Stands in for an excluded phrase: no phrase can match across or inside it.</summary>
    internal const char Neutral = '\u2063';

    public const int HeadlineFactor = 3;

    /// <param name="headline">Kicker + title + subtitle.</param>
    /// <param name="body">The paragraphs joined by "\n".</param>
    /// <returns>Every campaign with its score (matched or not), in site.yml order.</returns>
    public static IReadOnlyList<CampaignMatch> Score(IReadOnlyList<CampaignDefinition> campaigns, string headline, string body)
    {
        var result = new List<CampaignMatch>(campaigns.Count);
        foreach (var c in campaigns)
        {
            var h = Blank(headline ?? "", c.Exclude);
            var b = Blank(body ?? "", c.Exclude);
            var hits = new List<PhraseHit>();
            var score = 0;
            foreach (var (phrase, weight) in c.Phrases)
            {
                var count = HeadlineFactor * CountOccurrences(h, phrase) + CountOccurrences(b, phrase);
                if (count == 0) continue;
                hits.Add(new PhraseHit(phrase, count, weight));
                score += weight * count;
            }
            result.Add(new CampaignMatch(c.Name, score, hits));
        }
        return result;
    }

    public static bool IsMatch(CampaignMatch m, CampaignDefinition c) => m.Score >= c.Threshold;

    /// <summary>The names of the campaigns an article matches, in site.yml order.</summary>
    public static IReadOnlyList<string> Matching(IReadOnlyList<CampaignDefinition> campaigns, string headline, string body) =>
        Score(campaigns, headline, body).Zip(campaigns).Where(x => IsMatch(x.First, x.Second)).Select(x => x.Second.Name).ToList();

    /// <summary>Replaces every occurrence of each exclude phrase by one neutral character.</summary>
    internal static string Blank(string text, IReadOnlyList<string> exclude)
    {
        foreach (var x in exclude)
            if (!string.IsNullOrEmpty(x))
                text = text.Replace(x, Neutral.ToString(), StringComparison.Ordinal);
        return text;
    }

    /// <summary>Non-overlapping occurrences, left to right.</summary>
    internal static int CountOccurrences(string text, string phrase)
    {
        if (string.IsNullOrEmpty(phrase)) return 0;
        var count = 0;
        for (var i = text.IndexOf(phrase, StringComparison.Ordinal); i >= 0;
             i = text.IndexOf(phrase, i + phrase.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
