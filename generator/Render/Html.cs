using System.Text;

namespace Baoku.Render;

/// <summary>
/// HTML the generator made itself (an article body from Markdig, a chart's SVG, a page body inside the layout).
/// Templates write it as it is; every other value they write is escaped (<see cref="EscapingContext"/>).
/// </summary>
public sealed record RawHtml(string Html)
{
    public override string ToString() => Html;
}

public static class Html
{
    /// <summary>
    /// Escapes text for HTML content and quoted attributes: <c>&amp; &lt; &gt; " ' ` =</c>, the set Handlebars
    /// escaped (so sites built before the Scriban port keep their bytes); everything else, Chinese included, stays as it is.
    /// </summary>
    public static string Escape(string text)
    {
        int first = text.AsSpan().IndexOfAny("&<>\"'`=");
        if (first < 0) return text;
        var sb = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#x27;",
                '`' => "&#x60;",
                '=' => "&#x3D;",
                _ => null,
            } ?? (object)c);
        }
        return sb.ToString();
    }
}
