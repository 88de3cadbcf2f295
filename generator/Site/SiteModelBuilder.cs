using System.Text.RegularExpressions;
using Baoku.Config;
using Baoku.Content;

namespace Baoku.Site;

/// <summary>Content → site model: URLs, taxonomies, date archives, source pages, neighbours and related articles.</summary>
public static partial class SiteModelBuilder
{
    /// <param name="bodies">Where the bodies' HTML and text go (in memory when not given).</param>
    public static (SiteModel Model, IReadOnlyList<Problem> Problems) Build(IReadOnlyList<Article> articles, SiteConfig config, bool includeDrafts = false,
        BodyStore? bodies = null)
    {
        var (placed, bodyProblems) = Placed(articles.Where(a => includeDrafts || !a.Meta.Draft).ToList(), bodies ?? BodyStore.InMemory());
        var published = placed
            .OrderByDescending(a => a.Date)
            .ThenBy(a => a.Source.Meta.Source?.File ?? "\uffff", StringComparer.Ordinal)
            .ThenBy(a => FirstLine(a.Source.Meta.Source))
            .ThenBy(a => a.Url, StringComparer.Ordinal)
            .ToList();
        for (int i = 0; i < published.Count; i++)
        {
            published[i].Newer = i > 0 ? published[i - 1] : null;
            published[i].Older = i + 1 < published.Count ? published[i + 1] : null;
        }

        var taxonomies = new Dictionary<TaxonomyKind, Taxonomy>
        {
            [TaxonomyKind.Campaign] = BuildCampaigns(published, config),
            [TaxonomyKind.Tag] = BuildTaxonomy(published, TaxonomyKind.Tag, UrlScheme.Tags, "标签", a => a.Source.Meta.Tags, (a, t) => a.Tags.Add(t)),
            [TaxonomyKind.Person] = BuildTaxonomy(published, TaxonomyKind.Person, UrlScheme.People, "人物", a => a.Source.Meta.People, (a, t) => a.People.Add(t)),
            [TaxonomyKind.Org] = BuildTaxonomy(published, TaxonomyKind.Org, UrlScheme.Orgs, "单位", a => a.Source.Meta.Orgs, (a, t) => a.Orgs.Add(t)),
            [TaxonomyKind.Column] = BuildTaxonomy(published, TaxonomyKind.Column, UrlScheme.Columns, "栏目",
                a => a.Source.Meta.Column is { } c ? [c] : [], (a, t) => a.Column = t),
        };

        var model = new SiteModel
        {
            Config = config,
            Articles = published,
            Taxonomies = taxonomies,
            Years = BuildArchives(published),
            SourcePages = BuildSourcePages(published),
        };
        RelatedArticles.Assign(published, config.Build.Related);
        return (model, [.. bodyProblems, .. UrlCollisions(model)]);
    }

    /// <summary>
    /// The articles with their URLs and bodies: the one pass that parses each body (in parallel), so the page, search
    /// and summaries read the same parse and no later stage parses again. The HTML and text go to the body store.
    /// </summary>
    /// <remarks>
    /// An article whose Markdown nests deeper than Markdig allows is left out with an error at its line (BK172): this is
    /// where check and build both first parse bodies, so both report it alike.
    /// </remarks>
    static (List<SiteArticle> Placed, List<Problem> Problems) Placed(List<Article> articles, BodyStore bodies)
    {
        var placed = new SiteArticle?[articles.Count];
        var problems = new Problem?[articles.Count];
        Parallel.For(0, placed.Length, i =>
        {
            var a = articles[i];
            var url = UrlScheme.Article(a.Meta.Date, a.Slug);
            var markdown = a.Markdown;
            if (ArticleBody.TryRead(markdown, url, out int deepLine) is { } body)
                placed[i] = new SiteArticle
                {
                    Source = a, Url = url, Summary = body.Summary, TextHash = ArticleBody.HashOf(body.Text),
                    Bodies = bodies, BodyAt = bodies.Put(body.Html, body.Text, RelatedArticles.LeadOf(markdown)),
                };
            else
                problems[i] = Problem.Of(ProblemCodes.MarkdownTooDeep, "content/" + a.RelativePath, a.BodyStartLine + deepLine,
                    "正文的 Markdown 嵌套太深（如几百层的列表、引用，或成串没有闭合的 [ 和 *），没有读取这篇文章；请删去多余的符号",
                    "the Markdown is nested too deeply (lists or quotes hundreds of levels deep, or runs of unclosed [ or *); the article was not read: remove the stray marks");
        });
        return ([.. placed.OfType<SiteArticle>()], [.. problems.OfType<Problem>()]);
    }

