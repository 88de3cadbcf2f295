namespace Baoku.Import.Read;

/// <summary>
/// The width of the column a line sits in, estimated from its neighbours. Pages mix column widths
/// (a 4-character side column next to 17-character ones), so one page-wide figure will not do.
/// </summary>
public static class ColumnGeometry
{
    const int Window = 6;

    /// <summary>Column width for each line of a run of consecutive text lines.</summary>
    public static double[] LocalColumns(IReadOnlyList<LineInfo> run)
    {
        var cols = new double[run.Count];
        for (int i = 0; i < run.Count; i++)
        {
            int from = Math.Max(0, i - Window), to = Math.Min(run.Count - 1, i + Window);
            var widths = new List<double>();
            for (int k = from; k <= to; k++)
                if (!TextCleaner.EndsSentence(run[k].Clean)) widths.Add(run[k].Width);
            // A paragraph's last line is short; with short paragraphs those would pull the column in.
            if (widths.Count == 0) for (int k = from; k <= to; k++) widths.Add(run[k].Width);
            widths.Sort();
            // Upper quantile: paragraphs' first lines and display lines are short too, full lines are the column.
            cols[i] = widths[(int)Math.Floor(0.8 * (widths.Count - 1))];
        }
        return cols;
    }

    /// <summary>A first line of a paragraph is indented by two cells.</summary>
    public static bool LooksIndented(LineInfo l, double column) => !l.LayoutSpaced && l.Width <= column - 1.5;

    /// <summary>A line that stops well short of its column ends its paragraph.</summary>
    public static bool StopsShort(LineInfo l, double column) => !l.LayoutSpaced && l.Width <= column - 2;

    /// <summary>A line inside a paragraph fills (nearly) its column.</summary>
    public static bool IsFull(LineInfo l, double column) => l.LayoutSpaced || l.Width >= column - 2;
}
