using Baoku.Site;

namespace Baoku.Render;

/// <summary>
/// Site model → every file of the site: HTML pages (in parallel on all cores), feeds, sitemap, robots.txt,
/// 404 page, alias redirects and assets. Views hold relative hrefs computed here; templates only show them.
/// </summary>
public sealed class SiteRenderer(SiteModel site, TemplateSet templates)
{
    const string Css = "assets/style.css";
    const string Js = "assets/site.js";
    const string Icon = "assets/favicon.svg";

    readonly int _pageSize = site.Config.Build.PageSize;
    readonly Dictionary<int, List<SiteArticle>> _byYear = site.Articles.GroupBy(a => a.Date.Year).ToDictionary(g => g.Key, g => g.ToList());
    readonly Dictionary<SourcePage, string> _sourcePageNames = SourcePageNames(site.SourcePages);

    public int Render(ISiteOutput output)
    {
        var jobs = Jobs();
        Parallel.ForEach(jobs, job => output.Write(job.Path, job.Make()));

        var sitemap = new List<(string, DateOnly?)> { (UrlScheme.Home, site.Articles.FirstOrDefault()?.Date) };
        sitemap.AddRange(site.Articles.Select(a => (a.Url, (DateOnly?)a.Date)));
        sitemap.AddRange(site.Taxonomies.Values.SelectMany(t => t.Terms).Select(t => (t.Url, t.Articles.FirstOrDefault()?.Date)));
        sitemap.AddRange(site.SourcePages.Select(p => (p.Url, (DateOnly?)p.Date)));
        output.Write(Sitemap, SitemapWriter.Sitemap(site.Config.BaseUrl, sitemap));

        foreach (var (file, path) in Assets(templates.AssetsFolder)) output.CopyFile(file, path);
        return jobs.Count + 1;
    }

    const string Sitemap = "sitemap.xml";

    /// <summary>
    /// The site paths a build writes (pages, feeds, sitemap, assets; not the search index), without rendering:
    /// what <c>baoku check</c> resolves article links against. The templates are not needed, as no page is made.
    /// </summary>
    public static HashSet<string> Paths(SiteModel site, string assetsFolder)
    {
        var paths = new SiteRenderer(site, templates: null!).Jobs().Select(j => j.Path).ToHashSet(StringComparer.Ordinal);
        paths.Add(Sitemap);
        paths.UnionWith(Assets(assetsFolder).Select(a => a.Path));
        return paths;
    }

    /// <summary>The templates' assets: each file and its site path under assets/.</summary>
    static IEnumerable<(string File, string Path)> Assets(string assetsFolder) =>
        Directory.Exists(assetsFolder)
            ? Directory.GetFiles(assetsFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => (f, "assets/" + System.IO.Path.GetRelativePath(assetsFolder, f).Replace('\\', '/')))
            : [];

    /// <summary>Every page and feed of the site, each with the function that makes it.</summary>
    List<(string Path, Func<string> Make)> Jobs()
    {
        var jobs = new List<(string Path, Func<string> Make)>();
        void Page(string url, Func<string> make) => jobs.Add((url + "index.html", make));

        Page(UrlScheme.Home, Home);
        foreach (var a in site.Articles) Page(a.Url, () => Article(a));
        foreach (var tax in site.Taxonomies.Values)
        {
            Page(tax.Url, () => TaxonomyIndex(tax));
            foreach (var term in tax.Terms) Paginate(term.Url, term.Articles.Count, n => TermPage(tax, term, n), Page);
        }
        Page(UrlScheme.Archive, ArchiveIndex);
        Page(UrlScheme.Search, SearchPage);
        foreach (var y in site.Years)
        {
            Paginate(y.Url, y.Count, n => YearPage(y, n), Page);
            foreach (var m in y.Months)
            {
                Paginate(m.Url, m.Count, n => MonthPage(m, n), Page);
                foreach (var d in m.Days) Page(d.Url, () => DayPage(d));
            }
        }
        Paginate(UrlScheme.SourcePages, site.SourcePages.Count, SourcePagesIndex, Page);
        foreach (var p in site.SourcePages) Page(p.Url, () => SourcePageView(p));
        foreach (var a in site.Articles)
            foreach (var alias in a.Source.Meta.Aliases)
            {
                var from = alias.Trim('/') + "/";
                Page(from, () => templates.Standalone("redirect", new
                {
                    title = a.Title,
                    href = UrlScheme.Relative(from, a.Url),
                    canonical = UrlScheme.Absolute(site.Config.BaseUrl, a.Url),
                }));
            }
        jobs.Add(("404.html", NotFound));
        jobs.Add((UrlScheme.Feed, () => FeedWriter.Atom(site, site.Config.Title, UrlScheme.Feed, UrlScheme.Home, site.Articles)));
        foreach (var c in site.Taxonomies[TaxonomyKind.Campaign].Terms)
            jobs.Add((c.Url + "feed.xml", () => FeedWriter.Atom(site, $"{site.Config.Title} · {c.Name}", c.Url + "feed.xml", c.Url, c.Articles)));
        jobs.Add(("robots.txt", () => SitemapWriter.Robots(site.Config.BaseUrl)));
        return jobs;
    }

