using Baoku.Render;
using Baoku.Site;

namespace Baoku.Check;

/// <summary>
/// The files a build would write (site paths such as <c>2023/01/slug/index.html</c>, <c>assets/style.css</c>), worked out
/// from the site model without rendering anything: the pages of <see cref="SiteRenderer.Render"/>, the feeds and the
/// templates' assets. The search index files are left out: articles do not link to them.
/// </summary>
public static class SitePaths
{
    public static HashSet<string> Of(SiteModel site, string assetsFolder)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        void Page(string url) => paths.Add(url + "index.html");
        void Paged(string url, int count)
        {
            for (int n = 1, pages = Pagination.PageCount(count, site.Config.Build.PageSize); n <= pages; n++) Page(UrlScheme.Paged(url, n));
        }

        Page(UrlScheme.Home);
        foreach (var a in site.Articles)
        {
            Page(a.Url);
            foreach (var alias in a.Source.Meta.Aliases) Page(alias.Trim('/') + "/");
        }
        foreach (var tax in site.Taxonomies.Values)
        {
            Page(tax.Url);
            foreach (var term in tax.Terms) Paged(term.Url, term.Articles.Count);
        }
        foreach (var c in site.Taxonomies[TaxonomyKind.Campaign].Terms) paths.Add(c.Url + "feed.xml");
        Page(UrlScheme.Archive);
        Page(UrlScheme.Search);
        foreach (var y in site.Years)
        {
            Paged(y.Url, y.Count);
            foreach (var m in y.Months)
            {
                Paged(m.Url, m.Count);
                foreach (var d in m.Days) Page(d.Url);
            }
        }
        Paged(UrlScheme.SourcePages, site.SourcePages.Count);
        foreach (var p in site.SourcePages) Page(p.Url);
        paths.UnionWith(["404.html", UrlScheme.Feed, "robots.txt", "sitemap.xml"]);
        if (Directory.Exists(assetsFolder))
            foreach (var file in Directory.EnumerateFiles(assetsFolder, "*", SearchOption.AllDirectories))
                paths.Add("assets/" + Path.GetRelativePath(assetsFolder, file).Replace('\\', '/'));
        return paths;
    }
}
