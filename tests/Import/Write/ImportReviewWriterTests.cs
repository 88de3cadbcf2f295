using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Baoku.Content;
using Baoku.Import.Assemble;
using Baoku.Import.Enrich;
using Baoku.Import.Read;
using Baoku.Import.Write;
using Baoku.Tests.Support;

namespace Baoku.Tests.Import.Write;

/// <summary>
/// The import review page (import-review.html) as HTML: every raw line once, in its item's colour; every flag in the
/// summary, linking to its place; every text encoded; the same bytes for the same import.
/// </summary>
public class ImportReviewWriterTests
{
    static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    static ImportResult ImportSeeds()
    {
        using var s = new ImportSandbox("000", "001", "002", "003", "004");
        var r = s.Run(dryRun: true);
        r.HasErrors.ShouldBeFalse();
        return r;
    }

    /// <summary>One page of four lines: a draft article with no headline (lines 1-2, a year guessed: low confidence),
    /// a caption (line 3) and a headline read as an intertitle by a narrow score (line 4).</summary>
    static ImportResult Synthetic(string title = "开发区召开会议", string line1 = "11月21日，开发区召开会议。")
    {
        var date = new InferredDate(new DateOnly(2023, 3, 6), DateConfidence.Low, ["没有年份线索，请编辑核对 (no year clue: year guessed)"])
        {
            YearUnknown = true,
            Review = ["年份无依据"],
        };
        var fm = new ArticleFrontMatter
        {
            Title = title, Date = date.Date, DateConfidence = "low", DateEvidence = date.Evidence, Draft = true, Review = date.Review,
            Authors = ["张三"], Source = new SourceInfo("page.txt", "1-2, 4", null),
        };
        var article = new ImportedArticle("2023/03/20230306-00000000.md", "page.txt#1", fm,
            [new BodyBlock(false, line1), new BodyBlock(true, "小标题")], []);
        var items = new List<ReportItem>
        {
            new(ItemKind.Article, title, "1-2, 4", [NoHeadline, "没有找到记者署名 (no byline found)"]) { ArticleKey = "page.txt#1", Doubts = [NoHeadline] },
            new(ItemKind.Caption, "▲会议现场", "3", []),
        };
        var page = new PageReport("page.txt", "2023-03-06（low）：没有年份线索", items, [])
        {
            RawLines = [new RawLine(1, line1), new RawLine(2, ""), new RawLine(3, "▲会议现场"), new RawLine(4, "小标题")],
            Boundaries = [new BoundaryDecision(4, "小标题", false, -0.5, ["标题很短 (short heading) -1", "上下文相同的词很少 (0.03) +1"])],
            Date = date,
        };
        return new ImportResult([page], [article], [], [], false);
    }

    [Fact]
    public void EveryRawLineOfEveryPageAppearsExactlyOnceWithItsText()
    {
        var r = ImportSeeds();
        var doc = Parse(ImportReviewWriter.Render(r));
        doc.QuerySelectorAll(".l").Length.ShouldBe(r.Pages.Sum(p => p.RawLines.Count));
        for (int p = 1; p <= r.Pages.Count; p++)
        {
            var page = r.Pages[p - 1];
            page.RawLines.Count.ShouldBe(File.ReadAllLines(Path.Combine(SeedArticles.RepoRoot, "seeds", page.File)).Length);
            foreach (var line in page.RawLines)
            {
                var shown = doc.QuerySelectorAll($"#{ImportReviewFlags.LineId(p, line.Number)}");
                shown.Length.ShouldBe(1, $"{page.File}:{line.Number} is shown once");
                shown[0].QuerySelector(".t")!.TextContent.ShouldBe(line.Text, $"{page.File}:{line.Number}");
                shown[0].QuerySelector(".n")!.TextContent.ShouldBe(line.Number.ToString());
            }
        }
    }

    [Fact]
    public void EachLineTakesTheColourOfTheItemItWentTo()
    {
        var r = ImportSeeds();
        var doc = Parse(ImportReviewWriter.Render(r));
        for (int p = 1; p <= r.Pages.Count; p++)
        {
            int article = 0;
            var items = r.Pages[p - 1].Items;
            for (int k = 1; k <= items.Count; k++)
            {
                var colour = items[k - 1].Kind == ItemKind.Article ? $"a{article++ % 8}" : "o";
                var id = ImportReviewFlags.ItemId(p, k);
                var lines = ImportReviewFlags.Lines(items[k - 1].Lines).ToList();
                lines.ShouldNotBeEmpty();
                foreach (var n in lines)
                {
                    var l = doc.GetElementById(ImportReviewFlags.LineId(p, n))!;
                    l.ClassList.ShouldContain(colour, $"{r.Pages[p - 1].File}:{n} belongs to item {k}");
                    l.ClassList.ShouldContain(id);
                }
                doc.GetElementById(id)!.ClassList.ShouldContain(colour, "the item's card has its lines' colour");
                doc.QuerySelectorAll($".l.{id}").Length.ShouldBe(lines.Count, "no other line has the item's class");
            }
        }
        // Two neighbouring articles never share a colour.
        doc.QuerySelectorAll("article.item").Select(a => a.ClassList.First(c => c.StartsWith('a') && c.Length == 2)).Take(3)
            .ShouldBe(["a0", "a1", "a2"]);
    }