    void Paginate(string url, int count, Func<int, string> make, Action<string, Func<string>> page)
    {
        int pages = Pagination.PageCount(count, _pageSize);
        for (int n = 1; n <= pages; n++)
        {
            int k = n;
            page(UrlScheme.Paged(url, n), () => make(k));
        }
    }

    // ---- layout ---------------------------------------------------------------------------------------------

    LayoutView Layout(string url, string title, IReadOnlyList<CrumbView> crumbs, FeedView? extraFeed = null)
    {
        var menu = site.Config.Menu.Select(m => new MenuView(m.Name, UrlScheme.Relative(url, m.Path),
            m.Path.Length == 0 ? url.Length == 0 : url.StartsWith(m.Path, StringComparison.Ordinal) && !site.Config.Menu.Any(o => o.Path.Length > m.Path.Length && url.StartsWith(o.Path, StringComparison.Ordinal) && o.Path.StartsWith(m.Path, StringComparison.Ordinal))))
            .ToList();
        return new LayoutView(
            title: title.Length == 0 ? site.Config.Title : $"{title} - {site.Config.Title}",
            siteTitle: site.Config.Title,
            description: site.Config.Description,
            canonical: UrlScheme.Absolute(site.Config.BaseUrl, url),
            homeHref: UrlScheme.Relative(url, UrlScheme.Home),
            cssHref: UrlScheme.Relative(url, Css),
            iconHref: UrlScheme.Relative(url, Icon),
            jsHref: UrlScheme.Relative(url, Js),
            feedHref: UrlScheme.Relative(url, UrlScheme.Feed),
            extraFeed: extraFeed,
            menu: menu,
            breadcrumbs: crumbs.Count == 0 ? [] : [new CrumbView("首页", UrlScheme.Relative(url, UrlScheme.Home)), .. crumbs],
            searchHref: UrlScheme.Relative(url, UrlScheme.Search),
            browseHref: UrlScheme.Relative(url, UrlScheme.Archive));
    }

    static CrumbView Here(string name) => new(name, null);
    static CrumbView To(string from, string name, string url) => new(name, UrlScheme.Relative(from, url));

    ItemView Item(SiteArticle a, string from) => new(a.Title, a.Source.Meta.Kicker, UrlScheme.Relative(from, a.Url), Dates.Iso(a.Date), Dates.Text(a.Date),
        a.Summary, a.Campaigns.Select(c => new LinkView(c.Name, UrlScheme.Relative(from, c.Url))).ToList());

    IReadOnlyList<ItemView> Slice(IReadOnlyList<SiteArticle> list, int page, string from) =>
        list.Skip((page - 1) * _pageSize).Take(_pageSize).Select(a => Item(a, from)).ToList();

    static string PageSuffix(int page) => page > 1 ? $"（第 {page} 页）" : "";

    // ---- pages ----------------------------------------------------------------------------------------------

    string Home()
    {
        const string url = UrlScheme.Home;
        var latestMonth = site.Years.FirstOrDefault()?.Months.LastOrDefault();
        var view = new
        {
            siteTitle = site.Config.Title,
            description = site.Config.Description,
            campaigns = site.Taxonomies[TaxonomyKind.Campaign].Terms.Select(t => new { name = t.Name, href = UrlScheme.Relative(url, t.Url), count = t.Articles.Count }).ToList(),
            latest = site.Articles.Take(site.Config.Build.HomeCount).Select(a => Item(a, url)).ToList(),
            archiveHref = UrlScheme.Relative(url, UrlScheme.Archive),
            calendar = latestMonth is null ? null : CalendarBuilder.Month(site, latestMonth.Year, latestMonth.Month, null, url),
            sourcePages = site.SourcePages.Take(5).Select(p => new { name = SourcePageName(p), href = UrlScheme.Relative(url, p.Url), count = p.Articles.Count }).ToList(),
            sourcePagesHref = UrlScheme.Relative(url, UrlScheme.SourcePages),
        };
        return templates.Page("home", view, Layout(url, "", []));
    }

