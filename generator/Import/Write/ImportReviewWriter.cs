using System.Net;
using System.Text;
using Baoku.Content;
using Baoku.Import.Enrich;
using static Baoku.Import.Write.ImportReviewFlags;

namespace Baoku.Import.Write;

/// <summary>
/// The import review page (<c>import-review.html</c>, beside the report): for every raw page its lines on the left,
/// coloured by the item each went to, and on the right the articles as they will be published, in print order, with
/// the page's other items greyed; everything the importer was unsure of is marked yellow and listed at the top
/// (<see cref="ImportReviewFlags"/>). Clicking or hovering an article highlights its raw lines (CSS <c>:target</c> and
/// <c>:has</c>, no script needed). One self-contained file: inline CSS, a few lines of optional script, no network.
/// Every text is HTML-encoded. Deterministic (no timestamps), like the report.
/// </summary>
public static class ImportReviewWriter
{
    public const string FileName = "import-review.html";

    /// <summary>One report item of a page as the page shows it.</summary>
    sealed record ItemView(ReportItem Item, string Id, int Number, ImportedArticle? Article, FileResult? File, string Colour, List<int> Lines)
    {
        public bool IsArticle => Item.Kind == ItemKind.Article;
        public string Label => IsArticle ? $"文章 {Number}" : ImportReportWriter.KindName(Item.Kind);
    }