    const string NoHeadline = "没有找到标题，暂用首句，已标为草稿 (no headline found: first sentence used, marked draft)";

    [Fact]
    public void FlaggedItemsAreInTheSummaryAndLinkToTheirPlace()
    {
        var r = Synthetic();
        var doc = Parse(ImportReviewWriter.Render(r));
        var links = doc.QuerySelectorAll(".flags li.flag-item > a").Select(a => a.GetAttribute("href")!).ToList();
        links.ShouldBe(["#p1-date", "#p1-i1", "#p1-b1"], "the date, the draft and the doubtful decision, in line order; the caption is not flagged");
        foreach (var href in links) doc.GetElementById(href[1..]).ShouldNotBeNull($"{href} leads somewhere");

        var summary = doc.GetElementById("summary")!.TextContent;
        summary.ShouldContain("年份无依据");
        summary.ShouldContain("草稿");
        summary.ShouldContain("没有找到标题");
        summary.ShouldContain("-0.5");
        doc.QuerySelector("[data-count=drafts] b")!.TextContent.ShouldBe("1");
        doc.QuerySelector("[data-count=flags] b")!.TextContent.ShouldBe("3");
        doc.QuerySelector("[data-count=others] b")!.TextContent.ShouldBe("1");

        doc.GetElementById("p1-date")!.ClassList.ShouldContain("flag");
        doc.GetElementById("p1-b1")!.ClassList.ShouldContain("flag");
        doc.GetElementById("p1-i1")!.QuerySelector(".why")!.TextContent.ShouldContain("年份无依据");
        doc.GetElementById("p1-i1")!.QuerySelector(".body h4")!.TextContent.ShouldBe("##小标题", "an intertitle shows as the ## heading it becomes");
    }

    [Fact]
    public void ASeedPageWithADoubtfulBoundaryFlagsIt()
    {
        var r = ImportSeeds();
        var doubtful = r.Pages.SelectMany((p, i) => p.Boundaries.Select((b, j) => (b, id: ImportReviewFlags.BoundaryId(i + 1, j + 1)))).Where(x => x.b.Doubtful).ToList();
        doubtful.ShouldNotBeEmpty("seed 000 has a headline decided by a narrow score");
        var doc = Parse(ImportReviewWriter.Render(r));
        foreach (var (b, id) in doubtful)
        {
            doc.QuerySelector($".flags a[href='#{id}']").ShouldNotBeNull();
            doc.GetElementById(id)!.TextContent.ShouldContain(b.Reasons[0]);
        }
    }

    [Fact]
    public void EveryTextIsHtmlEncoded()
    {
        var title = "<script>alert('标题')</script>";
        var line = "第一行 <b>粗</b> & \"引号\"";
        var html = ImportReviewWriter.Render(Synthetic(title, line));
        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("<b>粗");
        var doc = Parse(html);
        doc.QuerySelectorAll("script").Length.ShouldBe(1, "only the page's own script");
        doc.QuerySelector("#p1-i1 h3")!.TextContent.ShouldBe(title);
        doc.QuerySelector("#p1-L1 .t")!.TextContent.ShouldBe(line);
        doc.QuerySelectorAll("b").ShouldAllBe(b => b.ParentElement!.TagName == "LI", "no <b> but the summary's counts");
    }

    [Fact]
    public void TheSamePagesGiveTheSameBytes()
    {
        var first = ImportReviewWriter.Render(ImportSeeds());
        ImportReviewWriter.Render(ImportSeeds()).ShouldBe(first);
        first.ShouldNotContain(DateTime.Now.Year + "-" + DateTime.Now.ToString("MM-dd"));
    }

    [Fact]
    public void ThePageIsSelfContained()
    {
        var doc = Parse(ImportReviewWriter.Render(ImportSeeds()));
        doc.QuerySelectorAll("link, img, iframe, script[src], [style*='url(']").ShouldBeEmpty();
        doc.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ShouldAllBe(h => h.StartsWith('#'));
        doc.QuerySelectorAll("style").Select(s => s.TextContent).ShouldAllBe(css => !css.Contains("url(") && !css.Contains("@import"));
        doc.DocumentElement.GetAttribute("lang").ShouldBe("zh-CN");
    }

    [Fact]
    public void ImportWritesTheReviewPageBesideTheReportAndNotOnADryRun()
    {
        using var s = new ImportSandbox("001");
        var review = Path.Combine(s.Root, ImportReviewWriter.FileName);
        s.Run(dryRun: true);
        File.Exists(review).ShouldBeFalse();
        s.Run().HasErrors.ShouldBeFalse();
        File.ReadAllText(review).ShouldContain("001_37e48254b797af22.txt");
    }
}