    string Article(SiteArticle a)
    {
        var url = a.Url;
        var m = a.Source.Meta;
        var roles = m.Roles.ToDictionary(r => r.Key, r => r.Value);
        TermLinkView Link(Term t, string? note = null) => new(t.Name, UrlScheme.Relative(url, t.Url), note);
        var view = new
        {
            kicker = m.Kicker,
            title = m.Title,
            subtitle = m.Subtitle,
            dateIso = Dates.Iso(a.Date),
            dateText = Dates.Text(a.Date),
            authors = string.Join("、", m.Authors),
            photographers = string.Join("、", m.Photographers),
            column = a.Column is null ? null : new LinkView(a.Column.Name, UrlScheme.Relative(url, a.Column.Url)),
            bodyHtml = a.Body.Html,
            sourcePage = a.SourcePage is null ? null : new LinkView(SourcePageName(a.SourcePage), UrlScheme.Relative(url, a.SourcePage.Url)),
            campaigns = a.Campaigns.Select(t => Link(t)).ToList(),
            people = a.People.Select(t => Link(t, roles.GetValueOrDefault(t.Name))).ToList(),
            orgs = a.Orgs.Select(t => Link(t)).ToList(),
            tags = a.Tags.Select(t => Link(t)).ToList(),
            related = a.Related.Select(r => new { title = r.Title, href = UrlScheme.Relative(url, r.Url), dateIso = Dates.Iso(r.Date), dateText = Dates.Text(r.Date) }).ToList(),
            older = a.Older is null ? null : Neighbour(a.Older, url),
            newer = a.Newer is null ? null : Neighbour(a.Newer, url),
        };
        var year = site.Years.First(y => y.Year == a.Date.Year);
        var crumbs = new List<CrumbView> { To(url, $"{a.Date.Year}年", year.Url), To(url, $"{a.Date.Month}月", UrlScheme.Month(a.Date.Year, a.Date.Month)), Here(m.Title) };
        return templates.Page("article", view, Layout(url, m.Title, crumbs));
    }

    static object Neighbour(SiteArticle n, string from) =>
        new { title = n.Title, href = UrlScheme.Relative(from, n.Url), dateIso = Dates.Iso(n.Date), dateText = Dates.Text(n.Date) };

    string TaxonomyIndex(Taxonomy tax)
    {
        var url = tax.Url;
        var view = new
        {
            heading = tax.Title,
            count = tax.Terms.Count,
            noun = tax.Kind == TaxonomyKind.Campaign ? "专题" : tax.Title,
            campaigns = tax.Kind == TaxonomyKind.Campaign
                ? tax.Terms.Select(t => new { name = t.Name, href = UrlScheme.Relative(url, t.Url), count = t.Articles.Count, description = t.Description }).ToList()
                : null,
            terms = tax.Terms.Select(t => new { name = t.Name, href = UrlScheme.Relative(url, t.Url), count = t.Articles.Count }).ToList(),
        };
        return templates.Page("terms", view, Layout(url, tax.Title, [Here(tax.Title)]));
    }

    string TermPage(Taxonomy tax, Term term, int page)
    {
        var url = UrlScheme.Paged(term.Url, page);
        int total = Pagination.PageCount(term.Articles.Count, _pageSize);
        bool campaign = tax.Kind == TaxonomyKind.Campaign;
        var feed = campaign ? new FeedView($"{site.Config.Title} · {term.Name}", UrlScheme.Relative(url, term.Url + "feed.xml")) : null;
        var view = new
        {
            heading = campaign ? $"专题：{term.Name}" : $"{tax.Title}：{term.Name}",
            description = term.Description,
            count = term.Articles.Count,
            span = Span(term.Articles),
            chart = campaign && page == 1 ? TimelineChart.Build(term) : null,
            feed,
            items = Slice(term.Articles, page, url),
            pagination = Pagination.View(term.Url, url, page, total),
        };
        var crumbs = new List<CrumbView> { To(url, tax.Title, tax.Url), page > 1 ? To(url, term.Name, term.Url) : Here(term.Name) };
        if (page > 1) crumbs.Add(Here($"第 {page} 页"));
        return templates.Page("list", view, Layout(url, term.Name + PageSuffix(page), crumbs, feed));
    }

