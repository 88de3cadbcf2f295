using Baoku.Import.Read;

namespace Baoku.Import.Assemble;

/// <summary>
/// A story printed without a headline above it runs on from the story before (nothing on the page separates them),
/// and its headline stands after its text. That headline anchors it: when a loose headline printed after a story
/// repeats the words of the story's last paragraphs but not of its first ones, the story is two, split where the
/// headline's own text begins (a paragraph that opens like news: 11月14日，…; 近日，…).
/// </summary>
public static class HeadlineAnchors
{
    const double OwnText = 0.5;      // share of the headline's bigrams in the text it heads
    const double OtherText = 0.25;   // at most this much in the text before it
    const double ShortOwnText = 0.4; // enough when none of it is in the text before

    public static void Split(AssembledPage page)
    {
        var words = new PageWords();
        foreach (var h in page.Headlines.ToList())
        {
            if (h.StoryBefore is not { } s || s.Body.Count < 2 || s.IsContinuation) continue;
            var k = SplitPoint(h, s, words);
            if (k < 0) continue;
            var tail = SplitOff(s, k, page);
            tail.Notes.Add(new($"正文前没有标题，与上一篇连排；按印在正文后的标题（第 {h.Unit.First} 行）分开，请核对 (no headline before this text, which ran on from the story before; split off by its headline printed after it, line {h.Unit.First}: check)", NeedsReview: true));
            h.StoryBefore = tail;
            if (h.StoryAfter == s) h.StoryAfter = null;
        }
        for (int i = 0; i < page.Stories.Count; i++) page.Stories[i].Index = i;
    }

    /// <summary>
    /// The paragraph where the headline's own text begins, or -1: of the places where the text after repeats the
    /// headline and the text before does not, the one where the text changes subject most.
    /// </summary>
    static int SplitPoint(LooseHeadline h, Story s, PageWords words)
    {
        int best = -1;
        double bestSimilarity = double.MaxValue;
        for (int k = 1; k < s.Body.Count; k++)
        {
            var part = s.Body[k];
            if (part.IsIntertitle || !StoryOpeners.Opens(part.Text)) continue;
            var before = string.Join("\n", s.Body.Take(k).Select(b => b.Text));
            var after = string.Join("\n", s.Body.Skip(k).Select(b => b.Text));
            double own = HeadlineMatcher.Recall(h.Text, after), other = HeadlineMatcher.Recall(h.Text, before);
            // A short headline has few bigrams (龙山杨梅红了: five): less of it must recur, if none of it is before.
            if (!(own >= OwnText && other <= OtherText || own >= ShortOwnText && other == 0)) continue;
            double similarity = words.Similarity(s.Body.Take(k).Select(b => b.Text), s.Body.Skip(k).Select(b => b.Text));
            if (similarity < bestSimilarity)
            {
                best = k;
                bestSimilarity = similarity;
            }
        }
        return best;
    }

    /// <summary>Moves paragraphs k… of the story, and what was printed after them (its closing byline, photo credits), to a new story.</summary>
    static Story SplitOff(Story s, int k, AssembledPage page)
    {
        int firstLine = s.Body[k].Lines.Min();
        var tail = new Story { Index = s.Index, Column = s.Column };
        tail.Body.AddRange(s.Body.Skip(k));
        s.Body.RemoveRange(k, s.Body.Count - k);
        var moved = s.Units.Where(u => u.First >= firstLine).ToList();
        s.Units.RemoveAll(u => u.First >= firstLine);
        tail.Units.AddRange(moved);
        if (s.BylineAfter is not null && moved.Any(u => u.Byline == s.BylineAfter))
        {
            tail.BylineAfter = s.BylineAfter;
            s.BylineAfter = null;
        }
        var credits = s.PhotoCredits.Where(c => moved.Any(u => u.Byline == c)).ToList();
        tail.PhotoCredits.AddRange(credits);
        s.PhotoCredits.RemoveAll(credits.Contains);
        page.Stories.Insert(page.Stories.IndexOf(s) + 1, tail);
        return tail;
    }
}
