using System.Text.RegularExpressions;
using Baoku.Config;
using Baoku.Content;
using Baoku.Import.Assemble;
using Baoku.Import.Enrich;
using Baoku.Import.Read;
using Baoku.Import.Write;

namespace Baoku.Import;

/// <summary>One raw page → its articles (front-matter and body) and a report item for every raw line.</summary>
public static partial class PageImporter
{
    public sealed record PageOutcome(PageReport Report, IReadOnlyList<ImportedArticle> Articles, IReadOnlyList<Problem> Problems, InferredDate Date);

    /// <param name="relativePath">The raw page's path below the import folder ('/' separated): names the page in the
    /// report and the front-matter's <c>source</c>, and may carry its date.</param>
    /// <param name="runDates"><c>import --date</c> / <c>--year</c>; the page's own stated date (site.yml, sidecar) still wins.</param>
    /// <param name="yearHint">The year to assume when nothing tells the page's year (the other pages of the import).</param>
    /// <param name="paper">The page's paper (<see cref="PaperProfile.For"/>): its own lead prefixes and byline roles.</param>
    public static PageOutcome Import(RawPage page, string relativePath, SiteConfig config, PaperProfile paper, PageOverride? pageOverride,
        DateOverrides runDates, YearHint? yearHint = null)
    {
        var name = relativePath.Replace('\\', '/');
        var assembled = PageAssembler.Assemble(page, config, paper);
        var problems = new List<Problem>();

        var date = DateInference.InferPageDate(DateText(name, assembled), runDates with { Stated = pageOverride?.Date }, yearHint);

        var articles = new List<ImportedArticle>();
        var items = new List<(ReportItem Item, IEnumerable<int> Lines)>();
        foreach (var s in assembled.Stories)
        {
            if (IsArticle(s))
            {
                var article = BuildArticle(s, name, config, pageOverride, date);
                articles.Add(article);
                var (notes, doubts) = ArticleNotes(s, article);
                items.Add((new ReportItem(ItemKind.Article, article.FrontMatter.Title, "", notes) { ArticleKey = article.SourceKey, Doubts = doubts }, s.LineNumbers));
            }
            else
            {
                var (kind, note) = s.IsContinuation ? (ItemKind.Continuation, "续前版的文字，本版无标题，不单独成文 (continued from another page; not an article on its own)")
                    : s.IsPhotoStory ? (ItemKind.PhotoStory, "图片新闻，不单独成文 (photo story, not an article)")
                    : (ItemKind.Fragment, "未能识别为文章：没有标题、署名或电头 (not recognised as an article: no headline, byline or dateline)");
                var text = s.Headline is null ? Excerpt(s.BodyText) : string.Join(" ", s.Headline.Parts) + "：" + Excerpt(s.BodyText);
                var notes = new List<string> { note };
                notes.AddRange(s.PhotoCredits.Select(c => "摄影 (photo): " + string.Join("、", c.Photographers)));
                items.Add((new ReportItem(kind, text, "", notes), s.LineNumbers));
            }
        }
        foreach (var h in assembled.Headlines)
            items.Add((new ReportItem(ItemKind.OrphanHeadline, string.Join(" ", h.Parts),
                "", ["标题在本版找不到正文（正文可能在其他版面） (headline without a body on this page; the story is probably on another page)"]), h.Unit.LineNumbers));
        foreach (var o in assembled.Others)
        {
            var kind = o.Kind switch
            {
                UnitKind.ColumnLabel => ItemKind.ColumnLabel,
                UnitKind.Furniture => ItemKind.Furniture,
                UnitKind.Ad => ItemKind.Ad,
                UnitKind.Byline or UnitKind.PhotoCredit => ItemKind.Byline,
                _ => ItemKind.Caption,
            };
            var notes = o.Byline is { Photographers.Count: > 0 } b ? new List<string> { "摄影 (photo): " + string.Join("、", b.Photographers) } : [];
            if (kind == ItemKind.Byline) notes.Add("署名没有对应的正文 (byline without a story)");
            if (o.Furniture is { } furniture) notes.Add(PageFurniture.Describe(furniture));
            items.Add((new ReportItem(kind, o.Text, "", notes), o.LineNumbers));
        }

        var reportItems = AssignLines(page, items, problems, name);
        // An article's source lines are its report item's lines: contiguous ranges, blank lines included.
        var itemLines = reportItems.Where(i => i.ArticleKey is not null).ToDictionary(i => i.ArticleKey!, i => i.Lines);
        articles = articles.Select(a => a with { FrontMatter = a.FrontMatter with { Source = a.FrontMatter.Source! with { Lines = itemLines[a.SourceKey] } } }).ToList();
        if (articles.Count == 0)
            problems.Add(new Problem(ProblemCodes.NoArticle, name, null,
                "本页没有识别出任何文章 (no recognisable article on this page)"));
        var dateLine = $"{Dates.Iso(date.Date)}（{date.Confidence.Name()}）：{string.Join("；", date.Evidence)}";
        var report = new PageReport(name, dateLine, reportItems, page.Notes) { RawLines = page.Lines, Boundaries = assembled.Boundaries, Date = date };
        return new PageOutcome(report, articles, problems, date);
    }

