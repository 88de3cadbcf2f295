using System.Text.RegularExpressions;

namespace Baoku.Config;

/// <summary>
/// One paper's own words, so the importer reads its pages: the lead prefixes it prints before 讯 (本报讯, 东阳新闻网讯),
/// the byline roles it uses (融媒记者), and the labels printed over its columns and pages. The importer's own lists
/// already cover the common forms of Chinese papers; a profile only adds to them. <see cref="Files"/> are glob patterns
/// (<c>*</c>, <c>**</c>, <c>?</c>) on a raw page's path below the import folder, or on its file name: which pages are
/// this paper's. A profile without patterns applies to every page no other profile claims.
/// </summary>
public sealed record PaperProfile(
    string Name,
    IReadOnlyList<string> Files,
    IReadOnlyList<string> LeadPrefixes,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Labels)
{
    /// <summary>An unknown paper: the importer's own lists only.</summary>
    public static PaperProfile Unknown { get; } = new("", [], [], [], []);

    /// <summary>Whether a raw page (its path relative to the import folder, '/' separated) belongs to this paper.</summary>
    public bool Claims(string relativePath)
    {
        var path = relativePath.Replace('\\', '/');
        var name = path[(path.LastIndexOf('/') + 1)..];
        return Files.Any(f => Glob(f).IsMatch(path) || Glob(f).IsMatch(name));
    }

    static Regex Glob(string pattern)
    {
        var rx = Regex.Escape(pattern.Replace('\\', '/')).Replace(@"\*\*/", "(?:.*/)?").Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*").Replace(@"\?", "[^/]");
        return new Regex("^" + rx + "$", RegexOptions.CultureInvariant);
    }

    /// <summary>The profile of a raw page: the first profile whose patterns claim it, else the catch-all one, else <see cref="Unknown"/>.</summary>
    public static PaperProfile For(IReadOnlyList<PaperProfile> papers, string relativePath) =>
        papers.FirstOrDefault(p => p.Files.Count > 0 && p.Claims(relativePath))
        ?? papers.FirstOrDefault(p => p.Files.Count == 0)
        ?? Unknown;
}
