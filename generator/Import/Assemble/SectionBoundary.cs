using System.Text.RegularExpressions;
using Baoku.Import.Read;

namespace Baoku.Import.Assemble;

/// <summary>
/// Why a headline standing between two stretches of body text was read as an intertitle of the story it stands in, or
/// as the start of another story. <see cref="Score"/> above zero means another story; each reason names a sign and its weight.
/// </summary>
public sealed record BoundaryDecision(int HeadlineLine, string Headline, bool NewStory, double Score, IReadOnlyList<string> Reasons)
{
    /// <summary>Close to the line: an editor should look at it.</summary>
    public bool Doubtful => Math.Abs(Score) < 1.5;
}

/// <summary>
/// Decides whether a headline printed between body paragraphs opens another story or is an intertitle of the open
/// one, from signs that hold across papers rather than one paper's words: what follows it (a byline, a lead, a news
/// opener), its shape (several parts, a ——subtitle, numbering, parallel to earlier intertitles), and whether the text
/// after it goes on with the same people, places and things as the text before it.
/// </summary>
public static partial class SectionBoundary
{
    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|第[一二三四五六七八九十]+[，、 ]?)")]
    private static partial Regex NumberedRx();

    [GeneratedRegex(@"^(?:记者|问|答|主持人)\s*[：:]")]
    private static partial Regex InterviewRx();

    /// <summary>Judges the headline <paramref name="headline"/> inside <paramref name="story"/>, followed by <paramref name="after"/>
    /// (the paragraphs up to the next headline or byline).</summary>
    public static BoundaryDecision Judge(Story story, Unit headline, IReadOnlyList<Unit> after, PageWords words)
    {
        var reasons = new List<string>();
        double score = 0;
        void Sign(double weight, string zh, string en)
        {
            score += weight;
            reasons.Add($"{zh} ({en}) {weight:+0.#;-0.#}");
        }

        var parts = HeadlineComposer.Parts(headline.Lines);
        var text = string.Concat(parts).Replace(" ", "");
        var before = string.Join("\n", story.Body.Where(b => !b.IsIntertitle).Select(b => b.Text));
        var next = string.Join("\n", after.Select(u => u.Text));

        if (NumberedRx().IsMatch(text)) Sign(-4, "标题带序号", "numbered heading");
        if (parts.Count >= 2) Sign(2, "标题有引题或副题", "headline with kicker or subtitle");
        if (parts.Any(p => p.StartsWith("——", StringComparison.Ordinal))) Sign(2, "有破折号副题", "——subtitle");
        if (text.Length <= 7) Sign(-1, "标题很短", "short heading");
        else if (text.Length >= 14) Sign(1, "标题较长", "long headline");
        if (after.Count > 0 && StoryOpeners.Opens(after[0].Text)) Sign(1.5, "下文以日期或“近日”开头", "the text after opens like news");

        var earlier = story.Body.Where(b => b.IsIntertitle).Select(b => b.Text.Replace(" ", "")).ToList();
        if (earlier.Count > 0 && earlier.Any(e => Parallel(e, text))) Sign(-3, "与前面的小标题句式相同", "parallel to an earlier intertitle");
        if (story.Body.Any(b => InterviewRx().IsMatch(b.Text)) || after.Any(u => InterviewRx().IsMatch(u.Text)))
            Sign(-2, "访谈问答体", "interview");

        // The words of a headline recur in its own story: mostly in the text before it means it was printed after that text.
        double recallBefore = HeadlineMatcher.Recall(text, before), recallAfter = HeadlineMatcher.Recall(text, next);
        if (recallBefore >= 0.5 && recallAfter < 0.25) Sign(3, "标题的词出现在上文而不在下文：是上一篇的标题", "its words are in the text before: the previous story's headline");
        else if (recallAfter - recallBefore >= 0.3) Sign(1, "标题的词出现在下文而不在上文", "its words are in the text after, not before");
        if (Actors.Named(text) is { } actor && !before.Contains(actor, StringComparison.Ordinal) && next.Contains(actor, StringComparison.Ordinal))
            Sign(1.5, $"标题里的“{actor}”上文没有出现", $"'{actor}' of the headline is new after it");

        double similarity = words.Similarity(story.Body.Where(b => !b.IsIntertitle).Select(b => b.Text), after.Select(u => u.Text));
        if (similarity >= 0.2) Sign(-4, $"上下文说的显然是同一件事（{similarity:0.00}）", $"the text before and after are plainly about the same ({similarity:0.00})");
        else if (similarity >= 0.1) Sign(-2.5, $"上下文说的是同一件事（{similarity:0.00}）", $"the text before and after share their subject ({similarity:0.00})");
        else if (similarity >= 0.05) Sign(-1, $"上下文有些相同的词（{similarity:0.00}）", $"the text before and after share some words ({similarity:0.00})");
        else if (similarity < 0.02) Sign(2.5, $"上下文说的不是一件事（{similarity:0.00}）", $"the text before and after share little ({similarity:0.00})");
        else Sign(1, $"上下文相同的词很少（{similarity:0.00}）", $"the text before and after share few words ({similarity:0.00})");

        return new BoundaryDecision(headline.First, string.Join(" ", parts), score > 0, score, reasons);
    }

    /// <summary>Two intertitles set the same way: equal length, or both two phrases of the same lengths.</summary>
    static bool Parallel(string a, string b) => Math.Abs(a.Length - b.Length) <= 1;
}
