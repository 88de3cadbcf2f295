using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Baoku.Site;

/// <summary>
/// Where every page lives. URLs are site-relative folder paths ("2022/11/20221122-018d1bbd/"), each written as
/// folder/index.html, and every link between pages is relative and names index.html, so the same output works
/// at a domain's root, under a sub-path and opened from disk. All paths are ASCII: Chinese names stay on the
/// page, never in a file name (zip files and macOS mangle them).
/// </summary>
public static partial class UrlScheme
{
    public const string Home = "";
    public const string Campaigns = "campaigns/";
    public const string Tags = "tags/";
    public const string People = "people/";
    public const string Orgs = "orgs/";
    public const string Columns = "columns/";
    public const string Archive = "archive/";
    public const string SourcePages = "pages/";
    public const string Feed = "feed.xml";
    public const string Search = "search/";

    public static string Article(DateOnly date, string slug) => $"{date:yyyy}/{date:MM}/{slug}/";
    public static string Year(int year) => $"{year:D4}/";
    public static string Month(int year, int month) => $"{year:D4}/{month:D2}/";
    public static string Day(DateOnly d) => $"{d:yyyy}/{d:MM}/{d:dd}/";
    public static string Term(string taxonomyUrl, string key) => taxonomyUrl + key + "/";
    public static string SourcePage(string key) => SourcePages + key + "/";

    /// <summary>The Atom feed that goes with a page (the home page's is the site's).</summary>
    public static string FeedOf(string url) => url + Feed;

    /// <summary>Page n of a paginated list (page 1 is the list itself).</summary>
    public static string Paged(string url, int page) => page <= 1 ? url : $"{url}page/{page}/";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,40}$")]
    private static partial Regex AsciiKeyRx();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonKeyRx();

    /// <summary>
    /// A term's path segment: the name itself when it is already a short lowercase ASCII word (5g), otherwise a
    /// stable hash of the name. The same name always gets the same key, in every build.
    /// </summary>
    public static string TermKey(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        if (AsciiKeyRx().IsMatch(lower)) return lower;
        return "t" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name.Trim())))[..10];
    }

    /// <summary>A source page's key from its raw file name: readable when ASCII (000_fcd394e6e566bb03), hashed otherwise.</summary>
    public static string SourceKey(string file, string? pageName)
    {
        // The page's path below the import folder, without its extension: 2024/03/19/A2.txt and 2024/03/20/A2.txt are
        // two pages (a file name alone, as the seeds have, gives the same key as before).
        var path = file.Replace('\\', '/');
        var stem = path[..^Path.GetExtension(path).Length];
        var key = NonKeyRx().Replace(stem.ToLowerInvariant(), "-").Trim('-');
        if (stem.Any(c => c > 127) || key.Length is 0 or > 60) key = "s" + TermKey(stem)[1..];
        return pageName is null ? key : key + "-" + TermKey(pageName);
    }

    /// <summary>
    /// The relative href from the page at <paramref name="from"/> to the page or file at <paramref name="to"/>.
    /// Folder URLs get index.html so the link also works from disk, where no server adds it.
    /// </summary>
    public static string Relative(string from, string to)
    {
        int depth = from.Count(c => c == '/');
        var prefix = string.Concat(Enumerable.Repeat("../", depth));
        var target = to.Length == 0 || to.EndsWith('/') ? to + "index.html" : to;
        return prefix + target;
    }

    /// <summary>An absolute URL for feeds and the sitemap.</summary>
    public static string Absolute(string baseUrl, string url) => baseUrl.TrimEnd('/') + "/" + url;
}
