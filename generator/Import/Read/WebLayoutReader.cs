namespace Baoku.Import.Read;

/// <summary>
/// Text copied from a web page: one paragraph per line, but long paragraphs are sometimes cut in two,
/// and photo captions stand as short lines between the headline and the first paragraph.
/// </summary>
public static class WebLayoutReader
{
    const double ShortLine = 25;

    /// <summary>Web text has long lines; a printed column never holds more than about twenty characters.</summary>
    public static bool IsWebText(IReadOnlyList<LineInfo> lines)
    {
        if (lines.Count == 0) return false;
        // A caption of a photo can be a long line on a printed page; a quarter of all lines cannot.
        return lines.Count(l => l.Width > 30) * 4 >= lines.Count;
    }

    public static List<Unit> Read(IReadOnlyList<LineInfo> classified)
    {
        var units = new List<Unit>();
        bool seenHeadline = false, seenParagraph = false;
        var pending = new List<LineInfo>();
        foreach (var l in classified)
        {
            if (pending.Count > 0 && l.Kind != LineKind.Text) { units.Add(Paragraph(pending)); pending = []; }
            if (pending.Count > 0)
            {
                pending.Add(l);
                if (!TextCleaner.EndsSentence(l.Clean) && l.Width > ShortLine && l != classified[^1]) continue;
                units.Add(Paragraph(pending));
                pending = [];
                continue;
            }
            if (l.Kind != LineKind.Text)
            {
                units.Add(l.Kind switch
                {
                    LineKind.Byline => new Unit(UnitKind.Byline, [l], l.Clean) { Byline = l.Byline },
                    LineKind.PhotoCredit => new Unit(UnitKind.PhotoCredit, [l], l.Clean) { Byline = l.Byline },
                    LineKind.ColumnLabel => new Unit(UnitKind.ColumnLabel, [l], LineClassifier.ColumnName(l) ?? l.Clean),
                    LineKind.Furniture => new Unit(UnitKind.Furniture, [l], l.Clean) { Furniture = l.Furniture },
                    _ => new Unit(UnitKind.Caption, [l], l.Clean),
                });
                continue;
            }
            bool display = !TextCleaner.EndsSentence(l.Clean) && l.Clean.IndexOfAny(['。', '！', '？', '；']) < 0
                && l.Clean.Count(c => c == '，') <= 1 && (l.Width <= ShortLine || (!seenHeadline && l.Width <= 60));
            bool prose = !display;
            if (!prose)
            {
                // Before the story: first the headline, then captions of the photos above it; inside: intertitles.
                var kind = !seenHeadline ? UnitKind.Headline : !seenParagraph ? UnitKind.Caption : UnitKind.Headline;
                seenHeadline = true;
                units.Add(kind == UnitKind.Headline
                    ? new Unit(UnitKind.Headline, [l], TextCleaner.CleanHeadline(l.Raw))
                    : new Unit(UnitKind.Caption, [l], l.Clean));
                continue;
            }
            seenParagraph = true;
            pending.Add(l);
            if (TextCleaner.EndsSentence(l.Clean) || l == classified[^1]) { units.Add(Paragraph(pending)); pending = []; }
        }
        if (pending.Count > 0) units.Add(Paragraph(pending));
        return units;
    }

    static Unit Paragraph(List<LineInfo> lines) =>
        new(UnitKind.Paragraph, lines.ToList(), TextCleaner.JoinLines(lines.Select(x => x.Clean)));
}
