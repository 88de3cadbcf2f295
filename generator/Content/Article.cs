namespace Baoku.Content;

/// <summary>
/// An article as loaded from content/: its front-matter, its Markdown body, and where it came from.
/// <see cref="Slug"/> is the front-matter slug or else the file name without .md.
/// </summary>
/// <remarks>
/// The body is held in memory, or (<see cref="WithBodyOnDisk"/>) read from its file again each time it is asked for:
/// a build of a large archive keeps no bodies, only what the file must still hash to.
/// </remarks>
public sealed record Article(string RelativePath, ArticleFrontMatter Meta, int BodyStartLine)
{
    public Article(string relativePath, ArticleFrontMatter meta, string markdown, int bodyStartLine) : this(relativePath, meta, bodyStartLine) =>
        _body = markdown;

    /// <summary>The Markdown (a string) or where to read it (a <see cref="MarkdownOnDisk"/>).</summary>
    object _body = "";

    public string Markdown => _body as string ?? ((MarkdownOnDisk)_body).Read();

    public string Slug => Meta.Slug ?? Path.GetFileNameWithoutExtension(RelativePath);

    /// <summary>The same article, its body read from <paramref name="file"/> when asked for instead of held.</summary>
    public Article WithBodyOnDisk(MarkdownOnDisk file) => this with { _body = file };
}
