namespace Baoku.Import.Read;

/// <summary>One line of a raw page as read from disk (BOM and line ends removed), numbered from 1.</summary>
public sealed record RawLine(int Number, string Text);

/// <summary>A decoded raw page. <see cref="Notes"/> says what the reader had to do (encoding, line ends).</summary>
public sealed record RawPage(string FileName, IReadOnlyList<RawLine> Lines, IReadOnlyList<string> Notes);

