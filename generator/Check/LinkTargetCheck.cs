using Baoku.Content;
using Baoku.Build;
using Baoku.Render;
using Baoku.Site;

namespace Baoku.Check;

/// <summary>
/// Links and images in an article's Markdown that would point nowhere in the built site. The links are the body's
/// own (<see cref="ArticleBody.Links"/>: the parse and link policy the page is made with) and each goes through the
/// build's own link test (<see cref="LinkChecker.Resolves"/>) against the files the build would write, so check and build agree.
/// </summary>
public sealed class LinkTargetCheck(IReadOnlySet<string> sitePaths, string basePath, string contentDir, IReadOnlyDictionary<string, SiteArticle> publishedByFile)
{
    /// <param name="shownPath">The article file as findings name it, e.g. content/2023/01/x.md.</param>
    public IEnumerable<Problem> Check(SiteArticle article, string shownPath)
    {
        var source = article.Source;
        var page = article.Url + "index.html";
        foreach (var link in article.ReadBody().Links)
        {
            if (link.Href is not { } href) continue;   // dropped: ContentSafety warns (BK118)
            if (LinkChecker.Resolves(sitePaths, page, href, basePath)) continue;
            int line = source.BodyStartLine + link.Line;
            yield return link.IsImage ? Image(link.Url, source, shownPath, line) : Link(link.Url, source, shownPath, line);
        }
    }

    Problem Link(string url, Article source, string shownPath, int line)
    {
        if (OnDisk(url, source) is { } rel && publishedByFile.TryGetValue(rel, out var target))
            return Problem.Of(ProblemCodes.LinkToFile, shownPath, line,
                $"链接“{url}”写的是文章文件，网站上没有这个文件，请改成文章的网址 /{target.Url}",
                $"link '{url}' names an article file, which the site does not have; use the article's URL /{target.Url}");
        return Problem.Of(ProblemCodes.BrokenLink, shownPath, line,
            $"链接“{url}”指向的页面不存在（文章网址的格式是 /年/月/slug/）",
            $"link '{url}' points to a page that does not exist (article URLs are /YYYY/MM/slug/)");
    }

    Problem Image(string url, Article source, string shownPath, int line)
    {
        if (OnDisk(url, source) is { } rel && File.Exists(Path.Combine(contentDir, rel)))
            return Problem.Of(ProblemCodes.UnpublishedImage, shownPath, line,
                $"图片“{url}”在内容文件夹里，生成网站时不会复制；请放到 templates/assets/ 里，写成 /assets/文件名",
                $"image '{url}' is in the content folder, which the build does not copy; move it to templates/assets/ and write /assets/<name>");
        if (url.StartsWith("/assets/", StringComparison.Ordinal))
            return Problem.Of(ProblemCodes.MissingImage, shownPath, line,
                $"图片“{url}”不存在：templates/assets/ 里没有 {url["/assets/".Length..]}",
                $"image '{url}' not found: templates/assets/ has no {url["/assets/".Length..]}");
        return Problem.Of(ProblemCodes.MissingImage, shownPath, line,
            $"图片“{url}”不存在；图片请放在 templates/assets/ 里，写成 /assets/文件名",
            $"image '{url}' not found; put images in templates/assets/ and write /assets/<name>");
    }

    /// <summary>The URL read as a file path inside content/ (relative to the article's file; / = content/), or null.</summary>
    static string? OnDisk(string url, Article source)
    {
        int cut = url.IndexOfAny(['#', '?']);
        var path = Uri.UnescapeDataString(cut >= 0 ? url[..cut] : url);
        if (path.Length == 0) return null;
        var parts = path.StartsWith('/') ? new List<string>() : source.RelativePath.Split('/').SkipLast(1).ToList();
        foreach (var s in path.Split('/'))
        {
            if (s == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else if (s is not ("." or "")) parts.Add(s);
        }
        return parts.Count == 0 ? null : string.Join('/', parts);
    }
}
