using Baoku.Import.Read;

namespace Baoku.Tests.Support;

/// <summary>
/// Builds raw OCR-style page text the way the scanner delivers it: paragraphs wrapped at a column width with a
/// two-cell indent on the first line, a blank line after every printed line.
/// </summary>
/// <param name="spaced">A blank line after every printed line (as these scanners deliver), or none at all (as others do).</param>
public sealed class OcrPageBuilder(bool spaced = true)
{
    readonly List<string> _lines = [];

    public OcrPageBuilder Line(string raw)
    {
        _lines.Add(raw);
        if (spaced) _lines.Add("");
        return this;
    }

    /// <summary>Headline lines printed one under the other (no blank line between them).</summary>
    public OcrPageBuilder Display(params string[] lines)
    {
        _lines.AddRange(lines);
        if (spaced) _lines.Add("");
        return this;
    }

    public OcrPageBuilder Paragraph(string text, int column)
    {
        int pos = 0, width = column - 2;
        while (pos < text.Length)
        {
            int n = Math.Min(width, text.Length - pos);
            Line(text.Substring(pos, n));
            pos += n;
            width = column;
        }
        return this;
    }

    public string Text => string.Join("\n", _lines) + "\n";

    public RawPage Build(string name = "test.txt") =>
        new(name, _lines.Select((t, i) => new RawLine(i + 1, t)).ToList(), []);
}
