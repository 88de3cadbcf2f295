using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Baoku.Site;

/// <summary>A link or image of an article body: the URL as written, the href its page gets (null: dropped), its 0-based line in the Markdown.</summary>
public sealed record BodyLink(string Url, string? Href, int Line, bool IsImage);

/// <summary>
/// What an article's Markdown body is to the site, read from one parse (<see cref="ArticleMarkdown"/>): the HTML of its
/// page, its plain text (one line per paragraph, heading or list item: what search indexes), the summary lists and
/// feeds show, and its links (what <c>check</c> resolves). The strings are kept, never the syntax tree: a tree is
/// many times the size of its text. The site model keeps the summary; the HTML and text go to a <see cref="BodyStore"/>.
/// </summary>
public sealed record ArticleBody(string Html, string Text, string Summary, IReadOnlyList<BodyLink> Links)
{
    const int SummaryLength = 90;

    /// <summary>SHA-256 of the text (its UTF-16, as held: nothing to encode).</summary>
    public static byte[] HashOf(string text) =>
        System.Security.Cryptography.SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan()));

    /// <param name="pageUrl">The article's URL: where the HTML's relative links start.</param>
    public static ArticleBody Read(string markdown, string pageUrl) =>
        TryRead(markdown, pageUrl, out _) ?? throw new ArgumentException("Markdown nested too deeply", nameof(markdown));

    /// <summary>The body, or null when its Markdown nests deeper than Markdig allows (<paramref name="deepLine"/>: 0-based, where).</summary>
    public static ArticleBody? TryRead(string markdown, string pageUrl, out int deepLine)
    {
        deepLine = 0;
        try
        {
            return ReadOrThrow(markdown, pageUrl);
        }
        catch (ArgumentException ex) when (ArticleMarkdown.IsTooDeep(ex))
        {
            deepLine = ArticleMarkdown.TooDeepLine(markdown);
            return null;
        }
    }

    static ArticleBody ReadOrThrow(string markdown, string pageUrl)
    {
        var doc = ArticleMarkdown.Parse(markdown);
        var links = doc.Descendants<LinkInline>()
            .Select(l => new BodyLink(l.Url ?? "", ArticleMarkdown.RenderedUrl(l.Url ?? "", pageUrl), l.Line, l.IsImage))
            .ToList();
        var text = Lines(ArticleMarkdown.PlainText(doc));
        var summary = FirstParagraph(doc);
        // Last: making the HTML rewrites the links of the tree.
        return new ArticleBody(ArticleMarkdown.Html(doc, pageUrl), text, summary, links.Count == 0 ? [] : links);
    }

    /// <summary>Trimmed non-empty lines: the text as search segments it.</summary>
    static string Lines(string text) =>
        string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    /// <summary>
    /// The first paragraph of the body as one line of text, cut at 90 characters. Only a paragraph of the body itself:
    /// headings, quotes, tables and lists are not what an article is about.
    /// </summary>
    static string FirstParagraph(MarkdownDocument doc)
    {
        foreach (var block in doc)
        {
            if (block is not ParagraphBlock p) continue;
            var text = ArticleMarkdown.PlainText(p).Replace("\r\n", "\n").Trim().Replace('\n', ' ');
            if (text.Length == 0) continue;
            return text.Length <= SummaryLength ? text : text[..SummaryLength] + "……";
        }
        return "";
    }
}
