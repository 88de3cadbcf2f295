using Baoku.Config;

namespace Baoku.Site;

/// <summary>
/// Related articles. Score = Σ weight × shared terms (campaigns, people, organisations, tags) + text weight × share
/// of distinctive lead words in common, halved for every half-life between the two dates. Candidates come from
/// the postings of specific terms and words (a term on a large share of the archive says little and would make
/// the work quadratic) plus the nearest articles in time of the same campaign. Deterministic: ties go to the
/// newer article, then the URL.
/// </summary>
public static class RelatedArticles
{
    const int WordsPerArticle = 12;
    const int LeadChars = 400;
    const int NearestInCampaign = 8;

    public static void Assign(IReadOnlyList<SiteArticle> articles, RelatedWeights w)
    {
        if (w.Count == 0 || articles.Count < 2) return;
        int n = articles.Count;
        var index = new Dictionary<SiteArticle, int>(n, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < n; i++) index[articles[i]] = i;

        var words = DistinctiveWords(articles);
        var postings = new Dictionary<(char, string), List<int>>();
        void Post(char kind, string key, int i)
        {
            if (!postings.TryGetValue((kind, key), out var list)) postings[(kind, key)] = list = [];
            list.Add(i);
        }
        for (int i = 0; i < n; i++)
        {
            var a = articles[i];
            foreach (var t in a.People) Post('p', t.Name, i);
            foreach (var t in a.Orgs) Post('o', t.Name, i);
            foreach (var t in a.Tags) Post('t', t.Name, i);
            foreach (var word in words[i]) Post('w', word, i);
        }
        int cap = Math.Max(50, n / 20);
        var positions = new Dictionary<Term, Dictionary<SiteArticle, int>>();
        foreach (var t in articles.SelectMany(a => a.Campaigns).Distinct())
        {
            var map = new Dictionary<SiteArticle, int>(ReferenceEqualityComparer.Instance);
            for (int k = 0; k < t.Articles.Count; k++) map[t.Articles[k]] = k;
            positions[t] = map;
        }

        var result = new IReadOnlyList<SiteArticle>[n];
        Parallel.For(0, n, i =>
        {
            var a = articles[i];
            var candidates = new HashSet<int>();
            void AddPostings(char kind, string key)
            {
                if (postings.TryGetValue((kind, key), out var list) && list.Count <= cap) candidates.UnionWith(list);
            }
            foreach (var t in a.People) AddPostings('p', t.Name);
            foreach (var t in a.Orgs) AddPostings('o', t.Name);
            foreach (var t in a.Tags) AddPostings('t', t.Name);
            foreach (var word in words[i]) AddPostings('w', word);
            foreach (var c in a.Campaigns) AddNearest(c.Articles, positions[c][a], index, candidates);
            candidates.Remove(i);

            result[i] = candidates
                .Select(j => (j, Score: Score(a, articles[j], words[i], words[j], w)))
                .Where(x => x.Score > 0)
                .OrderByDescending(x => x.Score)
                .ThenByDescending(x => articles[x.j].Date)
                .ThenBy(x => articles[x.j].Url, StringComparer.Ordinal)
                .Take(w.Count)
                .Select(x => articles[x.j])
                .ToList();
        });
        for (int i = 0; i < n; i++) articles[i].Related = result[i];
    }

    /// <summary>The campaign's articles nearest in time (its list is newest first).</summary>
    static void AddNearest(List<SiteArticle> campaignArticles, int at, Dictionary<SiteArticle, int> index, HashSet<int> into)
    {
        for (int k = Math.Max(0, at - NearestInCampaign); k <= Math.Min(campaignArticles.Count - 1, at + NearestInCampaign); k++)
            into.Add(index[campaignArticles[k]]);
    }

    public static double Score(SiteArticle a, SiteArticle b, HashSet<string> wordsA, HashSet<string> wordsB, RelatedWeights w)
    {
        double s = w.Campaigns * Shared(a.Campaigns, b.Campaigns)
            + w.People * Shared(a.People, b.People)
            + w.Orgs * Shared(a.Orgs, b.Orgs)
            + w.Tags * Shared(a.Tags, b.Tags);
        if (wordsA.Count > 0) s += w.Text * wordsA.Count(wordsB.Contains) / (double)wordsA.Count;
        double days = Math.Abs(a.Date.DayNumber - b.Date.DayNumber);
        return s * Math.Pow(0.5, days / w.HalfLifeDays);
    }

    static int Shared(List<Term> x, List<Term> y) => x.Count(y.Contains);

    /// <summary>
    /// Each article's most distinctive CJK bigrams in its headline and lead (TF-IDF): without a word segmenter,
    /// bigrams are the unit; common ones (发展, 企业) score low because most articles have them.
    /// </summary>
    static HashSet<string>[] DistinctiveWords(IReadOnlyList<SiteArticle> articles)
    {
        int n = articles.Count;
        var counts = new Dictionary<string, int>[n];
        Parallel.For(0, n, i =>
        {
            var a = articles[i];
            var m = a.Source.Markdown;
            var text = a.Title + " " + (a.Source.Meta.Kicker ?? "") + " " + (m.Length > LeadChars ? m[..LeadChars] : m);
            var c = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int k = 0; k + 1 < text.Length; k++)
                if (Import.TextCleaner.IsCjk(text[k]) && Import.TextCleaner.IsCjk(text[k + 1]))
                {
                    var bg = text.Substring(k, 2);
                    c[bg] = c.GetValueOrDefault(bg) + 1;
                }
            counts[i] = c;
        });
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in counts)
            foreach (var bg in c.Keys) df[bg] = df.GetValueOrDefault(bg) + 1;

        var result = new HashSet<string>[n];
        Parallel.For(0, n, i =>
        {
            result[i] = counts[i]
                .Where(kv => df[kv.Key] > 1)   // a word no other article has cannot relate two articles
                .Select(kv => (kv.Key, Weight: kv.Value * Math.Log((double)n / df[kv.Key])))
                .Where(x => x.Weight > 0)      // on every article: distinguishes nothing
                .OrderByDescending(x => x.Weight).ThenBy(x => x.Key, StringComparer.Ordinal)
                .Take(WordsPerArticle)
                .Select(x => x.Key)
                .ToHashSet(StringComparer.Ordinal);
        });
        return result;
    }
}
