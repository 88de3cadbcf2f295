using System.Text.Json;
using System.Text.RegularExpressions;
using Baoku.Tests.Support.Web;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Baoku.Tests.Web;

/// <summary>
/// templates/assets/style.css in browsers older than the ones the site is made on: without CSS variables (IE, Chrome
/// before 49, Safari before 9.1) every colour must still be set, and without flex gap (Chrome before 84, Safari before
/// 14.1) the menu links and other flex items must not run together. Checked in the stylesheet's text, and in Chromium
/// with var() declarations or gap taken away. Screenshot: tests/TestResults/screenshots/fallbacks/.
/// </summary>
[Collection(RealSiteCollection.Name)]
public sealed partial class StylesheetFallbackTests(BrowserFixture browser, RealSiteFixture site, ITestOutputHelper output)
{
    private static string StylesheetPath => Path.Combine(RepoPaths.Root, "templates", "assets", "style.css");

    private sealed record Declaration(string Property, string Value);

    private sealed record Rule(string Selector, IReadOnlyList<Declaration> Declarations);

    /// <summary>The innermost rules of a stylesheet (those inside @media too), comments removed.</summary>
    private static List<Rule> Rules(string css)
    {
        css = CommentRx().Replace(css, "");
        return RuleRx().Matches(css).Select(m => new Rule(m.Groups[1].Value.Trim(),
            m.Groups[2].Value.Split(';').Select(d => d.Split(':', 2)).Where(p => p.Length == 2)
                .Select(p => new Declaration(p[0].Trim().ToLowerInvariant(), p[1].Trim())).ToList())).ToList();
    }