    /// <summary>All the page's text for dating it: every story (continued ones only as text: their datelines belong to another page) and every other item.</summary>
    static PageText DateText(string relativePath, AssembledPage assembled) => new(
        relativePath,
        assembled.Stories.Where(s => !s.IsContinuation)
            .Select(s => new StoryText(s.Headline?.Text ?? "", s.Body.Select(b => b.Text).ToList())).ToList(),
        assembled.Stories.Where(s => s.IsContinuation).Select(s => s.BodyText)
            .Concat(assembled.Headlines.Select(h => h.Text))
            .Concat(assembled.Others.Select(o => o.Text)).ToList());

    /// <summary>
    /// A story is an article unless it is text continued from another page or a photo story. One with no headline and
    /// no byline is still text of the page: it becomes a draft asking for review rather than vanishing into the report,
    /// unless it is a scrap of a few characters.
    /// </summary>
    static bool IsArticle(Story s) => !s.IsContinuation && !s.IsPhotoStory
        && (s.Headline is not null || s.HasWriterByline || s.Body.Where(b => !b.IsIntertitle).Sum(b => b.Text.Length) >= MinDraftChars);

    const int MinDraftChars = 10;

    /// <summary>Why an editor should look at an article before it is published.</summary>
    static List<string> ReviewReasons(Story s, InferredDate date)
    {
        var reasons = new List<string>();
        if (s.Headline is null) reasons.Add(NoHeadline);
        reasons.AddRange(date.Review);
        return reasons;
    }

    const string NoHeadline = "没有找到标题，暂用首句作标题";

    static ImportedArticle BuildArticle(Story s, string fileName, SiteConfig config, PageOverride? pageOverride, InferredDate date)
    {
        var headline = s.Headline is null
            ? new Headline(null, FallbackTitle(s.BodyText), null, ["没有找到标题，暂用首句，已标为草稿 (no headline found: first sentence used, marked draft)"])
            : HeadlineComposer.Compose(s.Headline.Unit.Lines, s.Headline.Parts);
        var body = s.BodyText;
        var headlineText = string.Join("\n", new[] { headline.Kicker, headline.Title, headline.Subtitle }.Where(x => x is not null));

        var scores = CampaignTagger.Score(config.Campaigns, headlineText, body);
        var matched = scores.Where(m => CampaignTagger.IsMatch(m, config.Campaigns.First(c => c.Name == m.Campaign))).ToList();
        var entities = EntityExtractor.Extract(headlineText + "\n" + body);
        var bylines = new[] { s.BylineBefore, s.DatelineByline, s.BylineAfter }.Where(b => b is not null).Cast<Byline>().Concat(s.Credits).ToList();
        var authors = bylines.SelectMany(b => b.Authors).Distinct().ToList();
        var photographers = bylines.SelectMany(b => b.Photographers).Concat(s.PhotoCredits.SelectMany(c => c.Photographers)).Distinct().ToList();
        // A lead that names nobody (本报讯, 本报杭州11月11日讯) is a dateline, not a byline.
        var printedByline = string.Join(" ", bylines.Concat(s.PhotoCredits).Where(b => !(b.Form == BylineForm.Lead && b.IsEmpty)).Select(b => b.Raw));

        var fm = new ArticleFrontMatter
        {
            Title = headline.Title,
            Kicker = headline.Kicker,
            Subtitle = headline.Subtitle,
            Date = date.Date,
            DateConfidence = date.Confidence.Name(),
            DateEvidence = date.Evidence,
            Authors = authors,
            Photographers = photographers,
            Editors = bylines.SelectMany(b => b.Editors).Distinct().ToList(),
            Origin = bylines.Select(b => b.Origin).FirstOrDefault(o => o is not null),
            Byline = printedByline.Length > 0 ? printedByline : null,
            Column = s.Column,
            Campaigns = matched.Select(m => m.Campaign).ToList(),
            CampaignEvidence = matched.Select(m => new KeyValuePair<string, IReadOnlyList<string>>(m.Campaign,
                m.Hits.Where(h => h.Count > 0).Select(h => $"{h.Phrase}×{h.Count}").ToList())).ToList(),
            Tags = TagMatcher.Match(config.Tags, headlineText + "\n" + body),
            People = entities.People.Select(p => p.Name).ToList(),
            Roles = entities.People.Where(p => p.Post is not null).Select(p => new KeyValuePair<string, string>(p.Name, p.Post!)).ToList(),
            Orgs = entities.Orgs,
            Places = entities.Places,
            Source = new SourceInfo(fileName, Ranges(s.LineNumbers), pageOverride?.PageName),
            Draft = s.Headline is null,
            Review = ReviewReasons(s, date),
        };
        var blocks = s.Body.Select(b => new BodyBlock(b.IsIntertitle, b.Text)).ToList();
        var firstBodyLine = s.Body.Where(b => !b.IsIntertitle).SelectMany(b => b.Lines).DefaultIfEmpty(s.FirstLine).Min();
        return new ImportedArticle("", $"{fileName}#{firstBodyLine}", fm, blocks, fm.Campaigns);
    }

