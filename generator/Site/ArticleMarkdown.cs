using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Baoku.Site;

/// <summary>
/// How an article's Markdown is read, defined once for the page, search, summaries and <c>check</c>: one Markdig
/// pipeline and one link policy. Raw HTML is not interpreted (it shows as text). Links and images may only point to
/// http(s), mailto or inside the site; anything else (javascript:, data:) is dropped and its text kept. Links written
/// as site paths (/2023/05/a-1/) become relative, so they also work under a sub-path and from disk.
/// </summary>
public static class ArticleMarkdown
{
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)   // keeps Chinese heading ids: #发展的印记闪光
        .UsePipeTables()
        .Build();

    /// <summary>The Markdown as a syntax tree (inlines know their line, 0-based in the Markdown).</summary>
    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    /// <summary>
    /// Whether Markdig refuses the Markdown as nested deeper than its limit (about 128 levels: [a ×150, a list or quote
    /// 5,000 deep, a* ×20,000). Parsing or rendering throws then: ArgumentException is the only exception either throws.
    /// </summary>
    public static bool IsTooDeep(ArgumentException ex) => ex.Message.Contains("depth limit", StringComparison.Ordinal);

    static bool TooDeep(string markdown)
    {
        try { Html(Parse(markdown), ""); return false; }
        catch (ArgumentException ex) when (IsTooDeep(ex)) { return true; }
    }

    /// <summary>
    /// The 0-based line where the Markdown first nests too deep: the first paragraph (run of non-blank lines) that is
    /// too deep by itself, then the shortest run of its lines that is. Each paragraph is parsed once, so this is linear
    /// but for the bisection inside the one paragraph.
    /// </summary>
    public static int TooDeepLine(string markdown)
    {
        var lines = markdown.Split('\n');
        int start = 0;
        while (start < lines.Length)
        {
            while (start < lines.Length && string.IsNullOrWhiteSpace(lines[start])) start++;
            int end = start;
            while (end < lines.Length && !string.IsNullOrWhiteSpace(lines[end])) end++;
            if (end > start && TooDeep(Join(lines, start, end)))
            {
                int lo = start + 1, hi = end;   // the shortest prefix [start, hi) that is too deep
                while (lo < hi)
                {
                    int mid = (lo + hi) / 2;
                    if (TooDeep(Join(lines, start, mid))) hi = mid; else lo = mid + 1;
                }
                return hi - 1;
            }
            start = end;
        }
        return 0;   // only the paragraphs together are too deep: the body as a whole is named
    }

    static string Join(string[] lines, int from, int to) => string.Join('\n', lines, from, to - from);

    /// <summary>
    /// The href or src a page at <paramref name="pageUrl"/> gets for a link or image URL: external and #anchor URLs
    /// unchanged, site paths made relative, null when the link is dropped (javascript:, …).
    /// </summary>
    public static string? RenderedUrl(string url, string pageUrl)
    {
        if (IsSafeExternal(url) || url.StartsWith('#')) return url;
        return IsInternal(url) ? Rewrite(url, pageUrl) : null;
    }

    /// <summary>A block (or the whole document) as text: no markup, link targets dropped, images as their alt text.</summary>
    public static string PlainText(MarkdownObject block)
    {
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(renderer);
        renderer.Render(block);
        return writer.ToString();
    }

    /// <summary>
    /// The document as the HTML of the page at <paramref name="pageUrl"/>, links rewritten by <see cref="RenderedUrl"/>.
    /// Changes the document (dropped links become their text), so it is the last thing done with it.
    /// </summary>
    public static string Html(MarkdownDocument doc, string pageUrl)
    {
        foreach (var link in doc.Descendants<LinkInline>().ToList())
        {
            if (RenderedUrl(link.Url ?? "", pageUrl) is { } href) link.Url = href;
            else Unlink(link);
        }
        foreach (var auto in doc.Descendants<AutolinkInline>().ToList())
            if (!IsSafeExternal(auto.Url) && !auto.IsEmail)
                auto.ReplaceBy(new LiteralInline(auto.Url));

        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(doc);
        return writer.ToString();
    }

    static bool IsSafeExternal(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    /// <summary>A site path or a relative path: no scheme, no protocol-relative //host, no backslashes.</summary>
    static bool IsInternal(string url) =>
        url.Length > 0 && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains(':') && !url.Contains('\\')
        && !url.Any(char.IsControl);

    static string Rewrite(string url, string pageUrl)
    {
        if (!url.StartsWith('/')) return url;
        var fragment = "";
        int hash = url.IndexOf('#');
        if (hash >= 0) { fragment = url[hash..]; url = url[..hash]; }
        return UrlScheme.Relative(pageUrl, url.TrimStart('/')) + fragment;
    }

    /// <summary>Replaces a link by its text (images by their alt text).</summary>
    static void Unlink(LinkInline link)
    {
        var text = link.IsImage ? new LiteralInline(string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()))) : null;
        if (text is not null) { link.ReplaceBy(text); return; }
        var container = new ContainerInline();
        while (link.FirstChild is { } child)
        {
            child.Remove();
            container.AppendChild(child);
        }
        link.ReplaceBy(container);
    }
}
