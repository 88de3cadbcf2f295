using System.Globalization;
using System.Text;
using System.Text.Json;
using Baoku.Build;
using Baoku.Tests.Support;
using Baoku.Tests.Support.Web;
using Xunit.Abstractions;

namespace Baoku.Tests.Web;

/// <summary>
/// A campaign that runs for twelve years (2013–2024, 144 months, with a busy month of 60 articles), as an archive
/// of 10,000 articles has: its month chart must stay readable, every label at least 12 px on a 360 px phone and on a
/// 1280 px desktop, without sideways scrolling. The site is generated in a temporary folder with the repository's
/// templates and site.yml. Screenshots: tests/TestResults/screenshots/chart/.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CampaignChartBrowserTests(BrowserFixture browser, CampaignChartBrowserTests.LongCampaignSite site, ITestOutputHelper output)
    : IClassFixture<CampaignChartBrowserTests.LongCampaignSite>
{
    public const string Campaign = "清廉民企";
    public const string Slug = "qinglian-minqi";
    public const int FirstYear = 2013, LastYear = 2024;

    public sealed class LongCampaignSite : IDisposable
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("baoku-chart-").FullName;
        public string Output => Path.Combine(Root, "public");
        public int Articles { get; }

        public LongCampaignSite()
        {
            var content = Path.Combine(Root, "content");
            TestFolders.Copy(Path.Combine(RepoPaths.Root, "templates"), Path.Combine(Root, "templates"));
            File.Copy(Path.Combine(RepoPaths.Root, "site.yml"), Path.Combine(Root, "site.yml"));
            // Two to four articles a month, one quiet year in the middle, and one month of 60 (the scale's top).
            for (var month = new DateOnly(FirstYear, 1, 1); month.Year <= LastYear; month = month.AddMonths(1))
            {
                int count = month.Year == 2018 ? 0 : month == new DateOnly(2022, 10, 1) ? 60 : 2 + (month.Month + month.Year) % 3;
                for (int i = 0; i < count; i++)
                {
                    var date = month.AddDays(i % 28);
                    var slug = $"c{date:yyyyMMdd}-{i:D2}";
                    var folder = Path.Combine(content, $"{date:yyyy}", $"{date:MM}");
                    Directory.CreateDirectory(folder);
                    File.WriteAllText(Path.Combine(folder, slug + ".md"),
                        $"---\ntitle: 清廉民企建设第{i + 1}次推进会\ndate: {date:yyyy-MM-dd}\ncampaigns: [{Campaign}]\nslug: {slug}\n---\n\n" +
                        "会议要求，持续推进清廉民企建设，营造风清气正的营商环境。\n", new UTF8Encoding(false));
                    Articles++;
                }
            }
            var result = SiteBuild.Run(new BuildOptions(content, Path.Combine(Root, "site.yml"), Path.Combine(Root, "templates"), Output, false));
            if (!result.Published || result.HasErrors)
                throw new InvalidOperationException("the long-campaign site did not build:\n" + string.Join("\n", result.Problems));
        }

        public Uri CampaignPage => new(Path.Combine(Output, "campaigns", Slug, "index.html"));

        public void Dispose()
        {
            try { Directory.Delete(Root, true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// Every piece of text of the chart that is drawn (visually hidden text left out), with its rendered size: the
    /// font size, times the scale of an SVG drawn smaller or larger than its own units.
    /// </summary>
    private const string Labels = """
        () => {
          const root = document.querySelector('.timeline');
          if (!root) return null;
          const out = [];
          const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n = walk.nextNode(); n; n = walk.nextNode()) {
            const text = n.textContent.trim(), e = n.parentElement;
            if (!text || !e) continue;
            const r = e.getBoundingClientRect(), cs = getComputedStyle(e);
            if (r.width < 2 || r.height < 2 || cs.visibility === 'hidden' || cs.display === 'none') continue;
            let size = parseFloat(cs.fontSize);
            if (e instanceof SVGGraphicsElement) { const m = e.getScreenCTM(); size *= Math.hypot(m.a, m.b); }
            out.push({ text, size, right: r.right });
          }
          return out;
        }
        """;

    [Theory]
    [InlineData(360, 640)]
    [InlineData(1280, 800)]
    public async Task The_month_chart_of_a_twelve_year_campaign_has_labels_of_at_least_12px_and_fits_the_screen(int width, int height)
    {
        await using var page = await browser.OpenPageAsync(width: width, height: height);
        await page.GotoAsync(site.CampaignPage);
        var labels = (await page.Page.EvaluateAsync<JsonElement?>(Labels))
            ?? throw new ShouldAssertException("the campaign page has no chart (.timeline)");
        var sizes = labels.EnumerateArray().Select(l => (Text: l.GetProperty("text").GetString()!, Size: l.GetProperty("size").GetDouble(),
            Right: l.GetProperty("right").GetDouble())).ToList();
        var shot = await Screenshots.TakeAsync(page.Page, $"chart/campaign-{width}.png");
        await page.Page.Locator(".timeline").ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "chart", $"chart-{width}.png") });
        output.WriteLine($"{width} px: {site.Articles} articles; {sizes.Count} labels, smallest {sizes.Min(s => s.Size).ToString("F1", CultureInfo.InvariantCulture)} px; " +
                         $"{Path.GetRelativePath(RepoPaths.Root, shot)}");
        output.WriteLine(string.Join(" ", sizes.Take(30).Select(s => $"{s.Text}:{s.Size:F1}")));

        foreach (var year in Enumerable.Range(FirstYear, LastYear - FirstYear + 1))
            sizes.ShouldContain(s => s.Text == year.ToString(), $"the chart names the year {year}");
        var small = sizes.Where(s => s.Size < 12).Select(s => $"“{s.Text}” {s.Size:F1} px").ToList();
        small.ShouldBeEmpty($"at {width} px every label of the chart is at least 12 px");
        var clientWidth = await page.Page.EvaluateAsync<double>("() => document.documentElement.clientWidth");
        sizes.Where(s => s.Right > clientWidth + 0.5).Select(s => s.Text).ShouldBeEmpty($"at {width} px every label is on the screen");
        (await page.Page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth"))
            .ShouldBeTrue($"at {width} px the page does not scroll sideways");
        page.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task The_chart_gives_every_month_its_count_as_text_and_the_busiest_month_the_highest_bar()
    {
        await using var page = await browser.OpenPageAsync(width: 1024, height: 800, javaScript: false);
        await page.GotoAsync(site.CampaignPage);
        (await page.Page.TextContentAsync(".timeline caption"))!.ShouldBe($"“{Campaign}”每月报道数，{FirstYear}年1月至{LastYear}年12月，最多一个月 60 篇");
        var rows = await page.Page.EvalOnSelectorAllAsync<string[][]>(".timeline tbody tr",
            "trs => trs.map(tr => [tr.querySelector('th').textContent, ...[...tr.querySelectorAll('td')].map(td => td.textContent)])");
        rows.Select(r => r[0]).ShouldBe(Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Select(y => y.ToString()), "a row per year, oldest first");
        rows.ShouldAllBe(r => r.Length == 13, "twelve months a year");
        rows.Single(r => r[0] == "2022")[10].ShouldBe("60", "October 2022 has 60 articles");
        rows.Single(r => r[0] == "2018").Skip(1).ShouldAllBe(c => c == "0", "2018 has none");
        var tallest = await page.Page.EvaluateAsync<string>("""
            () => {
              const h = td => { const bar = td.querySelector('.bar'); return bar ? bar.getBoundingClientRect().height : 0; };
              const cells = [...document.querySelectorAll('.timeline td')];
              cells.sort((a, b) => h(b) - h(a));
              return cells[0].title;
            }
            """);
        tallest.ShouldBe("2022年10月：60 篇");
        page.ShouldHaveNoErrors();
    }
}
