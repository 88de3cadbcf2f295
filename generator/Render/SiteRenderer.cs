using Baoku.Config;
using Baoku.Site;

namespace Baoku.Render;

/// <summary>
/// The site plan → every file of the site: each planned file is made from its record by the view of its kind (HTML
/// pages in parallel on all cores, feeds, sitemap, robots.txt, 404 page, alias redirects) or copied (assets). Views
/// hold relative hrefs computed here; templates only show them.
/// </summary>
public sealed class SiteRenderer(SiteModel site, SitePlan plan, TemplateSet templates)
{
    const string Css = "assets/style.css";
    const string Js = "assets/site.js";
    const string Icon = "assets/favicon.svg";

    readonly int _pageSize = site.Config.Build.PageSize;
    readonly Dictionary<int, List<SiteArticle>> _byYear = site.Articles.GroupBy(a => a.Date.Year).ToDictionary(g => g.Key, g => g.ToList());
    readonly Dictionary<SourcePage, string> _sourcePageNames = SourcePageNames(site.SourcePages);
    readonly IReadOnlyList<MenuItem> _menu = Menu(site);

    /// <summary>Writes every file of the plan; returns how many.</summary>
    public int Render(ISiteOutput output)
    {
        Parallel.ForEach(plan.Files, file =>
        {
            if (file is AssetFile asset) output.CopyFile(asset.Source, asset.Path);
            else output.Write(file.Path, Make(file));
        });
        return plan.Files.Count;
    }

    /// <summary>The one place a kind of file meets its view.</summary>
    string Make(PlannedFile file) => file switch
    {
        HomePage => Home(),
        ArticlePage p => Article(p.Article),
        TaxonomyPage p => TaxonomyIndex(p.Taxonomy),
        TermPage p => Term(p),
        ArchivePage => ArchiveIndex(),
        SearchPage => Search(),
        YearPage p => Year(p),
        MonthPage p => Month(p),
        DayPage p => Day(p.Day),
        SourcePagesPage p => SourcePagesIndex(p.Page),
        SourcePagePage p => SourcePageView(p.SourcePage),
        RedirectPage p => Redirect(p),
        NotFoundPage => NotFound(),
        FeedFile f => FeedWriter.Atom(site, FeedTitle(f.Campaign), f.Path, f.PageUrl, f.Articles),
        RobotsFile => SitemapWriter.Robots(site.Config.BaseUrl),
        SitemapFile f => SitemapWriter.Sitemap(site.Config.BaseUrl, f.Entries),
        _ => throw new InvalidOperationException($"no view for {file.GetType().Name}"),
    };

    string FeedTitle(Term? campaign) => campaign is null ? site.Config.Title : $"{site.Config.Title} · {campaign.Name}";

    string Redirect(RedirectPage p) => templates.Standalone("redirect", new
    {
        title = p.Target.Title,
        href = UrlScheme.Relative(p.Url, p.Target.Url),
        canonical = UrlScheme.Absolute(site.Config.BaseUrl, p.Target.Url),
    });

    // ---- layout ---------------------------------------------------------------------------------------------

    /// <summary>
    /// site.yml's menu without the entries that lead to an empty section: 版面 when no article names its printed page
    /// (the pages/ list would say 共 0 个版面), a taxonomy with no terms (no tags, say). The sections' pages are still
    /// made, so old links to them keep working; nothing on the site links to them.
    /// </summary>
    static List<MenuItem> Menu(SiteModel site)
    {
        var empty = site.Taxonomies.Values.Where(t => t.Terms.Count == 0).Select(t => t.Url).ToHashSet(StringComparer.Ordinal);
        if (site.SourcePages.Count == 0) empty.Add(UrlScheme.SourcePages);
        static string Section(string path)
        {
            var p = path.Trim();
            if (p.EndsWith("index.html", StringComparison.Ordinal)) p = p[..^"index.html".Length];
            return p.Length == 0 || p.EndsWith('/') ? p : p + "/";
        }
        return site.Config.Menu.Where(m => !empty.Contains(Section(m.Path))).ToList();
    }

