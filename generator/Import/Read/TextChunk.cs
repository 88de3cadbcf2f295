namespace Baoku.Import.Read;

/// <summary>Consecutive text lines that read as one unit: a paragraph, or a headline printed as lines.</summary>
public sealed record TextChunk(IReadOnlyList<LineInfo> Lines, IReadOnlyList<double> Columns);
