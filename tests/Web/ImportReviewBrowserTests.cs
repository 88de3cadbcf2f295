using Baoku.Import;
using Baoku.Import.Write;
using Baoku.Tests.Support;
using Baoku.Tests.Support.Web;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Baoku.Tests.Web;

/// <summary>
/// The seeds and tests/Fixtures/Papers/dongyang-daily imported once into a temporary folder, for the review page's tests.
/// </summary>
public sealed class ImportReviewFixture : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("baoku-review-").FullName;
    public string ReviewPage => Path.Combine(Root, ImportReviewWriter.FileName);
    public ImportResult Result { get; }

    public ImportReviewFixture()
    {
        var pages = Path.Combine(Root, "pages");
        foreach (var (folder, source) in new[] { ("seeds", Path.Combine(RepoPaths.Root, "seeds")), ("dongyang-daily", RepoPaths.Fixture("Papers/dongyang-daily")) })
        {
            Directory.CreateDirectory(Path.Combine(pages, folder));
            foreach (var file in Directory.GetFiles(source, "*.txt")) File.Copy(file, Path.Combine(pages, folder, Path.GetFileName(file)));
        }
        Result = Importer.Run(new ImportOptions(pages, Path.Combine(Root, "content"), Path.Combine(Root, "import-report.md"),
            Path.Combine(RepoPaths.Root, "site.yml"), Force: false, DryRun: false, KeepGoing: false));
        if (Result.HasErrors || !File.Exists(ReviewPage))
            throw new InvalidOperationException("the import for the review page failed:\n" + string.Join("\n", Result.Problems));
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class ImportReviewCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<ImportReviewFixture>
{
    public const string Name = "ImportReview";
}

/// <summary>
/// import-review.html opened from disk in Chromium, as an editor opens it: it renders with no console error or request,
/// shows the summary counts, puts the raw page and the articles side by side on a desktop and one above the other on a
/// 375 px phone, and clicking an article highlights its raw lines, with and without JavaScript. Screenshots go to
/// tests/Web/screenshots/review/. The Nu HTML Checker and axe-core check the page too.
/// </summary>
[Collection(ImportReviewCollection.Name)]
public sealed class ImportReviewBrowserTests(BrowserFixture browser, ImportReviewFixture import, ITestOutputHelper output)
{
    private const string Highlighted = "e => getComputedStyle(e).boxShadow !== 'none'";

    /// <summary>The first article of a page that has two or more, with the id of its card and its raw line ids.</summary>
    private (string Card, int Page, List<string> Lines, List<string> OtherLines) AnArticle()
    {
        for (int p = 1; p <= import.Result.Pages.Count; p++)
        {
            var page = import.Result.Pages[p - 1];
            var articles = page.Items.Select((item, k) => (item, k: k + 1)).Where(x => x.item.Kind == ItemKind.Article).ToList();
            if (articles.Count < 2) continue;
            List<string> Ids(ReportItem i) => ImportReviewFlags.Lines(i.Lines).Select(n => ImportReviewFlags.LineId(p, n)).ToList();
            return (ImportReviewFlags.ItemId(p, articles[1].k), p, Ids(articles[1].item), Ids(articles[0].item));
        }
        throw new InvalidOperationException("no page with two articles");
    }

    private async Task<bool> IsHighlighted(BrowserPage page, string lineId) =>
        await page.Page.Locator("#" + lineId).EvaluateAsync<bool>(Highlighted);

    [Fact]
    public async Task On_a_desktop_the_page_renders_with_its_counts_and_clicking_an_article_highlights_its_lines()
    {
        await using var page = await browser.OpenPageAsync(width: 1366, height: 900);
        await page.OpenFileAsync(import.ReviewPage);

        var r = import.Result;
        (await page.Page.TextContentAsync("[data-count=pages] b")).ShouldBe(r.Pages.Count.ToString());
        (await page.Page.TextContentAsync("[data-count=articles] b")).ShouldBe(r.Articles.Count.ToString());
        var flags = ImportReviewFlags.For(r);
        flags.Count.ShouldBeGreaterThan(0, "the dongyang pages have dates of low and medium confidence");
        (await page.Page.Locator(".flags li.flag-item").CountAsync()).ShouldBe(flags.Count);
        (await page.Page.Locator(".l").CountAsync()).ShouldBe(r.Pages.Sum(p => p.RawLines.Count), "every raw line is shown");
        var shot = await Screenshots.TakeAsync(page.Page, "review/summary-1366.png");
        output.WriteLine(Path.GetRelativePath(RepoPaths.Root, shot));

        var (card, p, lines, otherLines) = AnArticle();
        (await IsHighlighted(page, lines[^1])).ShouldBeFalse("nothing is highlighted before a click");
        await page.Page.ClickAsync($"#{card} h3 a");
        page.Page.Url.ShouldEndWith("#" + card);
        foreach (var id in new[] { lines[0], lines[lines.Count / 2], lines[^1] })
            (await IsHighlighted(page, id)).ShouldBeTrue($"after the click on {card}, its raw line {id} is highlighted");
        (await IsHighlighted(page, otherLines[0])).ShouldBeFalse("the lines of the article before it are not");

        var raw = await page.Page.Locator($"#p{p} .raw").BoundingBoxAsync();
        var items = await page.Page.Locator($"#p{p} .items").BoundingBoxAsync();
        (raw!.X + raw.Width).ShouldBeLessThanOrEqualTo(items!.X, "on a desktop the raw page is left of the articles");
        var first = await page.Page.Locator("#" + lines[0]).BoundingBoxAsync();
        (first!.Y >= raw.Y && first.Y < raw.Y + raw.Height).ShouldBeTrue("the script scrolled the raw column to the article's first line");

        await page.Page.Mouse.MoveAsync(0, 0);   // no hover over a card in the shot
        await page.Page.Locator("#" + card).ScrollIntoViewIfNeededAsync();
        shot = Path.Combine(Screenshots.Folder, "review", "article-1366.png");
        await page.ScreenshotAsync(shot, fullPage: false);
        output.WriteLine(Path.GetRelativePath(RepoPaths.Root, shot));

        // A doubtful headline decision, followed from the summary's list.
        var decision = flags.First(f => f.Anchor.Contains("-b")).Anchor;
        await page.Page.ClickAsync($".flags a[href='#{decision}']");
        page.Page.Url.ShouldEndWith("#" + decision);
        (await page.Page.Locator("#" + decision).IsVisibleAsync()).ShouldBeTrue("the decision's table is open and shown");
        shot = Path.Combine(Screenshots.Folder, "review", "decision-1366.png");
        await page.ScreenshotAsync(shot, fullPage: false);
        output.WriteLine(Path.GetRelativePath(RepoPaths.Root, shot));
        page.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Without_JavaScript_the_raw_lines_link_of_an_article_highlights_and_shows_its_lines()
    {
        await using var page = await browser.OpenPageAsync(javaScript: false, width: 1366, height: 900);
        await page.OpenFileAsync(import.ReviewPage);
        var (card, _, lines, _) = AnArticle();
        await page.Page.ClickAsync($"#{card} .meta a");
        page.Page.Url.ShouldEndWith("#" + lines[0]);
        (await IsHighlighted(page, lines[^1])).ShouldBeTrue("the article's last raw line is highlighted");
        (await page.Page.Locator("#" + lines[0]).IsVisibleAsync()).ShouldBeTrue();
        page.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task On_a_375px_phone_screen_the_raw_page_and_the_articles_are_stacked_without_horizontal_scrolling()
    {
        await using var page = await browser.OpenPageAsync(width: 375, height: 812);
        await page.OpenFileAsync(import.ReviewPage);
        var (card, p, _, _) = AnArticle();
        var raw = await page.Page.Locator($"#p{p} .raw").BoundingBoxAsync();
        var items = await page.Page.Locator($"#p{p} .items").BoundingBoxAsync();
        items!.Y.ShouldBeGreaterThanOrEqualTo(raw!.Y + raw.Height, "on a phone the articles come under the raw page");
        (await page.Page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"))
            .ShouldBeLessThanOrEqualTo(0, "the page does not scroll sideways at 375 px");
        var shot = await Screenshots.TakeAsync(page.Page, "review/summary-375.png");
        output.WriteLine(Path.GetRelativePath(RepoPaths.Root, shot));
        await page.Page.ClickAsync($"#{card} h3 a");
        shot = Path.Combine(Screenshots.Folder, "review", "article-375.png");
        await page.Page.Locator($"#p{p} .raw").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(shot, fullPage: false);
        output.WriteLine(Path.GetRelativePath(RepoPaths.Root, shot));
        page.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task The_page_passes_the_Nu_HTML_checker_and_axe()
    {
        var folder = Path.Combine(import.Root, "check");
        Directory.CreateDirectory(folder);
        File.Copy(import.ReviewPage, Path.Combine(folder, ImportReviewWriter.FileName), overwrite: true);
        var report = await HtmlChecker.CheckFolderAsync(folder);
        foreach (var warning in report.Warnings) output.WriteLine(warning.ToString());
        report.Errors.ShouldBeEmpty("the Nu HTML Checker found errors in the review page:\n" + report.DescribeErrors());

        await using var page = await browser.OpenPageAsync(width: 1366, height: 900);
        await page.OpenFileAsync(import.ReviewPage);
        var axe = await AxeChecker.RunAsync(page.Page);
        foreach (var v in axe.Violations) output.WriteLine(v.ToString()[..Math.Min(300, v.ToString().Length)]);
        axe.SeriousOrCritical.ShouldBeEmpty(axe.Describe(axe.SeriousOrCritical));
    }
}
