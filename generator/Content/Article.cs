namespace Baoku.Content;

/// <summary>
/// An article as loaded from content/: its front-matter, its Markdown body, and where it came from.
/// <see cref="Slug"/> is the front-matter slug or else the file name without .md.
/// </summary>
public sealed record Article(string RelativePath, ArticleFrontMatter Meta, string Markdown, int BodyStartLine)
{
    public string Slug => Meta.Slug ?? Path.GetFileNameWithoutExtension(RelativePath);
}