    static string Span(IReadOnlyList<SiteArticle> newestFirst) =>
        newestFirst.Count == 0 ? "" : $"{Dates.Text(newestFirst[^1].Date)}至{Dates.Text(newestFirst[0].Date)}";

    string ArchiveIndex()
    {
        const string url = UrlScheme.Archive;
        var latest = site.Years.FirstOrDefault()?.Months.LastOrDefault();
        var view = new
        {
            count = site.Articles.Count,
            span = Span(site.Articles),
            calendar = latest is null ? null : CalendarBuilder.Month(site, latest.Year, latest.Month, null, url),
            years = site.Years.Select(y => new { year = y.Year, href = UrlScheme.Relative(url, y.Url), count = y.Count, months = MonthCells(y, url) }).ToList(),
        };
        return templates.Page("archive", view, Layout(url, "往期", [Here("往期")]));
    }

    /// <summary>The search page: the form, and for readers without JavaScript the ways to browse instead.</summary>
    string SearchPage()
    {
        const string url = UrlScheme.Search;
        var view = new
        {
            count = site.Articles.Count,
            scriptHref = UrlScheme.Relative(url, "assets/search.js"),
            archiveHref = UrlScheme.Relative(url, UrlScheme.Archive),
            campaignsHref = UrlScheme.Relative(url, UrlScheme.Campaigns),
            campaigns = site.Taxonomies[TaxonomyKind.Campaign].Terms.Select(t => new { name = t.Name, href = UrlScheme.Relative(url, t.Url), count = t.Articles.Count }).ToList(),
            years = site.Years.Select(y => new { year = y.Year, href = UrlScheme.Relative(url, y.Url), count = y.Count }).ToList(),
        };
        return templates.Page("search", view, Layout(url, "搜索", [Here("搜索")]));
    }

    static List<MonthCellView> MonthCells(YearArchive y, string from) =>
        Enumerable.Range(1, 12).Select(m =>
        {
            var month = y.Months.FirstOrDefault(x => x.Month == m);
            return new MonthCellView($"{m}月", month is null ? null : UrlScheme.Relative(from, month.Url), month?.Count ?? 0);
        }).ToList();

    string YearPage(YearArchive y, int page)
    {
        var url = UrlScheme.Paged(y.Url, page);
        var articles = _byYear[y.Year];
        var view = new
        {
            heading = $"{y.Year}年报道",
            count = y.Count,
            span = Span(articles),
            months = page == 1 ? MonthCells(y, url) : null,
            items = Slice(articles, page, url),
            pagination = Pagination.View(y.Url, url, page, Pagination.PageCount(y.Count, _pageSize)),
        };
        var crumbs = new List<CrumbView> { To(url, "往期", UrlScheme.Archive), page > 1 ? To(url, $"{y.Year}年", y.Url) : Here($"{y.Year}年") };
        return templates.Page("list", view, Layout(url, $"{y.Year}年" + PageSuffix(page), crumbs));
    }

    string MonthPage(MonthArchive m, int page)
    {
        var url = UrlScheme.Paged(m.Url, page);
        var articles = m.Days.AsEnumerable().Reverse().SelectMany(d => d.Articles).ToList();
        var view = new
        {
            heading = $"{Dates.MonthText(m.Year, m.Month)}报道",
            count = m.Count,
            calendar = page == 1 ? CalendarBuilder.Month(site, m.Year, m.Month, null, url) : null,
            items = Slice(articles, page, url),
            pagination = Pagination.View(m.Url, url, page, Pagination.PageCount(m.Count, _pageSize)),
        };
        var crumbs = new List<CrumbView> { To(url, "往期", UrlScheme.Archive), To(url, $"{m.Year}年", UrlScheme.Year(m.Year)), Here($"{m.Month}月") };
        return templates.Page("list", view, Layout(url, Dates.MonthText(m.Year, m.Month) + PageSuffix(page), crumbs));
    }

