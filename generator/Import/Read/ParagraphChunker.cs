using Baoku.Config;

namespace Baoku.Import.Read;

/// <summary>
/// Splits a run of text lines where a paragraph ends. OCR breaks every printed line, and the blank lines between
/// them mean nothing; a paragraph ends where a sentence ends and the line stops short, or the next line is indented.
/// </summary>
public static class ParagraphChunker
{
    public static List<TextChunk> Split(IReadOnlyList<LineInfo> run, PaperProfile paper)
    {
        var cols = ColumnGeometry.LocalColumns(run);
        var chunks = new List<TextChunk>();
        int start = 0;
        for (int i = 0; i < run.Count; i++)
        {
            bool last = i == run.Count - 1;
            bool endsHere = last || EndsParagraph(run, cols, i) || StartsStory(run, i + 1, paper);
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

    /// <summary>
    /// A lead (本报讯, 本网讯（记者 X）, 记者 X 文/摄 …) and （紧接N版） or （上接A2版） open a story; in a narrow column the lead itself may be
    /// broken over lines.
    /// </summary>
    public static bool StartsStory(IReadOnlyList<LineInfo> run, int i, PaperProfile paper)
    {
        if (i >= run.Count) return false;
        var head = run[i].Clean;
        if (PageFurniture.IsContinuedFrom(head)) return true;
        var printed = run[i].Raw.Trim();
        for (int k = i + 1; k < run.Count && BylineParser.MayContinueLead(head); k++)
        {
            head += run[k].Clean;
            printed += "\n" + run[k].Raw.Trim();
        }
        return BylineParser.StartsWithLead(printed, paper);
    }
}
