using System.Security.Cryptography;
using System.Text;
using Baoku.Site;

namespace Baoku.Search;

/// <summary>
/// A hash of everything the search index is made from (see <see cref="SearchDocuments"/>): the articles in site order
/// with the fields search reads, and the campaigns. An incremental build reuses the previous index when it is equal:
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
            var m = a.Source.Meta;
            Add(a.Url); Add(m.Title); Add(m.Kicker); Add(m.Subtitle); Add(a.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            foreach (var list in new IEnumerable<string>[] { a.Campaigns.Select(t => t.Name), m.Authors, m.Photographers, m.People, m.Orgs, m.Tags })
            {
                foreach (var s in list) Add(s);
                Add("\u0002");
            }
            Add(m.Column);
            Add(a.Source.Markdown);
            Flush();
        }
        Flush();
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
