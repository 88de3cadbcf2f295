using Baoku.Config;

namespace Baoku.Import.Read;

/// <summary>Turns the lines of an OCR'd page into units in print order.</summary>
public static class OcrLayoutReader
{
    public static List<Unit> Read(IReadOnlyList<LineInfo> classified, PaperProfile paper)
    {
        var units = new List<Unit>();
        int i = 0;
        while (i < classified.Count)
        {
            var l = classified[i];
            if (l.Kind == LineKind.Text)
            {
                int j = i;
                while (j < classified.Count && classified[j].Kind == LineKind.Text) j++;
                units.AddRange(ReadTextRun(classified.Skip(i).Take(j - i).ToList(), paper));
                i = j;
                continue;
            }
            if (l.Kind == LineKind.Ad)
            {
                int j = i;
                while (j < classified.Count && classified[j].Kind == LineKind.Ad) j++;
                var ad = classified.Skip(i).Take(j - i).ToList();
                units.Add(new Unit(UnitKind.Ad, ad, string.Join(" / ", ad.Select(a => a.Clean))));
                i = j;
                continue;
            }
            units.Add(SingleLineUnit(l, paper));
            i++;
        }
        return units;
    }

    static Unit SingleLineUnit(LineInfo l, PaperProfile paper) => l.Kind switch
    {
        LineKind.ColumnLabel => new Unit(UnitKind.ColumnLabel, [l], LineClassifier.ColumnName(l) ?? l.Clean),
        LineKind.Caption => new Unit(UnitKind.Caption, [l], l.Clean),
        LineKind.PhotoCaption => new Unit(UnitKind.Caption, [l], TextCleaner.CleanBody(BylineParser.SplitTrailingCredit(l.Raw, paper).Text)) { Byline = l.Byline },
        LineKind.PhotoCredit => new Unit(UnitKind.PhotoCredit, [l], l.Clean) { Byline = l.Byline },
        LineKind.Byline => new Unit(UnitKind.Byline, [l], l.Clean) { Byline = l.Byline },
        LineKind.Furniture => new Unit(UnitKind.Furniture, [l], l.Clean) { Furniture = l.Furniture },
        _ => throw new InvalidOperationException($"line kind {l.Kind} is not a single-line unit"),
    };

    static IEnumerable<Unit> ReadTextRun(List<LineInfo> run, PaperProfile paper)
    {
        foreach (var chunk in ParagraphChunker.Split(run, paper))
        {
            if (HeadlineSplitter.IsHeadlineOnly(chunk) && !ParagraphChunker.StartsStory(chunk.Lines, 0, paper))
            {
                yield return Headline(chunk.Lines);
                continue;
            }
            int h = HeadlineSplitter.HeadlineLineCount(chunk, paper);
            if (h > 0) yield return Headline(chunk.Lines.Take(h).ToList());
            var body = chunk.Lines.Skip(h).ToList();
            yield return new Unit(UnitKind.Paragraph, body, TextCleaner.JoinLines(body.Select(b => b.Clean)));
        }
    }

    static Unit Headline(IReadOnlyList<LineInfo> lines) =>
        new(UnitKind.Headline, lines, string.Join(" / ", lines.Select(l => TextCleaner.CleanHeadline(l.Raw))));
}
