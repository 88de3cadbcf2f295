using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Baoku.Tests.Support.Web;

namespace Baoku.Tests.Web;

/// <summary>
/// The real site's feeds and sitemap, in both builds (base_url overridden for HTTP, and site.yml's own): every feed is
/// well-formed Atom with the elements RFC 4287 requires, absolute ids and RFC 3339 dates, and the right entries; the
/// sitemap lists only absolute URLs under base_url whose pages exist.
/// </summary>
[Collection(RealSiteCollection.Name)]
public sealed partial class RealSiteFeedTests(RealSiteFixture site)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static TheoryData<string> Builds => new() { "http", "file" };

    private (string Folder, string BaseUrl) Build(string which) =>
        which == "http" ? (site.HttpSite, site.HttpBaseUrl) : (site.FileSite, site.FileBaseUrl);

    [Theory, MemberData(nameof(Builds))]
    public void Site_feed_is_valid_Atom_with_the_newest_articles(string build)
    {
        var (folder, baseUrl) = Build(build);
        var expected = Math.Min(site.Config.Build.FeedCount, site.Articles.Count);
        var feed = CheckAtom(folder, baseUrl, "feed.xml", expected);
        var newest = site.Articles.Max(a => a.Meta.Date);
        DateTimeOffset.Parse(feed.Element(Atom + "updated")!.Value).Date.ShouldBe(newest.ToDateTime(TimeOnly.MinValue),
            "feed.xml's updated is the newest article's date");
    }

    [Theory, MemberData(nameof(Builds))]
    public void Each_campaign_feed_is_valid_Atom_with_that_campaigns_articles(string build)
    {
        var (folder, baseUrl) = Build(build);
        var campaigns = site.Config.Campaigns.Where(c => site.Articles.Any(a => a.Meta.Campaigns.Contains(c.Name))).ToList();
        campaigns.ShouldNotBeEmpty("the real content has campaign articles");
        Directory.GetFiles(Path.Combine(folder, "campaigns"), "feed.xml", SearchOption.AllDirectories).Length
            .ShouldBe(campaigns.Count, "one feed per campaign with articles");
        foreach (var c in campaigns)
        {
            var articles = site.Articles.Where(a => a.Meta.Campaigns.Contains(c.Name)).ToList();
            var feed = CheckAtom(folder, baseUrl, $"campaigns/{c.Slug}/feed.xml", Math.Min(site.Config.Build.FeedCount, articles.Count));
            var ids = feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ToHashSet();
            foreach (var a in articles.OrderByDescending(a => a.Meta.Date).Take(site.Config.Build.FeedCount))
                ids.ShouldContain(baseUrl + $"{a.Meta.Date:yyyy}/{a.Meta.Date:MM}/{a.Slug}/", $"campaigns/{c.Slug}/feed.xml lists “{a.Meta.Title}”");
        }
    }

    [Theory, MemberData(nameof(Builds))]
    public void Sitemap_lists_only_absolute_urls_under_base_url_whose_pages_exist(string build)
    {
        var (folder, baseUrl) = Build(build);
        var doc = Load(folder, "sitemap.xml");
        doc.Root!.Name.ShouldBe(Sitemap + "urlset", "sitemap.xml's root");
        var locs = doc.Root.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")?.Value ?? "").ToList();
        locs.ShouldNotBeEmpty();
        locs.ShouldBeUnique("sitemap.xml lists each URL once");
        foreach (var loc in locs)
        {
            Uri.TryCreate(loc, UriKind.Absolute, out _).ShouldBeTrue($"sitemap.xml: {loc} is an absolute URL");
            loc.ShouldStartWith(baseUrl, Case.Sensitive, $"sitemap.xml: {loc} is under base_url");
            File.Exists(RealSiteFixture.LocalFile(folder, loc[baseUrl.Length..])).ShouldBeTrue($"sitemap.xml lists {loc}, which is not in the output");
        }
        locs.ShouldContain(baseUrl, "sitemap.xml lists the home page");
        foreach (var a in site.Articles)
            locs.ShouldContain(baseUrl + $"{a.Meta.Date:yyyy}/{a.Meta.Date:MM}/{a.Slug}/", $"sitemap.xml lists the article “{a.Meta.Title}”");
        foreach (var lastmod in doc.Root.Descendants(Sitemap + "lastmod"))
            lastmod.Value.ShouldMatch(@"^\d{4}-\d{2}-\d{2}$", "sitemap lastmod is a W3C date");
        File.ReadAllText(Path.Combine(folder, "robots.txt")).ShouldContain("Sitemap: " + baseUrl + "sitemap.xml");
    }

    [Fact]
    public async Task Feeds_and_sitemap_are_served_over_http_as_xml()
    {
        using var http = new HttpClient();
        foreach (var path in new[] { "feed.xml", $"campaigns/{site.Config.Campaigns[0].Slug}/feed.xml", "sitemap.xml" })
        {
            var response = await http.GetAsync(site.Server.Url(path));
            response.IsSuccessStatusCode.ShouldBeTrue($"{path} over HTTP");
            XDocument.Parse(await response.Content.ReadAsStringAsync()).Root.ShouldNotBeNull();
        }
    }

    // ---- Atom (RFC 4287) --------------------------------------------------------------------------------------

    /// <summary>Checks one feed file against RFC 4287's required elements; returns its feed element.</summary>
    private static XElement CheckAtom(string folder, string baseUrl, string path, int expectedEntries)
    {
        var doc = Load(folder, path);
        var feed = doc.Root!;
        feed.Name.ShouldBe(Atom + "feed", $"{path}: the root is Atom's feed");
        One(feed, "id", path);
        Absolute(feed.Element(Atom + "id")!.Value, baseUrl, $"{path}: feed id");
        NotEmpty(One(feed, "title", path), $"{path}: feed title");
        Rfc3339(One(feed, "updated", path), $"{path}: feed updated");
        var self = feed.Elements(Atom + "link").Where(l => (string?)l.Attribute("rel") == "self").ToList();
        self.Count.ShouldBe(1, $"{path}: one link rel=self");
        ((string?)self[0].Attribute("href")).ShouldBe(baseUrl + path, $"{path}: the self link is the feed's own absolute URL");
        var alternate = feed.Elements(Atom + "link").SingleOrDefault(l => (string?)l.Attribute("rel") == "alternate");
        if (alternate is not null) PageExists(folder, baseUrl, (string)alternate.Attribute("href")!, $"{path}: feed alternate link");

        var entries = feed.Elements(Atom + "entry").ToList();
        entries.Count.ShouldBe(expectedEntries, $"{path}: number of entries");
        var feedHasAuthor = feed.Elements(Atom + "author").Any(a => a.Element(Atom + "name")?.Value.Length > 0);
        foreach (var (entry, i) in entries.Select((e, i) => (e, i + 1)))
        {
            var where = $"{path}: entry {i}";
            var id = One(entry, "id", where);
            Absolute(id, baseUrl, where + " id");
            NotEmpty(One(entry, "title", where), where + " title");
            Rfc3339(One(entry, "updated", where), where + " updated");
            if (entry.Element(Atom + "published") is { } published) Rfc3339(published.Value, where + " published");
            var links = entry.Elements(Atom + "link").Where(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate").ToList();
            links.Count.ShouldBe(1, where + ": one alternate link");
            PageExists(folder, baseUrl, (string)links[0].Attribute("href")!, where + " alternate link");
            (feedHasAuthor || entry.Elements(Atom + "author").Any()).ShouldBeTrue(where + ": an author (the entry's or the feed's)");
        }
        entries.Select(e => e.Element(Atom + "id")!.Value).ShouldBeUnique($"{path}: entry ids are unique");
        var dates = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value)).ToList();
        dates.ShouldBe(dates.OrderByDescending(d => d).ToList(), $"{path}: newest entry first");
        if (dates.Count > 0) DateTimeOffset.Parse(feed.Element(Atom + "updated")!.Value).ShouldBeGreaterThanOrEqualTo(dates.Max(), $"{path}: feed updated is not older than its entries");
        return feed;
    }

    private static XDocument Load(string folder, string path)
    {
        var file = Path.Combine(folder, path);
        File.Exists(file).ShouldBeTrue($"{path} is in the output");
        try { return XDocument.Load(file); }
        catch (XmlException e) { throw new ShouldAssertException($"{path} does not parse as XML: {e.Message}"); }
    }

    private static string One(XElement parent, string name, string where)
    {
        var found = parent.Elements(Atom + name).ToList();
        found.Count.ShouldBe(1, $"{where}: exactly one atom:{name}");
        return found[0].Value;
    }

    private static void NotEmpty(string value, string what) => value.Trim().ShouldNotBeEmpty(what);

    private static void Absolute(string value, string baseUrl, string what)
    {
        (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https").ShouldBeTrue($"{what} “{value}” is an absolute http(s) URL");
        value.ShouldStartWith(baseUrl, Case.Sensitive, $"{what} is under base_url");
    }

    private static void Rfc3339(string value, string what)
    {
        value.ShouldMatch(Rfc3339Rx().ToString(), $"{what} “{value}” is an RFC 3339 date-time");
        DateTimeOffset.TryParse(value, out _).ShouldBeTrue($"{what} “{value}” is a real date");
    }

    private static void PageExists(string folder, string baseUrl, string href, string what)
    {
        Absolute(href, baseUrl, what);
        File.Exists(RealSiteFixture.LocalFile(folder, href[baseUrl.Length..])).ShouldBeTrue($"{what} {href} is a page in the output");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339Rx();
}
