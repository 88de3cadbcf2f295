namespace Baoku.Import.Read;

public enum UnitKind { ColumnLabel, Caption, PhotoCredit, Byline, Ad, Headline, Paragraph, Furniture }

/// <summary>A piece of a page in print order: one paragraph, one headline, one byline, one caption, one ad block.</summary>
public sealed record Unit(UnitKind Kind, IReadOnlyList<LineInfo> Lines, string Text)
{
    public Byline? Byline { get; init; }
    public FurnitureKind? Furniture { get; init; }
    public int First => Lines[0].Number;
    public int Last => Lines[^1].Number;
    public IEnumerable<int> LineNumbers => Lines.Select(l => l.Number);
}
