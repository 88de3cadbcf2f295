using System.Security.Cryptography;
using System.Text;
using Baoku.Site;

namespace Baoku.Search;

/// <summary>
/// A hash of everything the search index is made from: the campaigns, and each article's
/// <see cref="SearchDocuments.Source"/> in site order. An incremental build reuses the previous index when it is equal:
/// an edit to a template or to site.yml's menu changes pages, not the index.
/// </summary>
public static class SearchInputKey
{
    public static string Of(SiteModel site)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new StringBuilder();
        void Add(string? s) { buffer.Append(s ?? "\u0001").Append('\0'); }
        void Flush() { hash.AppendData(Encoding.UTF8.GetBytes(buffer.ToString())); buffer.Clear(); }

        foreach (var term in site.Taxonomies[TaxonomyKind.Campaign].Terms) { Add(term.Name); Add(term.Url); }
        Add(site.Articles.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var a in site.Articles)
        {
            var src = SearchDocuments.SourceOf(a);
            Add(src.Url); Add(src.Title); Add(src.Kicker); Add(src.Subtitle);
            Add(src.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            foreach (var t in src.Campaigns) Add(t.Name);   // the document holds their indexes into the list above
            Add("\u0002");
            foreach (var name in src.Names) Add(name);
            Add("\u0002");
            Flush();
            hash.AppendData(src.TextHash);
        }
        Flush();
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