    string DayPage(DayArchive d)
    {
        var url = d.Url;
        var view = new
        {
            heading = $"{Dates.Text(d.Date)}报道",
            count = d.Articles.Count,
            calendar = CalendarBuilder.Month(site, d.Date.Year, d.Date.Month, d.Date, url),
            items = d.Articles.Select(a => Item(a, url)).ToList(),
        };
        var crumbs = new List<CrumbView>
        {
            To(url, "往期", UrlScheme.Archive), To(url, $"{d.Date.Year}年", UrlScheme.Year(d.Date.Year)),
            To(url, $"{d.Date.Month}月", UrlScheme.Month(d.Date.Year, d.Date.Month)), Here($"{d.Date.Day}日"),
        };
        return templates.Page("list", view, Layout(url, Dates.Text(d.Date), crumbs));
    }

    string SourcePageName(SourcePage p) => _sourcePageNames[p];

    /// <summary>A page's own name when the editor gave one, else its date, numbered when a day has several pages.</summary>
    static Dictionary<SourcePage, string> SourcePageNames(IReadOnlyList<SourcePage> pages)
    {
        var names = new Dictionary<SourcePage, string>();
        foreach (var day in pages.GroupBy(p => p.Date))
        {
            var sameDay = day.OrderBy(x => x.File, StringComparer.Ordinal).ToList();
            for (int i = 0; i < sameDay.Count; i++)
            {
                var p = sameDay[i];
                names[p] = p.Name.Length > 0 ? $"{Dates.Text(p.Date)} {p.Name}"
                    : sameDay.Count == 1 ? $"{Dates.Text(p.Date)}版面" : $"{Dates.Text(p.Date)}版面（{i + 1}）";
            }
        }
        return names;
    }

    string SourcePagesIndex(int page)
    {
        var url = UrlScheme.Paged(UrlScheme.SourcePages, page);
        var view = new
        {
            count = site.SourcePages.Count,
            pages = site.SourcePages.Skip((page - 1) * _pageSize).Take(_pageSize)
                .Select(p => new { name = SourcePageName(p), href = UrlScheme.Relative(url, p.Url), dateIso = Dates.Iso(p.Date), dateText = Dates.Text(p.Date), count = p.Articles.Count }).ToList(),
            pagination = Pagination.View(UrlScheme.SourcePages, url, page, Pagination.PageCount(site.SourcePages.Count, _pageSize)),
        };
        return templates.Page("sourcepages", view, Layout(url, "版面" + PageSuffix(page), [Here("版面")]));
    }

    string SourcePageView(SourcePage p)
    {
        var url = p.Url;
        var view = new
        {
            name = SourcePageName(p),
            file = p.File,
            dateIso = Dates.Iso(p.Date),
            dateText = Dates.Text(p.Date),
            count = p.Articles.Count,
            items = p.Articles.Select(a => new { title = a.Title, kicker = a.Source.Meta.Kicker, href = UrlScheme.Relative(url, a.Url) }).ToList(),
            previous = p.Previous is null ? null : new LinkView(SourcePageName(p.Previous), UrlScheme.Relative(url, p.Previous.Url)),
            next = p.Next is null ? null : new LinkView(SourcePageName(p.Next), UrlScheme.Relative(url, p.Next.Url)),
        };
        return templates.Page("sourcepage", view, Layout(url, SourcePageName(p), [To(url, "版面", UrlScheme.SourcePages), Here(SourcePageName(p))]));
    }

    /// <summary>
    /// The 404 page is served for any missing path at any depth, so its links are absolute paths under the
    /// base URL's path instead of relative ones.
    /// </summary>
    string NotFound()
    {
        var root = new Uri(site.Config.BaseUrl.Contains("://") ? site.Config.BaseUrl : "http://localhost" + "/" + site.Config.BaseUrl.Trim('/') + "/").AbsolutePath;
        if (!root.EndsWith('/')) root += "/";
        string Abs(string u) => root + u;
        var layout = new LayoutView($"找不到页面 - {site.Config.Title}", site.Config.Title, site.Config.Description, UrlScheme.Absolute(site.Config.BaseUrl, "404.html"),
            Abs(""), Abs(Css), Abs(Icon), Abs(Js), Abs(UrlScheme.Feed), null,
            site.Config.Menu.Select(m => new MenuView(m.Name, Abs(m.Path), false)).ToList(), [], Abs(UrlScheme.Search), Abs(UrlScheme.Archive));
        return templates.Page("notfound", new { homeHref = Abs(""), campaignsHref = Abs(UrlScheme.Campaigns), archiveHref = Abs(UrlScheme.Archive) }, layout);
    }
}
