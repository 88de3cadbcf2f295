using System.Collections.Concurrent;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Text;

namespace Baoku.Build;

/// <summary>
/// Reads every HTML file of a built site with AngleSharp and checks that each internal link and asset reference
/// (href, src) points to a file that exists. Links to other sites and in-page anchors are not followed.
/// The 404 page uses absolute paths under the site's base path; those are resolved against the site root.
/// </summary>
public static class LinkChecker
{
    public sealed record BrokenLink(string Page, string Link);

    public static IReadOnlyList<BrokenLink> Check(string siteFolder, string basePath)
    {
        var root = Path.GetFullPath(siteFolder);
        var existing = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .ToHashSet(StringComparer.Ordinal);
        return Check(existing, existing.Where(f => f.EndsWith(".html", StringComparison.Ordinal)), page => File.ReadAllText(Path.Combine(root, page)), basePath);
    }

    /// <summary>The pages given (read with <paramref name="read"/>) against the set of the site's files: an incremental
    /// build checks only the pages it changed, as long as no file went away.</summary>
    public static IReadOnlyList<BrokenLink> Check(IReadOnlySet<string> existing, IEnumerable<string> pages, Func<string, string> read, string basePath)
    {
        var broken = new ConcurrentBag<BrokenLink>();
        Parallel.ForEach(pages, page =>
        {
            foreach (var link in Links(read(page)))
                if (!Resolves(existing, page, link, basePath)) broken.Add(new BrokenLink(page, link));
        });
        return broken.OrderBy(b => b.Page, StringComparer.Ordinal).ThenBy(b => b.Link, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Every href and src of a page, read with AngleSharp's HTML tokenizer: the same reading of tags, attributes and
    /// character references as its parser, without building a document, which is what makes checking 70,000 pages cheap.
    /// </summary>
    public static IEnumerable<string> Links(string html)
    {
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver)
        {
            SkipDataText = true, SkipComments = true, SkipRawText = true, SkipScriptText = true, SkipRCDataText = true, SkipPlaintext = true,
        };
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            if (token.Type != HtmlTokenType.StartTag) continue;
            foreach (var attribute in token.AsTag().Attributes)
                if (attribute.Name is "href" or "src") yield return attribute.Value;
        }
    }

    /// <summary>Whether <paramref name="link"/> on <paramref name="page"/> (a site file path) points to one of the <paramref name="existing"/> site files.</summary>
    internal static bool Resolves(IReadOnlySet<string> existing, string page, string link, string basePath)
    {
        if (link.Length == 0) return false;
        if (link.StartsWith('#') || link.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) return true;
        if (link.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || link.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) return true;
        if (link.Contains(':') || link.StartsWith("//", StringComparison.Ordinal) || link.Contains('\\')) return false;   // javascript:, data:, protocol-relative
        var path = link;
        int cut = path.IndexOfAny(['#', '?']);
        if (cut >= 0) path = path[..cut];
        path = Uri.UnescapeDataString(path);
        string? target;
        if (path.StartsWith('/'))
        {
            if (!path.StartsWith(basePath, StringComparison.Ordinal)) return false;
            target = Normalise("", path[basePath.Length..]);
        }
        else
        {
            int slash = page.LastIndexOf('/');
            target = Normalise(slash < 0 ? "" : page[..(slash + 1)], path);
        }
        if (target is null) return false;   // climbs above the site root
        if (target.Length == 0 || target.EndsWith('/')) target += "index.html";
        return existing.Contains(target);
    }

    /// <summary>Resolves "." and ".." of a relative path against a folder of the site; null when it leaves the site.</summary>
    static string? Normalise(string folder, string relative)
    {
        var parts = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        var segments = relative.Split('/');
        for (int k = 0; k < segments.Length; k++)
        {
            var s = segments[k];
            if (s == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else if (s is not ("." or "")) parts.Add(s);
        }
        var joined = string.Join('/', parts);
        bool folderTarget = relative.Length == 0 || relative.EndsWith('/') || segments[^1] is "." or "..";
        return folderTarget && joined.Length > 0 ? joined + "/" : joined;
    }
}