    [Fact]
    public void Every_var_use_follows_the_same_declaration_with_the_root_colour_written_out()
    {
        var rules = Rules(File.ReadAllText(StylesheetPath));
        var root = rules.Single(r => r.Selector == ":root").Declarations.ToDictionary(d => d.Property, d => d.Value);
        var wrong = new List<string>();
        var uses = 0;
        foreach (var rule in rules.Where(r => r.Selector != ":root"))
            for (int i = 0; i < rule.Declarations.Count; i++)
            {
                var d = rule.Declarations[i];
                if (!d.Value.Contains("var(", StringComparison.Ordinal)) continue;
                uses++;
                var literal = VarRx().Replace(d.Value, m => root.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
                if (literal.Contains("var(", StringComparison.Ordinal)) { wrong.Add($"{rule.Selector} {{ {d.Property}: {d.Value} }} uses a variable :root does not define"); continue; }
                var before = rule.Declarations.Take(i).LastOrDefault(x => x.Property == d.Property);
                if (before is null || before.Value != literal)
                    wrong.Add($"{rule.Selector} {{ {d.Property}: {d.Value} }} needs “{d.Property}: {literal}” before it (has {(before is null ? "none" : $"“{before.Value}”")})");
            }
        output.WriteLine($"{uses} var() uses");
        uses.ShouldBeGreaterThan(0);
        wrong.ShouldBeEmpty("a browser without CSS variables drops these declarations and keeps nothing:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Gap_is_used_only_on_grids_after_grid_gap_and_the_menu_items_have_a_margin()
    {
        var rules = Rules(File.ReadAllText(StylesheetPath));
        var wrong = new List<string>();
        foreach (var rule in rules)
            foreach (var d in rule.Declarations.Where(d => d.Property is "gap" or "row-gap" or "column-gap"))
            {
                if (!rule.Declarations.Any(x => x.Property == "display" && x.Value is "grid" or "inline-grid"))
                    wrong.Add($"{rule.Selector} {{ {d.Property}: {d.Value} }} is not on a grid: flex gap is missing before Chrome 84 and Safari 14.1");
                else if (!rule.Declarations.Any(x => x.Property == "grid-" + d.Property && x.Value == d.Value))
                    wrong.Add($"{rule.Selector} {{ {d.Property}: {d.Value} }} needs grid-{d.Property}: {d.Value} before it (Chrome 57–65, Safari 10.1–11)");
            }
        wrong.ShouldBeEmpty(string.Join("\n", wrong));

        var menu = rules.Where(r => r.Selector.Split(',').Any(s => s.Trim() == ".site-nav li")).SelectMany(r => r.Declarations).ToList();
        menu.ShouldContain(d => (d.Property == "margin-right" && !d.Value.StartsWith('0')) || (d.Property == "margin" && d.Value.Split(' ').Length >= 2 && !d.Value.Split(' ')[1].StartsWith('0')),
            ".site-nav li has a right margin that keeps the menu links apart without gap");
    }

    /// <summary>Every flex container's items that must stand apart, on the page where they show.</summary>
    private static readonly (string Page, string Items)[] SpacedItems =
    [
        ("", ".site-nav li"),
        ("", ".masthead-tools > :not([hidden])"),
        ("", ".site-search > *"),
        ("search/index.html?q=%E6%B8%85%E5%BB%89", ".search-row > *"),
        ("search/index.html?q=%E6%B8%85%E5%BB%89", ".search-filter"),
        ("tags/", ".term-cloud li"),
    ];

    /// <summary>
    /// For each pair of neighbours on one line: the space between them (px). Items that wrapped to a new line are not
    /// neighbours.
    /// </summary>
    private const string Spaces = """
        sel => {
          const items = [...document.querySelectorAll(sel)].filter(e => e.getBoundingClientRect().width > 0 && getComputedStyle(e).position !== 'absolute');
          const out = [];
          for (let i = 1; i < items.length; i++) {
            const a = items[i - 1].getBoundingClientRect(), b = items[i].getBoundingClientRect();
            if (Math.abs(a.top - b.top) < 4) out.push({ a: items[i - 1].textContent.trim().slice(0, 8), b: items[i].textContent.trim().slice(0, 8), space: b.left - a.right });
          }
          return out;
        }
        """;

    private const string NoGap = "* { gap: normal !important; row-gap: normal !important; column-gap: normal !important; }";

    [Theory]
    [InlineData(360)]
    [InlineData(1024)]
    public async Task Without_flex_gap_the_menu_links_and_other_flex_items_stay_apart(int width)
    {
        var wrong = new List<string>();
        await using var page = await browser.OpenPageAsync(width: width, height: 800);
        foreach (var group in SpacedItems.GroupBy(s => s.Page))
        {
            await page.GotoAsync(site.Server.Url(group.Key));
            if (group.Key.StartsWith("search/"))
                await page.Page.WaitForSelectorAsync("#search-results[data-state=done]", new() { Timeout = 15_000 });
            await page.Page.EvaluateAsync("() => { const f = document.getElementById('search-filters'); if (f) f.open = true; }");
            await page.Page.AddStyleTagAsync(new() { Content = NoGap });
            if (group.Key == "")
            {
                var shot = Path.Combine(Screenshots.Folder, "fallbacks", $"menu-without-gap-{width}.png");
                Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
                await page.Page.Locator("header.site-header").ScreenshotAsync(new() { Path = shot });
                output.WriteLine($"{Path.GetRelativePath(RepoPaths.Root, shot)}");
            }
            foreach (var (_, items) in group)
            {
                var spaces = await page.Page.EvaluateAsync<JsonElement>(Spaces, items);
                var pairs = spaces.EnumerateArray().Select(s => (A: s.GetProperty("a").GetString(), B: s.GetProperty("b").GetString(), Space: s.GetProperty("space").GetDouble())).ToList();
                output.WriteLine($"{width} px, {items}: {string.Join(", ", pairs.Select(p => $"{p.A}|{p.B} {p.Space:F0}"))}");
                wrong.AddRange(pairs.Where(p => p.Space < 4).Select(p => $"{group.Key} {items}: “{p.A}” and “{p.B}” are {p.Space:F1} px apart"));
            }
        }
        site.Config.Menu.Count.ShouldBeGreaterThan(1);
        wrong.ShouldBeEmpty($"at {width} px without gap:\n" + string.Join("\n", wrong));
        page.ShouldHaveNoErrors();
    }

    /// <summary>
    /// A browser without CSS variables drops every declaration with var() as invalid and keeps what came before. The
    /// stylesheet is loaded that way (its var() declarations removed) in place of the real one: every element of each
    /// page must get the same colours as with the real stylesheet.
    /// </summary>
    [Fact]
    public async Task Without_CSS_variables_every_element_has_the_same_colours()
    {
        var css = File.ReadAllText(StylesheetPath);
        var withoutVars = VarDeclarationRx().Replace(CommentRx().Replace(css, ""), "");
        withoutVars.ShouldNotContain("var(");
        const string colours = """
            () => [document.documentElement, document.body, ...document.body.querySelectorAll('*')].map((e, i) => {
              const s = getComputedStyle(e);
              return `${i} ${e.tagName}.${e.className}: ${s.color} ${s.backgroundColor} ${s.borderTopColor} ${s.borderBottomColor} ${s.borderLeftColor} ${s.outlineColor}`;
            })
            """;
        var date = site.Articles.Max(a => a.Meta.Date);
        var differences = new List<string>();
        await using var page = await browser.OpenPageAsync(width: 1024, height: 800);
        foreach (var path in new[] { "", $"campaigns/{site.Config.Campaigns[0].Slug}/", $"{date:yyyy}/{date:MM}/{date:dd}/", "search/index.html?q=%E6%B8%85%E5%BB%89" })
        {
            await page.GotoAsync(site.Server.Url(path));
            if (path.StartsWith("search/"))
                await page.Page.WaitForSelectorAsync("#search-results[data-state=done]", new() { Timeout = 15_000 });
            var real = await page.Page.EvaluateAsync<string[]>(colours);
            await page.Page.EvaluateAsync("css => { const s = document.createElement('style'); s.textContent = css; document.querySelector('link[rel=stylesheet]').replaceWith(s); }", withoutVars);
            var old = await page.Page.EvaluateAsync<string[]>(colours);
            old.Length.ShouldBe(real.Length);
            differences.AddRange(real.Zip(old).Where(p => p.First != p.Second).Take(5).Select(p => $"{path}: {p.First}  →  without variables: {p.Second}"));
            output.WriteLine($"{path}: {real.Length} elements compared");
        }
        differences.ShouldBeEmpty("colours that a browser without CSS variables does not get:\n" + string.Join("\n", differences));
        page.ShouldHaveNoErrors();
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CommentRx();

    [GeneratedRegex(@"([^{}]+)\{([^{}]*)\}")]
    private static partial Regex RuleRx();

    [GeneratedRegex(@"var\((--[\w-]+)\)")]
    private static partial Regex VarRx();

    /// <summary>A declaration whose value uses var(), up to its ; or the end of its block.</summary>
    [GeneratedRegex(@"[\w-]+\s*:[^;{}]*var\([^;{}]*(;|(?=\}))")]
    private static partial Regex VarDeclarationRx();
}
