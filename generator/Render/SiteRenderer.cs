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

    readonly SiteView _siteView = new(site.Config.Title, site.Config.Description, site.Config.BaseUrl, site.Articles.Count);

    /// <summary>Writes every file of the plan; returns how many.</summary>
    public int Render(ISiteOutput output)
    {
        templates.Site = _siteView;
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

    /// <summary>
    /// Renders the first and the last file of each kind (not written anywhere), so <c>check</c> finds a template that
    /// parses but fails on a page; returns the problems.
    /// </summary>
    public IReadOnlyList<Problem> TrySamples()
    {
        templates.Site = _siteView;
        var problems = new List<Problem>();
        foreach (var kind in plan.Files.Where(f => f is not AssetFile).GroupBy(f => f.GetType()))
            foreach (var file in new[] { kind.First(), kind.Last() }.Distinct())
            {
                try { Make(file); }
                catch (ProblemException e)
                {
                    if (!problems.Contains(e.Problem)) problems.Add(e.Problem);
                    break;
                }
            }
        return problems;
    }

    string FeedTitle(Term? campaign) => campaign is null ? site.Config.Title : $"{site.Config.Title} · {campaign.Name}";

    string Redirect(RedirectPage p) => templates.Standalone("redirect", new RedirectView(
        Title: p.Target.Title,
        Href: UrlScheme.Relative(p.Url, p.Target.Url),
        Canonical: UrlScheme.Absolute(site.Config.BaseUrl, p.Target.Url)));

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
            Title: title.Length == 0 ? site.Config.Title : $"{title} - {site.Config.Title}",
            SiteTitle: site.Config.Title,
            Description: site.Config.Description,
            Canonical: UrlScheme.Absolute(site.Config.BaseUrl, url),
            HomeHref: UrlScheme.Relative(url, UrlScheme.Home),
            CssHref: UrlScheme.Relative(url, Css),
            IconHref: UrlScheme.Relative(url, Icon),
            JsHref: UrlScheme.Relative(url, Js),
            FeedHref: UrlScheme.Relative(url, UrlScheme.Feed),
            ExtraFeed: extraFeed,
            Menu: menu,
            Breadcrumbs: crumbs.Count == 0 ? [] : [new CrumbView("首页", UrlScheme.Relative(url, UrlScheme.Home)), .. crumbs],
            SearchHref: UrlScheme.Relative(url, UrlScheme.Search),
            BrowseHref: UrlScheme.Relative(url, UrlScheme.Archive));
    }

    static CrumbView Here(string name) => new(name, null);
    static CrumbView To(string from, string name, string url) => new(name, UrlScheme.Relative(from, url));

    ItemView Item(SiteArticle a, string from) => new(a.Title, ViewText.OrNull(a.Source.Meta.Kicker), UrlScheme.Relative(from, a.Url), Dates.Iso(a.Date), Dates.Text(a.Date),
        ViewText.OrNull(a.Summary), a.Campaigns.Select(c => new LinkView(c.Name, UrlScheme.Relative(from, c.Url))).ToList());

    IReadOnlyList<ItemView> Slice(IReadOnlyList<SiteArticle> list, int page, string from) =>
        list.Skip((page - 1) * _pageSize).Take(_pageSize).Select(a => Item(a, from)).ToList();

    static string PageSuffix(int page) => page > 1 ? $"（第 {page} 页）" : "";

    // ---- pages ----------------------------------------------------------------------------------------------

    string Home()
    {
        const string url = UrlScheme.Home;
        var latestMonth = site.Years.FirstOrDefault()?.Months.LastOrDefault();
        var view = new HomeView(
            SiteTitle: site.Config.Title,
            Description: site.Config.Description,
            Campaigns: Counted(site.Taxonomies[TaxonomyKind.Campaign].Terms, url),
            Latest: site.Articles.Take(site.Config.Build.HomeCount).Select(a => Item(a, url)).ToList(),
            ArchiveHref: UrlScheme.Relative(url, UrlScheme.Archive),
            Calendar: latestMonth is null ? null : CalendarBuilder.Month(site, latestMonth.Year, latestMonth.Month, null, url),
            SourcePages: site.SourcePages.Take(5).Select(p => new CountedLinkView(SourcePageName(p), UrlScheme.Relative(url, p.Url), p.Articles.Count)).ToList(),
            SourcePagesHref: UrlScheme.Relative(url, UrlScheme.SourcePages));
        return templates.Page("home", view, Layout(url, "", []));
    }

    string Article(SiteArticle a)
    {
        var url = a.Url;
        var m = a.Source.Meta;
        var roles = m.Roles.ToDictionary(r => r.Key, r => r.Value);
        TermLinkView Link(Term t, string? note = null) => new(t.Name, UrlScheme.Relative(url, t.Url), note);
        var view = new ArticleView(
            Kicker: ViewText.OrNull(m.Kicker),
            Title: m.Title,
            Subtitle: ViewText.OrNull(m.Subtitle),
            DateIso: Dates.Iso(a.Date),
            DateText: Dates.Text(a.Date),
            Authors: ViewText.OrNull(string.Join("、", m.Authors)),
            Photographers: ViewText.OrNull(string.Join("、", m.Photographers)),
            Column: a.Column is null ? null : new LinkView(a.Column.Name, UrlScheme.Relative(url, a.Column.Url)),
            BodyHtml: new RawHtml(a.ReadHtml()),
            SourcePage: a.SourcePage is null ? null : new LinkView(SourcePageName(a.SourcePage), UrlScheme.Relative(url, a.SourcePage.Url)),
            Campaigns: a.Campaigns.Select(t => Link(t)).ToList(),
            People: a.People.Select(t => Link(t, ViewText.OrNull(roles.GetValueOrDefault(t.Name)))).ToList(),
            Orgs: a.Orgs.Select(t => Link(t)).ToList(),
            Tags: a.Tags.Select(t => Link(t)).ToList(),
            Related: a.Related.Select(r => new DatedLinkView(r.Title, UrlScheme.Relative(url, r.Url), Dates.Iso(r.Date), Dates.Text(r.Date))).ToList(),
            Older: a.Older is null ? null : Neighbour(a.Older, url),
            Newer: a.Newer is null ? null : Neighbour(a.Newer, url));
        var year = site.Years.First(y => y.Year == a.Date.Year);
        var crumbs = new List<CrumbView> { To(url, $"{a.Date.Year}年", year.Url), To(url, $"{a.Date.Month}月", UrlScheme.Month(a.Date.Year, a.Date.Month)), Here(m.Title) };
        return templates.Page("article", view, Layout(url, m.Title, crumbs));
    }

    static DatedLinkView Neighbour(SiteArticle n, string from) => new(n.Title, UrlScheme.Relative(from, n.Url), Dates.Iso(n.Date), Dates.Text(n.Date));

    static List<CountedLinkView> Counted(IEnumerable<Term> terms, string from) =>
        terms.Select(t => new CountedLinkView(t.Name, UrlScheme.Relative(from, t.Url), t.Articles.Count)).ToList();

    string TaxonomyIndex(Taxonomy tax)
    {
        var url = tax.Url;
        var view = new TermsView(
            Heading: tax.Title,
            Count: tax.Terms.Count,
            Noun: tax.Kind == TaxonomyKind.Campaign ? "专题" : tax.Title,
            // Cards for campaigns; none at all (the plain list) when there is no campaign.
            Campaigns: tax.Kind == TaxonomyKind.Campaign && tax.Terms.Count > 0
                ? tax.Terms.Select(t => new CampaignCardView(t.Name, UrlScheme.Relative(url, t.Url), t.Articles.Count, ViewText.OrNull(t.Description))).ToList()
                : null,
            Terms: Counted(tax.Terms, url));
        return templates.Page("terms", view, Layout(url, tax.Title, [Here(tax.Title)]));
    }

    string Term(TermPage p)
    {
        var (tax, term, url, page) = (p.Taxonomy, p.Term, p.Url, p.Page.Number);
        bool campaign = tax.Kind == TaxonomyKind.Campaign;
        var feed = campaign ? new FeedView(FeedTitle(term), UrlScheme.Relative(url, UrlScheme.FeedOf(term.Url))) : null;
        var view = new ListView(
            Heading: campaign ? $"专题：{term.Name}" : $"{tax.Title}：{term.Name}",
            Description: ViewText.OrNull(term.Description),
            Count: term.Articles.Count,
            Span: Span(term.Articles),
            Chart: campaign && page == 1 ? TimelineChart.Build(term) : null,
            Feed: feed,
            Calendar: null,
            Months: null,
            Items: Slice(term.Articles, page, url),
            Pagination: Pagination.View(term.Url, url, page, p.Page.Of));
        var crumbs = new List<CrumbView> { To(url, tax.Title, tax.Url), page > 1 ? To(url, term.Name, term.Url) : Here(term.Name) };
        if (page > 1) crumbs.Add(Here($"第 {page} 页"));
        return templates.Page("list", view, Layout(url, term.Name + PageSuffix(page), crumbs, feed));
    }

    static string? Span(IReadOnlyList<SiteArticle> newestFirst) =>
        newestFirst.Count == 0 ? null : $"{Dates.Text(newestFirst[^1].Date)}至{Dates.Text(newestFirst[0].Date)}";

    string ArchiveIndex()
    {
        const string url = UrlScheme.Archive;
        var latest = site.Years.FirstOrDefault()?.Months.LastOrDefault();
        var view = new ArchiveView(
            Count: site.Articles.Count,
            Span: Span(site.Articles),
            Calendar: latest is null ? null : CalendarBuilder.Month(site, latest.Year, latest.Month, null, url),
            Years: site.Years.Select(y => new ArchiveYearView(y.Year, UrlScheme.Relative(url, y.Url), y.Count, MonthCells(y, url))).ToList());
        return templates.Page("archive", view, Layout(url, "往期", [Here("往期")]));
    }

    /// <summary>The search page: the form, and for readers without JavaScript the ways to browse instead.</summary>
    string Search()
    {
        const string url = UrlScheme.Search;
        var view = new SearchView(
            Count: site.Articles.Count,
            ScriptHref: UrlScheme.Relative(url, "assets/search.js"),
            ArchiveHref: UrlScheme.Relative(url, UrlScheme.Archive),
            CampaignsHref: UrlScheme.Relative(url, UrlScheme.Campaigns),
            Campaigns: Counted(site.Taxonomies[TaxonomyKind.Campaign].Terms, url),
            Years: site.Years.Select(y => new YearLinkView(y.Year, UrlScheme.Relative(url, y.Url), y.Count)).ToList());
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
        var view = new ListView(
            Heading: $"{y.Year}年报道",
            Description: null,
            Count: y.Count,
            Span: Span(articles),
            Chart: null,
            Feed: null,
            Calendar: null,
            Months: page == 1 ? MonthCells(y, url) : null,
            Items: Slice(articles, page, url),
            Pagination: Pagination.View(y.Url, url, page, p.Page.Of));
        var crumbs = new List<CrumbView> { To(url, "往期", UrlScheme.Archive), page > 1 ? To(url, $"{y.Year}年", y.Url) : Here($"{y.Year}年") };
        return templates.Page("list", view, Layout(url, $"{y.Year}年" + PageSuffix(page), crumbs));
    }

    string Month(MonthPage p)
    {
        var (m, url, page) = (p.Month, p.Url, p.Page.Number);
        var articles = m.Days.AsEnumerable().Reverse().SelectMany(d => d.Articles).ToList();
        var view = new ListView(
            Heading: $"{Dates.MonthText(m.Year, m.Month)}报道",
            Description: null,
            Count: m.Count,
            Span: null,
            Chart: null,
            Feed: null,
            Calendar: page == 1 ? CalendarBuilder.Month(site, m.Year, m.Month, null, url) : null,
            Months: null,
            Items: Slice(articles, page, url),
            Pagination: Pagination.View(m.Url, url, page, p.Page.Of));
        var crumbs = new List<CrumbView> { To(url, "往期", UrlScheme.Archive), To(url, $"{m.Year}年", UrlScheme.Year(m.Year)), Here($"{m.Month}月") };
        return templates.Page("list", view, Layout(url, Dates.MonthText(m.Year, m.Month) + PageSuffix(page), crumbs));
    }

    string Day(DayArchive d)
    {
        var url = d.Url;
        var view = new ListView(
            Heading: $"{Dates.Text(d.Date)}报道",
            Description: null,
            Count: d.Articles.Count,
            Span: null,
            Chart: null,
            Feed: null,
            Calendar: CalendarBuilder.Month(site, d.Date.Year, d.Date.Month, d.Date, url),
            Months: null,
            Items: d.Articles.Select(a => Item(a, url)).ToList(),
            Pagination: null);
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
        var view = new SourcePagesView(
            Count: site.SourcePages.Count,
            ArchiveHref: UrlScheme.Relative(url, UrlScheme.Archive),
            Pages: site.SourcePages.Skip((page - 1) * _pageSize).Take(_pageSize)
                .Select(p => new SourcePageLinkView(SourcePageName(p), UrlScheme.Relative(url, p.Url), Dates.Iso(p.Date), Dates.Text(p.Date), p.Articles.Count)).ToList(),
            Pagination: Pagination.View(UrlScheme.SourcePages, url, page, number.Of));
        return templates.Page("sourcepages", view, Layout(url, "版面" + PageSuffix(page), [Here("版面")]));
    }

    string SourcePageView(SourcePage p)
    {
        var url = p.Url;
        var view = new SourcePageView(
            Name: SourcePageName(p),
            File: p.File,
            DateIso: Dates.Iso(p.Date),
            DateText: Dates.Text(p.Date),
            Count: p.Articles.Count,
            Items: p.Articles.Select(a => new PageItemView(a.Title, ViewText.OrNull(a.Source.Meta.Kicker), UrlScheme.Relative(url, a.Url))).ToList(),
            Previous: p.Previous is null ? null : new LinkView(SourcePageName(p.Previous), UrlScheme.Relative(url, p.Previous.Url)),
            Next: p.Next is null ? null : new LinkView(SourcePageName(p.Next), UrlScheme.Relative(url, p.Next.Url)));
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
        return templates.Page("notfound", new NotFoundView(Abs(""), Abs(UrlScheme.Campaigns), Abs(UrlScheme.Archive)), layout);
    }
}