    static Taxonomy BuildCampaigns(List<SiteArticle> articles, SiteConfig config)
    {
        var terms = config.Campaigns.Select(c => new Term
        {
            Kind = TaxonomyKind.Campaign, Name = c.Name, Url = UrlScheme.Term(UrlScheme.Campaigns, c.Slug), Description = c.Description,
        }).ToList();
        var byName = terms.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var a in articles)
            foreach (var name in a.Source.Meta.Campaigns)
                if (byName.TryGetValue(name, out var term))
                {
                    term.Articles.Add(a);
                    a.Campaigns.Add(term);
                }
        // Campaigns keep the order site.yml gives them: editors decide which comes first.
        return new Taxonomy { Kind = TaxonomyKind.Campaign, Url = UrlScheme.Campaigns, Title = "专题", Terms = terms };
    }

    static Taxonomy BuildTaxonomy(List<SiteArticle> articles, TaxonomyKind kind, string url, string title,
        Func<SiteArticle, IEnumerable<string>> names, Action<SiteArticle, Term> attach)
    {
        var terms = new Dictionary<string, Term>(StringComparer.Ordinal);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in articles)
            foreach (var name in names(a).Distinct())
            {
                if (!terms.TryGetValue(name, out var term))
                {
                    var key = UrlScheme.TermKey(name);
                    // Two names hashing to the same key is astronomically unlikely; still never merge two terms.
                    for (int n = 2; keys.TryGetValue(key, out var other) && other != name; n++) key = UrlScheme.TermKey(name) + "-" + n;
                    keys[key] = name;
                    terms[name] = term = new Term { Kind = kind, Name = name, Url = UrlScheme.Term(url, key) };
                }
                term.Articles.Add(a);
                attach(a, term);
            }
        var ordered = terms.Values.OrderByDescending(t => t.Articles.Count).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        return new Taxonomy { Kind = kind, Url = url, Title = title, Terms = ordered };
    }

    static List<YearArchive> BuildArchives(List<SiteArticle> articles) =>
        articles.GroupBy(a => a.Date.Year).OrderByDescending(g => g.Key)
            .Select(y => new YearArchive(y.Key, UrlScheme.Year(y.Key),
                y.GroupBy(a => a.Date.Month).OrderBy(g => g.Key)
                    .Select(m => new MonthArchive(y.Key, m.Key, UrlScheme.Month(y.Key, m.Key),
                        m.GroupBy(a => a.Date).OrderBy(g => g.Key)
                            .Select(d => new DayArchive(d.Key, UrlScheme.Day(d.Key), d.ToList())).ToList()))
                    .ToList()))
            .ToList();

    static List<SourcePage> BuildSourcePages(List<SiteArticle> articles)
    {
        var pages = articles.Where(a => a.Source.Meta.Source is not null)
            .GroupBy(a => (a.Source.Meta.Source!.File, a.Source.Meta.Source.Page))
            .Select(g =>
            {
                var date = g.Min(a => a.Date);
                var page = new SourcePage
                {
                    Key = UrlScheme.SourceKey(g.Key.File, g.Key.Page),
                    File = g.Key.File,
                    Name = g.Key.Page ?? "",
                    Date = date,
                    Url = UrlScheme.SourcePage(UrlScheme.SourceKey(g.Key.File, g.Key.Page)),
                };
                page.Articles.AddRange(g.OrderBy(a => FirstLine(a.Source.Meta.Source)).ThenBy(a => a.Url, StringComparer.Ordinal));
                foreach (var a in page.Articles) a.SourcePage = page;
                return page;
            })
            .OrderByDescending(p => p.Date).ThenBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        for (int i = 0; i < pages.Count; i++)
        {
            pages[i].Next = i > 0 ? pages[i - 1] : null;
            pages[i].Previous = i + 1 < pages.Count ? pages[i + 1] : null;
        }
        return pages;
    }

    [GeneratedRegex(@"^\d+")]
    private static partial Regex LeadingNumberRx();

    static int FirstLine(SourceInfo? source) =>
        source is not null && LeadingNumberRx().Match(source.Lines) is { Success: true } m ? int.Parse(m.Value) : int.MaxValue;

    /// <summary>Every page must have its own URL: an article slug such as "22" would take a day archive's place.</summary>
    static List<Problem> UrlCollisions(SiteModel model)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<Problem>();
        void Claim(string url, string owner, string? file)
        {
            if (owners.TryAdd(url, owner)) return;
            problems.Add(new Problem(ProblemCodes.DuplicateUrl, file ?? "site", null,
                $"网址 /{url} 同时属于 {owners[url]} 和 {owner} (URL /{url} is used by both {owners[url]} and {owner})"));
        }
        foreach (var y in model.Years)
        {
            Claim(y.Url, $"{y.Year} 年归档 (year archive)", null);
            foreach (var m in y.Months)
            {
                Claim(m.Url, $"{m.Year}-{m.Month:D2} 月归档 (month archive)", null);
                foreach (var d in m.Days) Claim(d.Url, $"{d.Date:yyyy-MM-dd} 日归档 (day archive)", null);
            }
        }
        foreach (var a in model.Articles)
        {
            Claim(a.Url, "content/" + a.Source.RelativePath, "content/" + a.Source.RelativePath);
            foreach (var alias in a.Source.Meta.Aliases)
                Claim(alias.Trim('/') + "/", $"content/{a.Source.RelativePath} 的别名 (alias)", "content/" + a.Source.RelativePath);
        }
        return problems;
    }
}
