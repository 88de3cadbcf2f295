namespace Baoku.Import.Assemble;

/// <summary>
/// A story whose last section is printed at the top of the page, before its own headline and beginning.
/// Signs: the page opens with text that has no headline, no dateline and ends with the byline, while the last
/// story on the page has a headline but stops without any byline. The sections are put back in reading order,
/// with a short headline left between them taken as the intertitle of the moved section.
/// </summary>
public static class WrapAroundJoiner
{
    public static void Join(AssembledPage page)
    {
        var stories = page.Stories.Where(s => !s.IsContinuation).ToList();
        if (stories.Count < 2) return;
        var top = stories[0];
        var last = stories[^1];
        bool topIsTail = top.Index == 0 && top.BylineBefore is null && top.DatelineByline is null && top.BylineAfter is not null
            && !page.Headlines.Any(h => h.StoryAfter == top)
            && !page.Headlines.Any(h => h.Unit.First < top.FirstLine);
        bool lastIsOpen = !last.HasWriterByline && page.Headlines.Any(h => h.StoryAfter == last);
        if (!topIsTail || !lastIsOpen) return;

        foreach (var h in page.Headlines.Where(h => h.StoryBefore == last && h.StoryAfter is null && h.Parts.Count == 1).ToList())
        {
            last.Body.Add(new BodyPart(true, h.Parts[0], h.Unit.LineNumbers.ToList()));
            last.Units.Add(h.Unit);
            page.Headlines.Remove(h);
        }
        last.Body.AddRange(top.Body);
        last.Units.AddRange(top.Units);
        last.BylineAfter = top.BylineAfter;
        last.PhotoCredits.AddRange(top.PhotoCredits);
        last.Credits.AddRange(top.Credits);
        last.Column ??= top.Column;
        last.Notes.Add(new($"本文末段印在版面开头（第 {top.FirstLine} 行起），已接在正文之后 (the story's last section was printed at the top of the page, from line {top.FirstLine}; moved after the beginning)"));
        page.Stories.Remove(top);
    }
}
