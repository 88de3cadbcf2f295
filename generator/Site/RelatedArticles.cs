using Baoku.Config;

namespace Baoku.Site;

/// <summary>
/// Related articles. Score = Σ weight × shared terms (campaigns, people, organisations, tags) + text weight × share
/// of distinctive lead words in common, halved for every half-life between the two dates. Candidates are the
/// articles nearest in time among those sharing each person, organisation, tag, word or campaign (bounded work
/// per article however popular a term is), ranked by how many of these they share; the best few hundred get the
/// exact score. Deterministic: ties go to the newer article, then the URL.
/// </summary>
public static class RelatedArticles
{
    const int WordsPerArticle = 12;
    const int LeadChars = 400;
    const int Shortlist = 120;
    const int NearestPerTerm = 40;
    const int NearestPerWord = 25;
    const int NearestInCampaign = 8;

    public static void Assign(IReadOnlyList<SiteArticle> articles, RelatedWeights w)
    {
        if (w.Count == 0 || articles.Count < 2) return;
        int n = articles.Count;
        var words = DistinctiveWords(articles);

        // Postings keyed by (kind, id): terms by an id of their own, words by the bigram's two chars.
        var termIds = new Dictionary<Term, int>(ReferenceEqualityComparer.Instance);
        long TermKey(Term t)
        {
            lock (termIds)
            {
                if (!termIds.TryGetValue(t, out var id)) termIds[t] = id = termIds.Count;
                return (1L << 40) | (uint)id;
            }
        }
        var postings = new Dictionary<long, List<int>>();
        void Post(long key, int i)
        {
            if (!postings.TryGetValue(key, out var list)) postings[key] = list = [];
            list.Add(i);
        }
        var campaignPositions = new Dictionary<Term, Dictionary<SiteArticle, int>>(ReferenceEqualityComparer.Instance);
        var index = new Dictionary<SiteArticle, int>(n, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < n; i++)
        {
            var a = articles[i];
            index[a] = i;
            foreach (var t in a.People) Post(TermKey(t), i);
            foreach (var t in a.Orgs) Post(TermKey(t), i);
            foreach (var t in a.Tags) Post(TermKey(t), i);
            foreach (var word in words[i]) Post(word, i);
            foreach (var c in a.Campaigns)
            {
                if (!campaignPositions.TryGetValue(c, out var map))
                {
                    campaignPositions[c] = map = new Dictionary<SiteArticle, int>(ReferenceEqualityComparer.Instance);
                    for (int k = 0; k < c.Articles.Count; k++) map[c.Articles[k]] = k;
                }
            }
        }

        var result = new IReadOnlyList<SiteArticle>[n];
        Parallel.For(0, n, () => new Dictionary<int, int>(), (i, _, hits) =>
        {
            var a = articles[i];
            hits.Clear();
            // Posting lists are in date order: the entries around this article are the ones nearest in time.
            void Near(List<int> list, int at, int reach)
            {
                for (int k = Math.Max(0, at - reach); k <= Math.Min(list.Count - 1, at + reach); k++)
                    hits[list[k]] = hits.GetValueOrDefault(list[k]) + 1;
            }
            void FromPostings(long key, int reach)
            {
                var list = postings[key];
                Near(list, list.BinarySearch(i), reach);
            }
            foreach (var t in a.People) FromPostings(TermKey(t), NearestPerTerm);
            foreach (var t in a.Orgs) FromPostings(TermKey(t), NearestPerTerm);
            foreach (var t in a.Tags) FromPostings(TermKey(t), NearestPerTerm);
            foreach (var word in words[i]) FromPostings(word, NearestPerWord);
            foreach (var c in a.Campaigns)
            {
                int at = campaignPositions[c][a];
                for (int k = Math.Max(0, at - NearestInCampaign); k <= Math.Min(c.Articles.Count - 1, at + NearestInCampaign); k++)
                {
                    int j = index[c.Articles[k]];
                    hits[j] = hits.GetValueOrDefault(j) + 1;
                }
            }
            hits.Remove(i);

            // Score only the candidates sharing the most postings: the exact score is costlier than counting.
            IEnumerable<int> shortlist = hits.Count <= Shortlist ? hits.Keys
                : hits.OrderByDescending(h => h.Value).ThenBy(h => h.Key).Take(Shortlist).Select(h => h.Key);
            result[i] = shortlist
                .Select(j => (j, Score: Score(a, articles[j], words[i], words[j], w)))
                .Where(x => x.Score > 0)
                .OrderByDescending(x => x.Score)
                .ThenByDescending(x => articles[x.j].Date)
                .ThenBy(x => articles[x.j].Url, StringComparer.Ordinal)
                .Take(w.Count)
                .Select(x => articles[x.j])
                .ToList();
            return hits;
        }, _ => { });
        for (int i = 0; i < n; i++) articles[i].Related = result[i];
    }

