using Baoku.Config;

namespace Baoku.Import.Read;

/// <summary>
/// Finds headline lines at the top of a chunk. Headlines carry no sentence punctuation and do not fill the
/// column, and the paragraph under them starts with an indented line followed by full lines.
/// </summary>
public static class HeadlineSplitter
{
    /// <summary>How many leading lines of the chunk are headline rather than paragraph.</summary>
    public static int HeadlineLineCount(TextChunk chunk, PaperProfile paper)
    {
        var lines = chunk.Lines;
        var cols = chunk.Columns;
        if (ParagraphChunker.StartsStory(lines, 0, paper)) return 0;

        int forced = 0;
        while (forced < lines.Count - 1 && IsCertainHeadline(lines[forced], cols[forced])) forced++;

        int eligible = forced;
        // Justified (letter-spaced) lines are column text: display type is never set that way.
        while (eligible < lines.Count - 1 && !lines[eligible].LayoutSpaced && !TextCleaner.HasSentencePunctuation(lines[eligible].Clean)) eligible++;

        // Lines without sentence punctuation right before a line that opens like news (3月5日，近日，) cannot be its
        // paragraph's text, which would have ended a sentence first: they are display type.
        if (eligible > forced && eligible < lines.Count && StoryOpeners.Opens(lines[eligible].Clean)) return eligible;
        // A short line alone over a paragraph that opens with a quotation (龙头企业带头转型 / “过去一台织机…): a heading. Only
        // when it stops well short of the column: a paragraph's own first line fills it, bar the indent.
        if (eligible == forced + 1 && eligible < lines.Count && lines[eligible].Clean.StartsWith('“')
            && lines[forced].Width <= cols[forced] - 3 && !lines[forced].LayoutSpaced) return eligible;

        // Prefer the latest start that still gives a well-formed paragraph: indented first line, full middle lines.
        for (int s = eligible; s > forced; s--)
            if (WellFormedFrom(chunk, s)) return s;
        return forced;
    }

    static bool WellFormedFrom(TextChunk chunk, int s)
    {
        var lines = chunk.Lines;
        if (s >= lines.Count) return false;
        bool indented = ColumnGeometry.LooksIndented(lines[s], chunk.Columns[s])
            || (s + 1 < lines.Count && !lines[s].LayoutSpaced && lines[s].Width <= lines[s + 1].EffectiveWidth(chunk.Columns[s + 1]) - 1.5);
        if (!indented) return false;
        for (int k = s + 1; k < lines.Count - 1; k++)
            if (!ColumnGeometry.IsFull(lines[k], chunk.Columns[k])) return false;
        return true;
    }

    /// <summary>Wider than the column, or two parallel phrases set apart by a gap (学深悟透聚合力 挺膺担当走在前).</summary>
    public static bool IsCertainHeadline(LineInfo l, double column)
    {
        if (TextCleaner.HasSentencePunctuation(l.Clean) && !l.Clean.Contains('，')) return false;
        if (!l.LayoutSpaced && l.Width > column + 2.5 && !TextCleaner.EndsSentence(l.Clean)) return true;
        return IsPhraseCouplet(l.Raw);
    }

    public static bool IsPhraseCouplet(string raw)
    {
        var t = raw.Trim();
        if (TextCleaner.HasLayoutSpaces(t) || TextCleaner.HasSentencePunctuation(t)) return false;
        var parts = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length is 2 or 3 && parts.All(p => p.Length >= 3 && Hanzi.IsWide(p[0]) && Hanzi.IsWide(p[^1]));
    }

    /// <summary>A chunk that never ends a sentence and reads like display type rather than prose.</summary>
    public static bool IsHeadlineOnly(TextChunk chunk)
    {
        if (TextCleaner.EndsSentence(chunk.Lines[^1].Clean)) return false;
        if (chunk.Lines.Any(l => l.Clean.Contains('。') || l.Clean.Contains('；'))) return false;
        return chunk.Lines.Count(l => TextCleaner.HasSentencePunctuation(l.Clean)) <= 1;
    }
}