    LayoutView Layout(string url, string title, IReadOnlyList<CrumbView> crumbs, FeedView? extraFeed = null)
    {
        var menu = _menu.Select(m => new MenuView(m.Name, UrlScheme.Relative(url, m.Path),
            m.Path.Length == 0 ? url.Length == 0 : url.StartsWith(m.Path, StringComparison.Ordinal) && !_menu.Any(o => o.Path.Length > m.Path.Length && url.StartsWith(o.Path, StringComparison.Ordinal) && o.Path.StartsWith(m.Path, StringComparison.Ordinal))))
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

    string Term(TermPage p)
    {
        var (tax, term, url, page) = (p.Taxonomy, p.Term, p.Url, p.Page.Number);
        bool campaign = tax.Kind == TaxonomyKind.Campaign;
        var feed = campaign ? new FeedView(FeedTitle(term), UrlScheme.Relative(url, UrlScheme.FeedOf(term.Url))) : null;
        var view = new
        {
            heading = campaign ? $"专题：{term.Name}" : $"{tax.Title}：{term.Name}",
            description = term.Description,
            count = term.Articles.Count,
            span = Span(term.Articles),
            chart = campaign && page == 1 ? TimelineChart.Build(term) : null,
            feed,
            items = Slice(term.Articles, page, url),
            pagination = Pagination.View(term.Url, url, page, p.Page.Of),
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
    string Search()
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

    string Year(YearPage p)
    {
        var (y, url, page) = (p.Year, p.Url, p.Page.Number);
        var articles = _byYear[y.Year];
        var view = new
        {
            heading = $"{y.Year}年报道",
            count = y.Count,
            span = Span(articles),
            months = page == 1 ? MonthCells(y, url) : null,
            items = Slice(articles, page, url),
            pagination = Pagination.View(y.Url, url, page, p.Page.Of),
        };
        var crumbs = new List<CrumbView> { To(url, "往期", UrlScheme.Archive), page > 1 ? To(url, $"{y.Year}年", y.Url) : Here($"{y.Year}年") };
        return templates.Page("list", view, Layout(url, $"{y.Year}年" + PageSuffix(page), crumbs));
    }

    string Month(MonthPage p)
    {
        var (m, url, page) = (p.Month, p.Url, p.Page.Number);
        var articles = m.Days.AsEnumerable().Reverse().SelectMany(d => d.Articles).ToList();
        var view = new
        {
            heading = $"{Dates.MonthText(m.Year, m.Month)}报道",
            count = m.Count,
            calendar = page == 1 ? CalendarBuilder.Month(site, m.Year, m.Month, null, url) : null,
            items = Slice(articles, page, url),
            pagination = Pagination.View(m.Url, url, page, p.Page.Of),
        };
        var crumbs = new List<CrumbView> { To(url, "往期", UrlScheme.Archive), To(url, $"{m.Year}年", UrlScheme.Year(m.Year)), Here($"{m.Month}月") };
        return templates.Page("list", view, Layout(url, Dates.MonthText(m.Year, m.Month) + PageSuffix(page), crumbs));
    }

    string Day(DayArchive d)
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

    string SourcePagesIndex(PageNumber number)
    {
        int page = number.Number;
        var url = UrlScheme.Paged(UrlScheme.SourcePages, page);
        var view = new
        {
            count = site.SourcePages.Count,
            archiveHref = UrlScheme.Relative(url, UrlScheme.Archive),
            pages = site.SourcePages.Skip((page - 1) * _pageSize).Take(_pageSize)
                .Select(p => new { name = SourcePageName(p), href = UrlScheme.Relative(url, p.Url), dateIso = Dates.Iso(p.Date), dateText = Dates.Text(p.Date), count = p.Articles.Count }).ToList(),
            pagination = Pagination.View(UrlScheme.SourcePages, url, page, number.Of),
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
    /// base path instead of relative ones.
    /// </summary>
    string NotFound()
    {
        string Abs(string u) => plan.BasePath + u;
        var layout = new LayoutView($"找不到页面 - {site.Config.Title}", site.Config.Title, site.Config.Description, UrlScheme.Absolute(site.Config.BaseUrl, "404.html"),
            Abs(""), Abs(Css), Abs(Icon), Abs(Js), Abs(UrlScheme.FeedOf(UrlScheme.Home)), null,
            _menu.Select(m => new MenuView(m.Name, Abs(m.Path), false)).ToList(), [], Abs(UrlScheme.Search), Abs(UrlScheme.Archive));
        return templates.Page("notfound", new { homeHref = Abs(""), campaignsHref = Abs(UrlScheme.Campaigns), archiveHref = Abs(UrlScheme.Archive) }, layout);
    }
}
