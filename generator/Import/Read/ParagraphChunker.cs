namespace Baoku.Import.Read;

/// <summary>
/// Splits a run of text lines where a paragraph ends. OCR breaks every printed line, and the blank lines between
/// them mean nothing; a paragraph ends where a sentence ends and the line stops short, or the next line is indented.
/// </summary>
public static class ParagraphChunker
{
    public static List<TextChunk> Split(IReadOnlyList<LineInfo> run)
    {
        var cols = ColumnGeometry.LocalColumns(run);
        var chunks = new List<TextChunk>();
        int start = 0;
        for (int i = 0; i < run.Count; i++)
        {
            bool last = i == run.Count - 1;
            bool endsHere = last || EndsParagraph(run, cols, i) || StartsStory(run, i + 1);
            if (!endsHere) continue;
            chunks.Add(new TextChunk(run.Skip(start).Take(i - start + 1).ToList(), cols.Skip(start).Take(i - start + 1).ToList()));
            start = i + 1;
        }
        return chunks;
    }

    static bool EndsParagraph(IReadOnlyList<LineInfo> run, double[] cols, int i)
    {
        if (!TextCleaner.EndsSentence(run[i].Clean)) return false;
        var next = run[i + 1];
        // Not every page keeps the indent: after a finished sentence, a line that opens like news (3月5日，近日，) starts anew.
        return ColumnGeometry.StopsShort(run[i], cols[i]) || ColumnGeometry.LooksIndented(next, cols[i + 1]) || StoryOpeners.Opens(next.Clean);
    }

    /// <summary>本报讯 and （紧接N版） or （上接A2版） open a story; in a narrow column 本报讯 itself may be broken over lines.</summary>
    public static bool StartsStory(IReadOnlyList<LineInfo> run, int i)
    {
        if (i >= run.Count) return false;
        var head = run[i].Clean;
        if (PageFurniture.IsContinuedFrom(head)) return true;
        for (int k = i + 1; k < run.Count && head.Length < 3; k++) head += run[k].Clean;
        return BylineParser.StartsWithDateline(head);
    }
}
