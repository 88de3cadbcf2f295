namespace Baoku.Import.Assemble;

/// <summary>
/// Gives each story its headline. Print position is only a hint: on these pages a headline is printed after its
/// own body, or above another story's body. The text decides: a headline's words recur in its own story.
/// </summary>
public static class HeadlineMatcher
{
    const double MinScore = 0.35;
    const double AfterBonus = 0.15;    // printed right above the story
    const double BeforeBonus = 0.10;   // printed right under it
    const double StrongRecall = 0.5;
    const double WeakRecall = 0.3;

    /// <summary>How much of the headline's wording occurs in the story: share of its CJK bigrams found in the body.</summary>
    public static double Recall(string headline, string body)
    {
        var h = Hanzi.Bigrams(headline);
        if (h.Count == 0) return 0;
        var b = Hanzi.Bigrams(body);
        return h.Count(b.Contains) / (double)h.Count;
    }

    /// <summary>
    /// A block of display lines may hold two headlines: one whose story is on another page or printed before the block,
    /// and the one of the story that follows. Split off the trailing parts that belong to the following story.
    /// </summary>
    public static void SplitBlocks(AssembledPage page)
    {
        foreach (var h in page.Headlines.ToList())
        {
            if (h.Parts.Count < 2 || h.StoryAfter is null) continue;
            int split = BetweenTwoStories(h);
            if (split < 0)
            {
                var body = h.StoryAfter.BodyText;
                split = h.Parts.Count;
                while (split > 0 && Recall(h.Parts[split - 1], body) >= StrongRecall) split--;
                if (split == 0 || split == h.Parts.Count) continue;
                if (Recall(string.Concat(h.Parts.Take(split)), body) >= WeakRecall) continue;
                // A kicker shares few words with its story too: a single part split off must be another story's headline,
                // printed after that story's text (several parts make a headline group of their own).
                if (split == 1 && !(h.StoryBefore is { } before && Recall(h.Parts[0], before.BodyText) >= StrongRecall)) continue;
            }
            var firstLines = LinesOfParts(h, split);
            var head = new LooseHeadline
            {
                Unit = h.Unit with { Lines = h.Unit.Lines.Take(firstLines).ToList() },
                Parts = h.Parts.Take(split).ToList(),
                StoryBefore = h.StoryBefore,
            };
            var tail = new LooseHeadline
            {
                Unit = h.Unit with { Lines = h.Unit.Lines.Skip(firstLines).ToList() },
                Parts = h.Parts.Skip(split).ToList(),
                StoryAfter = h.StoryAfter,
            };
            int at = page.Headlines.IndexOf(h);
            page.Headlines[at] = head;
            page.Headlines.Insert(at + 1, tail);
        }
    }

    /// <summary>
    /// A block standing between the text of one story and the text of the next holds the first one's headline (printed
    /// after its text) and the next one's: the split where the first parts repeat the words of the story before and the
    /// rest those of the story after, when one clearly does; -1 otherwise. A title whose words are not in its text
    /// (木雕老手艺“雕”出新年味) still goes with the subtitle that is.
    /// </summary>
    static int BetweenTwoStories(LooseHeadline h)
    {
        if (h.StoryBefore is not { } before || h.StoryAfter is not { } after) return -1;
        int best = -1;
        double bestScore = 0;
        for (int k = 1; k < h.Parts.Count; k++)
        {
            double head = Recall(string.Concat(h.Parts.Take(k)), before.BodyText), tail = Recall(string.Concat(h.Parts.Skip(k)), after.BodyText);
            if (head < StrongRecall || tail < StrongRecall) continue;
            if (head + tail > bestScore) (best, bestScore) = (k, head + tail);
        }
        return best;
    }

    /// <summary>How many of the block's lines make up its first <paramref name="parts"/> parts.</summary>
    static int LinesOfParts(LooseHeadline h, int parts)
    {
        for (int n = 1; n <= h.Unit.Lines.Count; n++)
            if (HeadlineComposer.Parts(h.Unit.Lines.Take(n).ToList()).Count > parts) return n - 1;
        return h.Unit.Lines.Count;
    }

    /// <summary>Greedy assignment by score; each story gets at most one headline and each headline one story.</summary>
    public static void Match(AssembledPage page, IEnumerable<Story> candidates)
    {
        var pairs = new List<(double Score, LooseHeadline H, Story S)>();
        foreach (var h in page.Headlines)
            foreach (var s in candidates)
            {
                double score = Recall(h.Text, s.BodyText);
                if (h.StoryAfter == s) score += AfterBonus;
                if (h.StoryBefore == s) score += BeforeBonus;
                if (score >= MinScore) pairs.Add((score, h, s));
            }
        foreach (var (_, h, s) in pairs.OrderByDescending(p => p.Score).ThenBy(p => p.H.Unit.First).ThenBy(p => p.S.Index))
        {
            if (s.Headline is not null || page.Headlines.IndexOf(h) < 0 || page.Stories.Any(x => x.Headline == h)) continue;
            s.Headline = h;
            s.Units.Add(h.Unit);
            if (h.StoryAfter != s)
                s.Notes.Add(new(h.StoryBefore == s
                    ? $"标题印在正文之后（第 {h.Unit.First} 行） (headline printed after its body, line {h.Unit.First})"
                    : $"标题印在别处（第 {h.Unit.First} 行），按内容匹配 (headline printed elsewhere, line {h.Unit.First}; matched by content)", NeedsReview: true));
        }
        // No shared wording (a poetic headline): position decides, printed above first, then printed under.
        foreach (var s in candidates.Where(s => s.Headline is null))
        {
            var h = page.Headlines.FirstOrDefault(h => h.StoryAfter == s && !Taken(page, h))
                ?? page.Headlines.FirstOrDefault(h => h.StoryBefore == s && h.StoryAfter is null && !Taken(page, h));
            if (h is null) continue;
            s.Headline = h;
            s.Units.Add(h.Unit);
            s.Notes.Add(new($"标题与正文用词不同，按位置归属（第 {h.Unit.First} 行），请核对 (headline shares no wording with the story; assigned by position, line {h.Unit.First}: check)", NeedsReview: true));
        }
        page.Headlines.RemoveAll(h => Taken(page, h));
    }

    static bool Taken(AssembledPage page, LooseHeadline h) => page.Stories.Any(s => s.Headline == h);
}