    public static double Score(SiteArticle a, SiteArticle b, long[] wordsA, long[] wordsB, RelatedWeights w)
    {
        double s = w.Campaigns * Shared(a.Campaigns, b.Campaigns)
            + w.People * Shared(a.People, b.People)
            + w.Orgs * Shared(a.Orgs, b.Orgs)
            + w.Tags * Shared(a.Tags, b.Tags);
        if (wordsA.Length > 0)
        {
            int common = 0;
            foreach (var x in wordsA) if (Array.IndexOf(wordsB, x) >= 0) common++;
            s += w.Text * common / wordsA.Length;
        }
        double days = Math.Abs(a.Date.DayNumber - b.Date.DayNumber);
        return s * Math.Pow(0.5, days / w.HalfLifeDays);
    }

    static int Shared(List<Term> x, List<Term> y)
    {
        int count = 0;
        foreach (var t in x) if (y.Contains(t)) count++;
        return count;
    }

    /// <summary>
    /// Each article's most distinctive CJK bigrams in its headline and lead (TF-IDF): without a word segmenter,
    /// bigrams are the unit; common ones (发展, 企业) score low because most articles have them. A bigram is kept
    /// as its two UTF-16 code units in one number.
    /// </summary>
    static long[][] DistinctiveWords(IReadOnlyList<SiteArticle> articles)
    {
        int n = articles.Count;
        // Pass 1: document frequency. Per-article counts are not kept: at 50,000 articles they would take ~600 MB.
        var df = new Dictionary<long, int>();
        Parallel.For(0, n, () => new Dictionary<long, int>(), (i, _, local) =>
        {
            foreach (var bg in LeadBigrams(Lead(articles[i])).Keys) local[bg] = local.GetValueOrDefault(bg) + 1;
            return local;
        }, local =>
        {
            lock (df)
                foreach (var (bg, c) in local) df[bg] = df.GetValueOrDefault(bg) + c;
        });

        // Pass 2: recount each lead (400 characters, read again from the body store: cheaper than keeping the counts
        // or the leads) and keep the best words.
        var result = new long[n][];
        Parallel.For(0, n, i =>
        {
            result[i] = LeadBigrams(Lead(articles[i]))
                .Select(kv => (kv.Key, Weight: kv.Value * Math.Log((double)n / df[kv.Key])))
                .Where(x => x.Weight > 0 && df[x.Key] > 1)   // on every article, or on no other: relates nothing
                .OrderByDescending(x => x.Weight).ThenBy(x => x.Key)
                .Take(WordsPerArticle)
                .Select(x => x.Key)
                .ToArray();
        });
        return result;
    }

    /// <summary>The headline, kicker and the first 400 characters of the body (kept in the body store).</summary>
    static string Lead(SiteArticle a) => string.Concat(a.Title, " ", a.Source.Meta.Kicker ?? "", " ", a.ReadLead());

    /// <summary>The part of a body's Markdown that <see cref="Lead"/> reads.</summary>
    public static string LeadOf(string markdown) => markdown.Length > LeadChars ? markdown[..LeadChars] : markdown;

    static Dictionary<long, int> LeadBigrams(string text)
    {
        var c = new Dictionary<long, int>();
        for (int k = 0; k + 1 < text.Length; k++)
            if (Hanzi.IsBigramAt(text, k))
            {
                long bg = Hanzi.BigramKey(text[k], text[k + 1]);
                c[bg] = c.GetValueOrDefault(bg) + 1;
            }
        return c;
    }
}
