namespace Baoku.Site;

/// <summary>
/// Every file a build writes (the search index aside) and the base path, worked out once from the site model:
/// render makes each file from its record, <c>check</c> resolves article links against <see cref="Paths"/>, and the
/// build's link check and the 404 page use <see cref="BasePath"/>. Making the plan renders nothing and needs no templates.
/// </summary>
public sealed class SitePlan
{
    public required IReadOnlyList<PlannedFile> Files { get; init; }

    /// <summary>The path part of the base URL ("/" or "/baoku/"): where the site's root is on the server.</summary>
    public required string BasePath { get; init; }

    /// <summary>The site path of every planned file.</summary>
    public IReadOnlySet<string> Paths => _paths ??= Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
    HashSet<string>? _paths;

    /// <param name="assets">The templates' assets (the site's over the bundled ones), copied as they are.</param>
    public static SitePlan Of(SiteModel site, IReadOnlyList<AssetFile> assets) =>
        new() { Files = [.. Pages(site), .. assets], BasePath = BasePathOf(site.Config.BaseUrl) };

    public static string BasePathOf(string baseUrl)
    {
        var path = baseUrl.Contains("://", StringComparison.Ordinal) ? new Uri(baseUrl).AbsolutePath : baseUrl;
        path = "/" + path.Trim('/');
        return path.EndsWith('/') ? path : path + "/";
    }

    static IEnumerable<PlannedFile> Pages(SiteModel site)
    {
        int size = site.Config.Build.PageSize;
        IEnumerable<PageNumber> Numbers(int items)
        {
            int pages = PageNumber.PagesFor(items, size);
            for (int n = 1; n <= pages; n++) yield return new PageNumber(n, pages);
        }

        yield return new HomePage();
        foreach (var a in site.Articles) yield return new ArticlePage(a);
        foreach (var tax in site.Taxonomies.Values)
        {
            yield return new TaxonomyPage(tax);
            foreach (var term in tax.Terms)
                foreach (var n in Numbers(term.Articles.Count)) yield return new TermPage(tax, term, n);
        }
        yield return new ArchivePage();
        yield return new SearchPage();
        foreach (var y in site.Years)
        {
            foreach (var n in Numbers(y.Count)) yield return new YearPage(y, n);
            foreach (var m in y.Months)
            {
                foreach (var n in Numbers(m.Count)) yield return new MonthPage(m, n);
                foreach (var d in m.Days) yield return new DayPage(d);
            }
        }
        foreach (var n in Numbers(site.SourcePages.Count)) yield return new SourcePagesPage(n);
        foreach (var p in site.SourcePages) yield return new SourcePagePage(p);
        foreach (var a in site.Articles)
            foreach (var alias in a.Source.Meta.Aliases) yield return new RedirectPage(alias.Trim('/') + "/", a);
        yield return new NotFoundPage();
        yield return new FeedFile(UrlScheme.Home, null, site.Articles);
        foreach (var c in site.Taxonomies[TaxonomyKind.Campaign].Terms) yield return new FeedFile(c.Url, c, c.Articles);
        yield return new RobotsFile();
        yield return new SitemapFile(Sitemap(site));
    }

    /// <summary>The pages worth indexing: home, articles, terms and 版面, each with the date of its newest article.</summary>
    static List<SitemapEntry> Sitemap(SiteModel site) =>
    [
        new(UrlScheme.Home, site.Articles.FirstOrDefault()?.Date),
        .. site.Articles.Select(a => new SitemapEntry(a.Url, a.Date)),
        .. site.Taxonomies.Values.SelectMany(t => t.Terms).Select(t => new SitemapEntry(t.Url, t.Articles.FirstOrDefault()?.Date)),
        .. site.SourcePages.Select(p => new SitemapEntry(p.Url, p.Date)),
    ];
}

/// <summary>Page <see cref="Number"/> of <see cref="Of"/> of a list; page 1 is the list's own URL.</summary>
public readonly record struct PageNumber(int Number, int Of)
{
    /// <summary>How many pages a list of <paramref name="items"/> takes: at least one, so an empty list still has its page.</summary>
    public static int PagesFor(int items, int pageSize) => Math.Max(1, (items + pageSize - 1) / pageSize);
}

public sealed record SitemapEntry(string Url, DateOnly? LastModified);

// The files of a site. The record's type is the kind of file and its fields are the model objects it shows: what render
// turns into a view for a template.

/// <summary>One file of the site at <see cref="Path"/> (site-relative, '/' separators).</summary>
public abstract record PlannedFile(string Path);

/// <summary>A page at a folder URL, written as URL/index.html.</summary>
public abstract record PlannedPage(string Url) : PlannedFile(Url + "index.html");

public sealed record HomePage() : PlannedPage(UrlScheme.Home);
public sealed record ArticlePage(SiteArticle Article) : PlannedPage(Article.Url);
/// <summary>The list of a taxonomy's terms (专题, 标签, 人物, 单位, 栏目).</summary>
public sealed record TaxonomyPage(Taxonomy Taxonomy) : PlannedPage(Taxonomy.Url);
public sealed record TermPage(Taxonomy Taxonomy, Term Term, PageNumber Page) : PlannedPage(UrlScheme.Paged(Term.Url, Page.Number));
/// <summary>往期: the calendar and every year's months.</summary>
public sealed record ArchivePage() : PlannedPage(UrlScheme.Archive);
public sealed record SearchPage() : PlannedPage(UrlScheme.Search);
public sealed record YearPage(YearArchive Year, PageNumber Page) : PlannedPage(UrlScheme.Paged(Year.Url, Page.Number));
public sealed record MonthPage(MonthArchive Month, PageNumber Page) : PlannedPage(UrlScheme.Paged(Month.Url, Page.Number));
public sealed record DayPage(DayArchive Day) : PlannedPage(Day.Url);
/// <summary>The list of printed pages (版面), newest first.</summary>
public sealed record SourcePagesPage(PageNumber Page) : PlannedPage(UrlScheme.Paged(UrlScheme.SourcePages, Page.Number));
public sealed record SourcePagePage(SourcePage SourcePage) : PlannedPage(SourcePage.Url);
/// <summary>An article's old URL (an alias), sending readers on to <see cref="Target"/>.</summary>
public sealed record RedirectPage(string From, SiteArticle Target) : PlannedPage(From);
/// <summary>Served for any missing path at any depth: its links are absolute paths under the base path.</summary>
public sealed record NotFoundPage() : PlannedFile("404.html");
/// <summary>The Atom feed of the site (<see cref="Campaign"/> null) or of a campaign, next to the page it follows.</summary>
public sealed record FeedFile(string PageUrl, Term? Campaign, IReadOnlyList<SiteArticle> Articles) : PlannedFile(UrlScheme.FeedOf(PageUrl));
public sealed record RobotsFile() : PlannedFile("robots.txt");
public sealed record SitemapFile(IReadOnlyList<SitemapEntry> Entries) : PlannedFile("sitemap.xml");

/// <summary>A file of the templates' assets, copied as it is to assets/.</summary>
public sealed record AssetFile(string Source, string SitePath) : PlannedFile(SitePath);