    /// <summary>The report's notes on an article, and those of them that say the importer guessed.</summary>
    static (List<string> Notes, List<string> Doubts) ArticleNotes(Story s, ImportedArticle a)
    {
        var notes = new List<string>();
        var doubts = new List<string>();
        if (s.Headline is not null)
        {
            var headline = HeadlineComposer.Compose(s.Headline.Unit.Lines, s.Headline.Parts);
            notes.AddRange(headline.Notes);
            if (headline.Unsure) doubts.AddRange(headline.Notes);
        }
        else
        {
            notes.Add(NoHeadlineNote);
            doubts.Add(NoHeadlineNote);
        }
        notes.AddRange(s.Notes.Select(n => n.Text));
        doubts.AddRange(s.Notes.Where(n => n.NeedsReview).Select(n => n.Text));
        if (!s.HasWriterByline) notes.Add("没有找到记者署名 (no byline found)");
        if (a.FrontMatter.Campaigns.Count > 0)
            notes.Add("专题 (campaigns): " + string.Join("；", a.FrontMatter.CampaignEvidence.Select(e => $"{e.Key} ← {string.Join("、", e.Value)}")));
        return (notes, doubts);
    }

    const string NoHeadlineNote = "没有找到标题，暂用首句，已标为草稿 (no headline found: first sentence used, marked draft)";

    [GeneratedRegex(@"^[^，。！？；：]{4,30}")]
    private static partial Regex FirstClauseRx();

    static string FallbackTitle(string body)
    {
        var m = FirstClauseRx().Match(body);
        return m.Success ? m.Value : Excerpt(body);
    }

    static string Excerpt(string text) => text.Length <= 30 ? text : text[..30] + "…";


    /// <summary>Compresses line numbers into "1-191, 193-302".</summary>
    public static string Ranges(IEnumerable<int> lines)
    {
        var sorted = lines.Distinct().Order().ToList();
        var parts = new List<string>();
        for (int i = 0; i < sorted.Count;)
        {
            int j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            parts.Add(sorted[i] == sorted[j] ? $"{sorted[i]}" : $"{sorted[i]}-{sorted[j]}");
            i = j + 1;
        }
        return string.Join(", ", parts);
    }

    /// <summary>
    /// Gives every raw line to exactly one item: content lines to the item they belong to, blank lines to the item
    /// of the content line before them (leading blanks to the first item). Items come out in print order.
    /// </summary>
    static List<ReportItem> AssignLines(RawPage page, List<(ReportItem Item, IEnumerable<int> Lines)> items, List<Problem> problems, string name)
    {
        var owner = new int[page.Lines.Count + 1];
        Array.Fill(owner, -1);
        for (int k = 0; k < items.Count; k++)
            foreach (var n in items[k].Lines)
            {
                if (owner[n] >= 0)
                    problems.Add(new Problem(ProblemCodes.Internal, page.FileName, n, $"内部错误：第 {n} 行被归入两个条目 (internal error: line {n} assigned twice)"));
                owner[n] = k;
            }
        int firstOwned = Array.FindIndex(owner, 1, o => o >= 0);
        int last = firstOwned < 0 ? -1 : owner[firstOwned];
        for (int n = 1; n < owner.Length; n++)
        {
            if (owner[n] >= 0) { last = owner[n]; continue; }
            if (!string.IsNullOrWhiteSpace(page.Lines[n - 1].Text))
                problems.Add(new Problem(ProblemCodes.Internal, page.FileName, n, $"内部错误：第 {n} 行没有归属 (internal error: line {n} belongs to no item)"));
            owner[n] = last;
        }
        return items.Select((it, k) => (it.Item, Lines: Enumerable.Range(1, page.Lines.Count).Where(n => owner[n] == k).ToList()))
            .Where(x => x.Lines.Count > 0)
            .OrderBy(x => x.Lines[0])
            .Select(x => x.Item with { Lines = Ranges(x.Lines) })
            .ToList();
    }
}