    public static string Render(ImportResult r)
    {
        var flags = ImportReviewFlags.For(r);
        var articles = r.Articles.GroupBy(a => a.SourceKey).ToDictionary(g => g.Key, g => g.First());
        var files = FilesByPath(r);
        var body = new StringBuilder();
        var rules = new StringBuilder();
        for (int p = 1; p <= r.Pages.Count; p++)
        {
            var views = Views(r.Pages[p - 1], p, articles, files);
            foreach (var v in views.Where(v => v.Lines.Count > 0))
                rules.Append($"#{PageId(p)}:has(#{v.Id}:target,#{v.Id}:hover,#{LineId(p, v.Lines[0])}:target) .l.{v.Id}")
                    .Append("{background:var(--strong);box-shadow:inset 4px 0 0 var(--ink)}\n");
            Page(body, r.Pages[p - 1], p, views);
        }

        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append($"<title>导入核对 (import review)：{r.Pages.Count} 个版面，{flags.Count} 处需要核对</title>\n")
          .Append("<style>\n").Append(ImportReviewStyle.Css).Append('\n').Append(rules).Append("</style>\n</head>\n<body>\n<div class=\"wrap\">\n");
        Summary(sb, r, flags);
        sb.Append("<main>\n").Append(body).Append("</main>\n</div>\n<script>\n").Append(ImportReviewStyle.Script).Append("\n</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    static List<ItemView> Views(PageReport page, int p, Dictionary<string, ImportedArticle> articles, Dictionary<string, FileResult> files)
    {
        var views = new List<ItemView>();
        int number = 0;
        for (int k = 1; k <= page.Items.Count; k++)
        {
            var item = page.Items[k - 1];
            var lines = ImportReviewFlags.Lines(item.Lines).ToList();
            if (item.Kind != ItemKind.Article) { views.Add(new(item, ItemId(p, k), 0, null, null, "o", lines)); continue; }
            number++;
            var article = item.ArticleKey is { } key && articles.TryGetValue(key, out var a) ? a : null;
            var file = article is null ? null : files.GetValueOrDefault(article.RelativePath);
            views.Add(new(item, ItemId(p, k), number, article, file, $"a{(number - 1) % ImportReviewStyle.Colours}", lines));
        }
        return views;
    }

    static string H(string? s) => WebUtility.HtmlEncode(s ?? "");

    static void Summary(StringBuilder sb, ImportResult r, List<ReviewFlag> flags)
    {
        int articles = r.Pages.Sum(p => p.Items.Count(i => i.Kind == ItemKind.Article));
        int others = r.Pages.Sum(p => p.Items.Count) - articles;
        int drafts = r.Articles.Count(a => a.FrontMatter.Draft || a.FrontMatter.Review.Count > 0);
        sb.Append("<header>\n<h1>导入核对 (import review)</h1>\n")
          .Append("<p class=\"lede\">由 <code>baoku import</code> 生成，每次导入都会重写。每个版面左边是原文（每行带行号，颜色表示归入哪篇文章，灰色的不是文章），")
          .Append("右边是导入后的文章，按见报顺序；<span class=\"mark\">黄色</span>标记的是需要核对的地方。点一篇文章的标题，左边就标出它的原文行。")
          .Append("(Written by <code>baoku import</code> on every run: each raw page on the left, line by line, coloured by the article each line went to, ")
          .Append("grey for other items; the articles on the right; yellow marks what needs a look. Click a title to highlight its raw lines.)</p>\n</header>\n");
        sb.Append("<section class=\"box summary\" id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">概要 (summary)</h2>\n<ul class=\"counts\">\n");
        Count(sb, "pages", r.Pages.Count, "个版面 (pages)", false);
        Count(sb, "articles", articles, "篇文章 (articles)", false);
        Count(sb, "drafts", drafts, "篇草稿或待核对的文章 (drafts needing review)", drafts > 0);
        Count(sb, "others", others, "个其他条目 (non-article items)", false);
        Count(sb, "flags", flags.Count, "处需要核对 (flagged)", flags.Count > 0);
        sb.Append("</ul>\n");
        if (!r.Written) sb.Append("<p class=\"flag\"><strong>本次没有写入任何文章文件 (no article files were written in this run).</strong></p>\n");
        if (r.Problems.Count > 0)
        {
            sb.Append("<h3>问题 (problems)</h3>\n<ul class=\"problems\">\n");
            foreach (var p in r.Problems) sb.Append($"<li>{H(p.ToString())}</li>\n");
            sb.Append("</ul>\n");
        }
        sb.Append("<h3>需要核对 (flagged)</h3>\n");
        if (flags.Count == 0) sb.Append("<p>没有需要特别核对的地方 (nothing flagged).</p>\n");
        else
        {
            sb.Append("<ul class=\"flags\">\n");
            for (int p = 1; p <= r.Pages.Count; p++)
            {
                var onPage = flags.Where(f => f.Page == r.Pages[p - 1].File).ToList();
                if (onPage.Count == 0) continue;
                sb.Append($"<li><a href=\"#{PageId(p)}\">{H(r.Pages[p - 1].File)}</a>\n<ol>\n");
                foreach (var f in onPage)
                    sb.Append($"<li class=\"flag-item\"><a href=\"#{f.Anchor}\">{(f.Line > 0 ? $"第 {f.Line} 行：" : "")}{H(f.What)}</a>")
                      .Append($"<br><span class=\"reason\">{H(string.Join("；", f.Why))}</span></li>\n");
                sb.Append("</ol></li>\n");
            }
            sb.Append("</ul>\n");
        }
        sb.Append("<h3>版面 (pages)</h3>\n<ol class=\"pages\">\n");
        for (int p = 1; p <= r.Pages.Count; p++)
        {
            var page = r.Pages[p - 1];
            int n = page.Items.Count(i => i.Kind == ItemKind.Article);
            sb.Append($"<li><a href=\"#{PageId(p)}\">{H(page.File)}</a>：{(page.Date is { } d ? Dates.Iso(d.Date) + "，" : "")}文章 {n} 篇，其他条目 {page.Items.Count - n} 个</li>\n");
        }
        sb.Append("</ol>\n</section>\n");
    }

    static void Count(StringBuilder sb, string name, int n, string label, bool flagged) =>
        sb.Append($"<li data-count=\"{name}\"{(flagged ? " class=\"flag\"" : "")}><b>{n}</b>{H(label)}</li>\n");

    static void Page(StringBuilder sb, PageReport page, int p, List<ItemView> views)
    {
        sb.Append($"<section class=\"page\" id=\"{PageId(p)}\" aria-labelledby=\"{PageId(p)}-h\">\n<h2 id=\"{PageId(p)}-h\">版面 {p}：{H(page.File)}</h2>\n");
        if (page.Date is { } date)
        {
            bool weak = IsWeakDate(date);
            sb.Append($"<p class=\"page-date{(weak ? " flag" : "")}\" id=\"{DateId(p)}\">见报日期 (date)：<strong>{Dates.Iso(date.Date)}</strong> ")
              .Append(Confidence(date.Confidence.Name(), null)).Append("</p>\n")
              .Append($"<details class=\"evidence\"{(weak ? " open" : "")}><summary>日期依据 (evidence)</summary>\n<ul>\n");
            foreach (var e in date.Evidence) sb.Append($"<li>{H(e)}</li>\n");
            sb.Append("</ul>\n</details>\n");
        }
        else if (page.DateLine is not null) sb.Append($"<p class=\"page-date\">见报日期 (date)：{H(page.DateLine)}</p>\n");
        if (page.Notes.Count > 0)
        {
            sb.Append("<ul class=\"notes\">\n");
            foreach (var n in page.Notes) sb.Append($"<li>{H(n)}</li>\n");
            sb.Append("</ul>\n");
        }
        Decisions(sb, page, p);

        sb.Append("<div class=\"cols\">\n");
        RawColumn(sb, page, p, views);
        sb.Append("<div class=\"items\">\n<h3 class=\"col\">导入结果，按见报顺序 (the result, in print order)</h3>\n");
        foreach (var v in views)
            if (v.IsArticle) Article(sb, p, v);
            else Other(sb, p, v);
        sb.Append("</div>\n</div>\n</section>\n");
    }

    static string Confidence(string name, string? href)
    {
        var text = name switch { "low" => "低", "medium" => "中", "high" => "高", "explicit" => "明确", _ => name };
        var inner = $"可信度 {H(text)} ({H(name)})";
        var cls = name is "low" or "medium" ? "mark" : "badge-plain";
        return href is null ? $"<span class=\"{cls}\">{inner}</span>" : $"<a class=\"{cls}\" href=\"{href}\">{inner}</a>";
    }

    static void Decisions(StringBuilder sb, PageReport page, int p)
    {
        if (page.Boundaries.Count == 0) return;
        int doubtful = page.Boundaries.Count(b => b.Doubtful);
        sb.Append($"<details class=\"decisions\"{(doubtful > 0 ? " open" : "")}><summary>正文中间的标题：读作新文章还是小标题 (headlines between paragraphs: ")
          .Append($"{page.Boundaries.Count} 个，{doubtful} 个没有把握)</summary>\n<div class=\"table\"><table>\n")
          .Append("<thead><tr><th>行 (line)</th><th>标题 (headline)</th><th>读作 (read as)</th><th>分数 (score)</th><th>理由 (reasons)</th></tr></thead>\n<tbody>\n");
        for (int b = 1; b <= page.Boundaries.Count; b++)
        {
            var d = page.Boundaries[b - 1];
            sb.Append($"<tr id=\"{BoundaryId(p, b)}\"{(d.Doubtful ? " class=\"flag\"" : "")}><td><a href=\"#{LineId(p, d.HeadlineLine)}\">{d.HeadlineLine}</a></td>")
              .Append($"<td>{H(d.Headline)}</td><td>{(d.NewStory ? "新文章 (new story)" : "小标题 (intertitle)")}{(d.Doubtful ? "<br><span class=\"mark\">没有把握 (doubtful)</span>" : "")}</td>")
              .Append($"<td>{Score(d.Score)}</td><td><ul>");
            foreach (var reason in d.Reasons) sb.Append($"<li>{H(reason)}</li>");
            sb.Append("</ul></td></tr>\n");
        }
        sb.Append("</tbody>\n</table></div>\n</details>\n");
    }

    static void RawColumn(StringBuilder sb, PageReport page, int p, List<ItemView> views)
    {
        var owner = new Dictionary<int, ItemView>();
        foreach (var v in views) foreach (var n in v.Lines) owner.TryAdd(n, v);
        var decisions = new Dictionary<int, int>();
        for (int b = 1; b <= page.Boundaries.Count; b++) decisions.TryAdd(page.Boundaries[b - 1].HeadlineLine, b);

        sb.Append($"<div class=\"raw\" tabindex=\"0\" role=\"region\" aria-label=\"原文 {H(page.File)}\">\n<h3>原文，共 {page.RawLines.Count} 行 (raw page)</h3>\n");
        ItemView? previous = null;
        foreach (var line in page.RawLines)
        {
            var v = owner.GetValueOrDefault(line.Number);
            var cls = v is null ? "none" : $"{v.Colour} {v.Id}";
            sb.Append($"<div class=\"l {cls}\" id=\"{LineId(p, line.Number)}\">");
            sb.Append(v is null ? $"<span class=\"n\">{line.Number}</span>" : $"<a class=\"n\" href=\"#{v.Id}\" title=\"{H(v.Label)}\">{line.Number}</a>");
            sb.Append($"<span class=\"t\">{H(line.Text)}</span>");
            if (v is not null && v != previous) sb.Append($"<a class=\"tag\" href=\"#{v.Id}\">{H(v.Label)}</a>");
            if (decisions.TryGetValue(line.Number, out var b))
                sb.Append($"<a class=\"tag decision{(page.Boundaries[b - 1].Doubtful ? " flag" : "")}\" href=\"#{BoundaryId(p, b)}\">标题判断 {Score(page.Boundaries[b - 1].Score)}</a>");
            sb.Append("</div>\n");
            previous = v;
        }
        sb.Append("</div>\n");
    }

    static void Meta(StringBuilder sb, int p, ItemView v, string badge)
    {
        sb.Append($"<p class=\"meta\"><span class=\"badge\">{H(badge)}</span>");
        if (v.Lines.Count > 0) sb.Append($"<a href=\"#{LineId(p, v.Lines[0])}\">原文第 {H(v.Item.Lines)} 行 (raw lines)</a>");
        sb.Append("</p>\n");
    }

    static void Article(StringBuilder sb, int p, ItemView v)
    {
        var why = ArticleReasons(v.Item, v.Article, v.File);
        var first = v.Lines.Count > 0 ? $" data-first=\"{LineId(p, v.Lines[0])}\"" : "";
        sb.Append($"<article class=\"item {v.Colour}\" id=\"{v.Id}\"{first}>\n");
        Meta(sb, p, v, v.Label);
        var fm = v.Article?.FrontMatter;
        if (fm?.Kicker is { } kicker) sb.Append($"<p class=\"kicker\">{H(kicker)}</p>\n");
        sb.Append($"<h3><a href=\"#{v.Id}\">{H(fm?.Title ?? v.Item.Text)}</a></h3>\n");
        if (fm?.Subtitle is { } subtitle) sb.Append($"<p class=\"subtitle\">{H(subtitle)}</p>\n");
        if (why.Count > 0)
        {
            sb.Append("<ul class=\"why\">\n");
            foreach (var w in why) sb.Append($"<li>{H(w)}</li>\n");
            sb.Append("</ul>\n");
        }
        if (fm is not null) Fields(sb, p, v, fm);
        // The notes not already said above (the flagged ones) or in the fields (the campaigns).
        var notes = v.Item.Notes.Where(n => !why.Contains(n) && !n.StartsWith("专题 (campaigns)", StringComparison.Ordinal)).ToList();
        if (notes.Count > 0)
        {
            sb.Append("<ul class=\"notes\">\n");
            foreach (var n in notes) sb.Append($"<li>{H(n)}</li>\n");
            sb.Append("</ul>\n");
        }
        if (v.Article is { } a)
        {
            sb.Append("<div class=\"body\">\n");
            foreach (var block in a.Body)
                sb.Append(block.IsHeading ? $"<h4><span class=\"md\">##</span>{H(block.Text)}</h4>\n" : $"<p>{H(block.Text)}</p>\n");
            sb.Append("</div>\n");
        }
        sb.Append("</article>\n");
    }

    static void Fields(StringBuilder sb, int p, ItemView v, ArticleFrontMatter fm)
    {
        sb.Append("<dl class=\"fields\">\n");
        sb.Append($"<dt>日期 (date)</dt><dd>{Dates.Iso(fm.Date)}{(fm.DateConfidence is { } c ? " " + Confidence(c, "#" + DateId(p)) : "")}</dd>\n");
        Field(sb, "作者 (authors)", string.Join("、", fm.Authors));
        Field(sb, "摄影 (photographers)", string.Join("、", fm.Photographers));
        Field(sb, "编辑 (editors)", string.Join("、", fm.Editors));
        Field(sb, "来源 (origin)", fm.Origin);
        Field(sb, "署名原文 (byline)", fm.Byline);
        Field(sb, "栏目 (column)", fm.Column);
        Field(sb, "专题 (campaigns)", string.Join("；", fm.CampaignEvidence.Select(e => $"{e.Key} ← {string.Join("、", e.Value)}")));
        if (fm.Draft) sb.Append("<dt>草稿 (draft)</dt><dd><span class=\"mark\">是，不会发布 (yes: not published)</span></dd>\n");
        if (v.Article is { RelativePath.Length: > 0 } a)
            sb.Append($"<dt>文件 (file)</dt><dd><code>content/{H(a.RelativePath)}</code>{(v.File is { } f ? "，" + H(ImportReportWriter.OutcomeName(f.Outcome)) : "")}</dd>\n");
        sb.Append("</dl>\n");
    }

    static void Field(StringBuilder sb, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) sb.Append($"<dt>{H(name)}</dt><dd>{H(value)}</dd>\n");
    }

    static void Other(StringBuilder sb, int p, ItemView v)
    {
        var why = OtherReasons(v.Item);
        sb.Append($"<div class=\"item o\" id=\"{v.Id}\"{(v.Lines.Count > 0 ? $" data-first=\"{LineId(p, v.Lines[0])}\"" : "")}>\n");
        Meta(sb, p, v, $"{v.Label}，不是文章 (not an article: {KindEnglish(v.Item.Kind)})");
        sb.Append($"<p class=\"text\">{H(v.Item.Text)}</p>\n");
        var notes = why.Count > 0 ? why : v.Item.Notes.DefaultIfEmpty(RoutineNote(v.Item.Kind)).ToList();
        sb.Append($"<ul class=\"{(why.Count > 0 ? "why" : "notes")}\">\n");
        foreach (var n in notes) sb.Append($"<li>{H(n)}</li>\n");
        sb.Append("</ul>\n</div>\n");
    }

    static string KindEnglish(ItemKind k) => k switch
    {
        ItemKind.PhotoStory => "photo story",
        ItemKind.Continuation => "continued text",
        ItemKind.OrphanHeadline => "headline without body",
        ItemKind.Fragment => "unrecognised text",
        ItemKind.ColumnLabel => "column label",
        ItemKind.Caption => "caption",
        ItemKind.Ad => "classified ads",
        ItemKind.Byline => "byline",
        ItemKind.Furniture => "page furniture",
        _ => k.ToString(),
    };

    static string RoutineNote(ItemKind k) => k switch
    {
        ItemKind.ColumnLabel => "栏目名，记为其后文章的栏目 (a column label: the column of the articles after it)",
        ItemKind.Caption => "图片说明，不收入文章 (a photo caption: not part of an article)",
        ItemKind.Ad => "分类广告，不收入资料库 (classified ads: not archived)",
        ItemKind.Furniture => "版面信息（报头、版次、日期等） (page furniture: masthead, page number, date)",
        _ => ImportReportWriter.KindName(k),
    };
}
