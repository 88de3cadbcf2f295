using Baoku.Config;

namespace Baoku.Import.Read;

/// <summary>
/// Text copied from a web page: one paragraph per line (a long paragraph is sometimes cut in two), display lines
/// (headlines, intertitles, photo captions) on lines of their own, and the page's furniture (image file names, meta
/// lines, credits) between them. Which story a display line belongs to is decided later, from the flow of units.
/// </summary>
public static class WebLayoutReader
{
    const double ShortLine = 25;
    const double DisplayMax = 40;
    const int PhotoTitleMax = 6;

    /// <summary>Web text has long lines; a printed column never holds more than about twenty characters.</summary>
    public static bool IsWebText(IReadOnlyList<LineInfo> lines)
    {
        if (lines.Count == 0) return false;
        // A caption of a photo can be a long line on a printed page; a quarter of all lines cannot.
        return lines.Count(l => l.Width > 30) * 4 >= lines.Count;
    }

    /// <summary>
    /// A line set as display type: short, no full stop or semicolon, not cut off mid-sentence, not opening like news.
    /// Web headlines may end in ！ or ？ (义乌这个村的“共富果园”为啥火了？), so those do not make a line prose.
    /// </summary>
    public static bool IsDisplay(LineInfo l)
    {
        var c = l.Clean;
        if (c.Length == 0 || l.Width > DisplayMax) return false;
        if (c.IndexOfAny(['。', '；', ';']) >= 0) return false;
        if (c[^1] is '，' or '、' or '：' or ',' or ':') return false;
        if (c.Count(ch => ch is '，' or ',') > 1) return false;
        return !StoryOpeners.Opens(c);
    }

    public static List<Unit> Read(IReadOnlyList<LineInfo> classified, PaperProfile paper)
    {
        var units = new List<Unit>();
        var pending = new List<LineInfo>();
        void Flush()
        {
            if (pending.Count == 0) return;
            units.Add(new Unit(UnitKind.Paragraph, pending.ToList(), TextCleaner.JoinLines(pending.Select(x => x.Clean))));
            pending.Clear();
        }

        for (int i = 0; i < classified.Count; i++)
        {
            var l = classified[i];
            if (l.Kind != LineKind.Text)
            {
                Flush();
                units.Add(NonText(l, paper));
                continue;
            }
            if (pending.Count == 0 && IsDisplay(l))
            {
                var previous = units.Count > 0 ? units[^1] : null;
                bool underPicture = previous is { Furniture: FurnitureKind.ImageFile };
                // Under a headline, before the text: a title of a few characters is a photo's (会议现场), not a subtitle.
                bool photoTitle = l.Clean.Length <= PhotoTitleMax && previous is { Kind: UnitKind.Headline or UnitKind.Caption };
                if (underPicture || photoTitle)
                    units.Add(new Unit(UnitKind.Caption, [l], l.Clean));
                else if (previous is { Kind: UnitKind.Headline } group && group.Last == PreviousTextLine(classified, i))
                    units[^1] = group with { Lines = [.. group.Lines, l], Text = group.Text + " / " + TextCleaner.CleanHeadline(l.Raw) };
                else
                    units.Add(new Unit(UnitKind.Headline, [l], TextCleaner.CleanHeadline(l.Raw)));
                continue;
            }
            pending.Add(l);
            // A paragraph cut in two ends a line mid-sentence; the next line of text goes on with it (a short second
            // piece ends it: the paragraph's last line).
            bool cut = !TextCleaner.EndsSentence(l.Clean) && (pending.Count == 1 || l.Width > ShortLine)
                && i + 1 < classified.Count && classified[i + 1].Kind == LineKind.Text;
            if (!cut) Flush();
        }
        Flush();
        return units;
    }

    /// <summary>The line before line i, when it is text (display lines in a row form one headline group).</summary>
    static int PreviousTextLine(IReadOnlyList<LineInfo> lines, int i) =>
        i > 0 && lines[i - 1].Kind == LineKind.Text ? lines[i - 1].Number : -1;

    static Unit NonText(LineInfo l, PaperProfile paper) => l.Kind switch
    {
        LineKind.Byline => new Unit(UnitKind.Byline, [l], l.Clean) { Byline = l.Byline },
        LineKind.PhotoCredit => new Unit(UnitKind.PhotoCredit, [l], l.Clean) { Byline = l.Byline },
        LineKind.ColumnLabel => new Unit(UnitKind.ColumnLabel, [l], LineClassifier.ColumnName(l) ?? l.Clean),
        LineKind.Furniture => new Unit(UnitKind.Furniture, [l], l.Clean) { Furniture = l.Furniture },
        LineKind.Ad => new Unit(UnitKind.Ad, [l], l.Clean),
        LineKind.PhotoCaption => new Unit(UnitKind.Caption, [l], TextCleaner.CleanBody(BylineParser.SplitTrailingCredit(l.Raw, paper).Text)) { Byline = l.Byline },
        _ => new Unit(UnitKind.Caption, [l], l.Clean),
    };
}
