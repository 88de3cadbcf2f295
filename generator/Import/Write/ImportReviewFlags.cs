using Baoku.Import.Enrich;

namespace Baoku.Import.Write;

/// <summary>One thing the review page asks an editor to check: where it is (<see cref="Anchor"/>), what it is and why.</summary>
public sealed record ReviewFlag(string Anchor, string Page, int Line, string What, IReadOnlyList<string> Why);

/// <summary>
/// What the import review page flags (yellow) and the ids it gives its parts. Flagged: drafts and articles with
/// <c>review:</c> reasons, headlines placed by something other than their position above the body (printed after it,
/// matched by content or by position, no headline found), a date of <c>low</c> or <c>medium</c> confidence, a doubtful
/// <see cref="Assemble.BoundaryDecision"/>, an article file an editor changed, and the non-article items whose text may be
/// a story's (photo stories, continued text, loose headlines, unrecognised text, bylines without a story).
/// Captions, ads, column labels and page furniture are shown greyed, not flagged.
/// </summary>
public static class ImportReviewFlags
{
    static readonly ItemKind[] FlaggedKinds = [ItemKind.PhotoStory, ItemKind.Continuation, ItemKind.OrphanHeadline, ItemKind.Fragment, ItemKind.Byline];

    public static string PageId(int page) => $"p{page}";
    public static string ItemId(int page, int item) => $"p{page}-i{item}";
    public static string LineId(int page, int line) => $"p{page}-L{line}";
    public static string BoundaryId(int page, int decision) => $"p{page}-b{decision}";
    public static string DateId(int page) => $"p{page}-date";

    public static bool IsWeakDate(InferredDate? d) => d is { Confidence: DateConfidence.Low or DateConfidence.Medium };

    /// <summary>Why an article needs a look; empty when it does not.</summary>
    public static List<string> ArticleReasons(ReportItem item, ImportedArticle? article, FileResult? file)
    {
        var why = new List<string>();
        if (article is { FrontMatter.Draft: true }) why.Add("草稿，不会发布 (draft: not published)");
        if (article is not null) why.AddRange(article.FrontMatter.Review.Select(r => $"review: {r}"));
        why.AddRange(item.Doubts);
        if (file is { Outcome: FileOutcome.KeptEdited or FileOutcome.Conflict })
            why.Add($"{ImportReportWriter.OutcomeName(file.Outcome)}{(file.Note is null ? "" : "：" + file.Note)}");
        return why;
    }

    /// <summary>Why a non-article item is not an article, when its text may be a story's; empty for routine items.</summary>
    public static List<string> OtherReasons(ReportItem item) =>
        FlaggedKinds.Contains(item.Kind) ? item.Notes.DefaultIfEmpty(ImportReportWriter.KindName(item.Kind)).ToList() : [];

    /// <summary>Every flag of the run, page by page, each page's in line order (its date first).</summary>
    public static List<ReviewFlag> For(ImportResult r)
    {
        var articles = r.Articles.GroupBy(a => a.SourceKey).ToDictionary(g => g.Key, g => g.First());
        var files = FilesByPath(r);
        var flags = new List<ReviewFlag>();
        for (int p = 1; p <= r.Pages.Count; p++)
        {
            var page = r.Pages[p - 1];
            if (IsWeakDate(page.Date))
                flags.Add(new(DateId(p), page.File, 0,
                    $"见报日期 {Dates.Iso(page.Date!.Date)}，可信度 {page.Date.Confidence.Name()} (date confidence)",
                    page.Date.Evidence.TakeLast(1).ToList()));   // the conclusion; the page shows all the evidence
            var onPage = new List<ReviewFlag>();
            int number = 0;
            for (int k = 1; k <= page.Items.Count; k++)
            {
                var item = page.Items[k - 1];
                int line = Lines(item.Lines).DefaultIfEmpty(0).First();
                if (item.Kind == ItemKind.Article)
                {
                    number++;
                    var article = item.ArticleKey is { } key && articles.TryGetValue(key, out var a) ? a : null;
                    var why = ArticleReasons(item, article, article is null ? null : files.GetValueOrDefault(article.RelativePath));
                    if (why.Count > 0) onPage.Add(new(ItemId(p, k), page.File, line, $"文章 {number}《{item.Text}》", why));
                }
                else if (OtherReasons(item) is { Count: > 0 } why)
                    onPage.Add(new(ItemId(p, k), page.File, line, $"{ImportReportWriter.KindName(item.Kind)}：{item.Text}", why));
            }
            for (int b = 1; b <= page.Boundaries.Count; b++)
                if (page.Boundaries[b - 1] is { Doubtful: true } d)
                    onPage.Add(new(BoundaryId(p, b), page.File, d.HeadlineLine,
                        $"标题判断：“{d.Headline}”读作{(d.NewStory ? "新文章" : "小标题")}，分数 {Score(d.Score)} (doubtful headline decision)", d.Reasons));
            flags.AddRange(onPage.OrderBy(f => f.Line));   // stable: an item before a decision on the same line
        }
        return flags;
    }

    public static Dictionary<string, FileResult> FilesByPath(ImportResult r) =>
        r.Files.GroupBy(f => f.RelativePath).ToDictionary(g => g.Key, g => g.Last());

    public static string Score(double s) => s.ToString("+0.0;-0.0;0.0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The line numbers of ranges such as "1-191, 193-302", in the order written.</summary>
    public static IEnumerable<int> Lines(string ranges)
    {
        foreach (var part in ranges.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-');
            if (!int.TryParse(ends[0], out var from)) continue;
            int to = ends.Length > 1 && int.TryParse(ends[1], out var t) ? t : from;
            for (int n = from; n <= to; n++) yield return n;
        }
    }
}
