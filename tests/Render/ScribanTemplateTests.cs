using System.Text.RegularExpressions;
using Baoku.Build;
using Baoku.Render;
using Baoku.Tests.Support;

namespace Baoku.Tests.Render;

/// <summary>The Scriban template layer: escaping by default, the site's templates over the bundled ones, and template errors an editor can act on.</summary>
public class ScribanTemplateTests
{
    const string Script = "<script>alert(1)</script>";
    const string Escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";

    static string ArticleFile(BuildSandbox s) => Path.Combine(s.Content, "2023", "01", "20230112-c58276a3.md");

    static string Page(BuildSandbox s, string sitePath) => File.ReadAllText(Path.Combine(s.Output, sitePath));

    [Fact]
    public void A_script_tag_in_a_title_tag_person_or_column_comes_out_escaped_on_every_page_kind()
    {
        using var s = new BuildSandbox();
        var file = ArticleFile(s);
        var text = File.ReadAllText(file)
            .Replace("title: 政企同心 携手打造世界五金之都", $"title: \"标题{Script}\"")
            .Replace("column: 时政·要闻", $"column: \"栏目{Script}\"")
            .Replace("tags: [营商环境,", $"tags: [\"标签{Script}\", 营商环境,")
            .Replace("people: [胡勇春,", $"people: [\"人物{Script}\", 胡勇春,");
        File.WriteAllText(file, text);
        File.WriteAllText(s.SiteYml, File.ReadAllText(s.SiteYml).Replace("columns: [二十大精神在基层, 时政·要闻]", $"columns: [二十大精神在基层, 时政·要闻, \"栏目{Script}\"]"));

        var r = s.Build();
        r.Published.ShouldBeTrue(string.Join("\n", r.Problems));
        var pages = Directory.GetFiles(s.Output, "*.html", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(s.Output, f).Replace('\\', '/'), File.ReadAllText);
        pages.Where(p => p.Value.Contains(Script, StringComparison.Ordinal)).Select(p => p.Key).ShouldBeEmpty("no page holds the script tag as markup");

        // Every kind of page that shows one of the four values shows it as text.
        string[] kinds =
        [
            "2023/01/20230112-c58276a3/index.html",   // the article: title, column, tag, person
            "index.html",                            // home: the latest articles
            "2023/01/index.html", "2023/01/12/index.html", "2023/index.html",   // month, day, year lists
            "tags/index.html", "people/index.html", "columns/index.html",        // the taxonomies
        ];
        foreach (var kind in kinds)
            pages[kind].ShouldContain(Escaped, customMessage: kind);
        foreach (var (value, taxonomy) in new[] { ("标签", "tags/"), ("人物", "people/"), ("栏目", "columns/") })
        {
            var term = pages.Single(p => p.Key.StartsWith(taxonomy, StringComparison.Ordinal) && p.Key != taxonomy + "index.html"
                && p.Value.Contains($"<h1>", StringComparison.Ordinal) && p.Value.Contains(value + Escaped, StringComparison.Ordinal)
                && Regex.IsMatch(p.Value, "<h1>[^<]*" + Regex.Escape(value + Escaped)));
            term.Value.ShouldContain("<title>" + value + Escaped, customMessage: term.Key);
        }
        var sourcePage = pages.Single(p => p.Key.StartsWith("pages/", StringComparison.Ordinal) && p.Value.Contains("标题" + Escaped, StringComparison.Ordinal));
        sourcePage.Key.ShouldNotBe("pages/index.html");
    }

    [Fact]
    public void A_file_in_the_sites_templates_overrides_the_bundled_one_and_every_other_file_comes_from_the_bundle()
    {
        using var s = new BuildSandbox();
        // The site keeps only what it changes: its article page (a custom footer) and one extra asset.
        var bundled = Path.Combine(s.Root, "bundled");
        Directory.Move(s.Templates, bundled);
        Directory.CreateDirectory(Path.Combine(s.Templates, "pages"));
        Directory.CreateDirectory(Path.Combine(s.Templates, "assets"));
        File.WriteAllText(Path.Combine(s.Templates, "pages", "article.sbn-html"),
            File.ReadAllText(Path.Combine(bundled, "pages", "article.sbn-html")).Replace("</article>", "<p class=\"house-footer\">本报记者 版权所有</p>\n</article>"));
        File.WriteAllText(Path.Combine(s.Templates, "assets", "house.css"), ".house-footer { color: #a00; }\n");
        File.WriteAllText(Path.Combine(s.Templates, "assets", "favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");

        var (templates, problems) = TemplateSet.Load(TemplateFolders.Over(s.Templates, bundled));
        problems.ShouldBeEmpty();
        templates.ShouldNotBeNull();
        // The build itself takes the bundled templates beside the program: the test program's are the repo's, the
        // same files as the sandbox's bundle.
        var r = SiteBuild.Run(new BuildOptions(s.Content, s.SiteYml, s.Templates, s.Output, false));
        r.Published.ShouldBeTrue(string.Join("\n", r.Problems));
        Page(s, "2023/01/20230112-c58276a3/index.html").ShouldContain("<p class=\"house-footer\">本报记者 版权所有</p>");
        Page(s, "index.html").ShouldNotContain("house-footer");
        Page(s, "index.html").ShouldContain("<ul class=\"article-list\">", customMessage: "the home page comes from the bundled theme");
        File.ReadAllText(Path.Combine(s.Output, "assets", "house.css")).ShouldContain(".house-footer");
        File.ReadAllText(Path.Combine(s.Output, "assets", "favicon.svg")).ShouldBe("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
        File.ReadAllBytes(Path.Combine(s.Output, "assets", "style.css")).ShouldBe(File.ReadAllBytes(Path.Combine(bundled, "assets", "style.css")));
    }

    [Fact]
    public void The_layers_resolve_file_by_file_the_sites_first()
    {
        using var s = new BuildSandbox();
        var bundled = Path.Combine(s.Root, "bundled");
        TestFolders.Copy(s.Templates, bundled);
        Directory.Delete(Path.Combine(s.Templates, "partials"), true);
        File.WriteAllText(Path.Combine(s.Templates, "pages", "home.sbn-html"), "首页");
        var folders = TemplateFolders.Over(s.Templates, bundled);
        folders.Find("pages/home.sbn-html").ShouldBe(Path.Combine(s.Templates, "pages/home.sbn-html"));
        folders.Find("partials/calendar.sbn-html").ShouldBe(Path.Combine(bundled, "partials/calendar.sbn-html"));
        folders.Find("partials/none.sbn-html").ShouldBeNull();
        folders.Files().Select(f => f.Relative).ShouldBe(folders.Files().Select(f => f.Relative).Distinct().Order(StringComparer.Ordinal));
        TemplateFolders.Over(bundled, bundled).Bundled.ShouldBeNull("a folder over itself is one layer");
    }

    [Theory]
    [InlineData("a filter that does not exist", "<h1>{{ page.title }}</h1>\n<p>{{ page.title | no_such_function }}</p>\n", 2, "模板运行出错")]
    [InlineData("a misspelt variable", "<h1>{{ page.title }}</h1>\n\n<p>{{ titel }}</p>\n", 3, "模板运行出错")]
    [InlineData("a loop that never ends", "<h1>{{ page.title }}</h1>\n{{ while true }}日{{ end }}\n", 2, "可能永远不会结束")]
    [InlineData("a partial that includes itself", "<h1>{{ page.title }}</h1>\n{{ include 'term-links' '专题' page.campaigns }}\n", 2, "无限递归")]
    public void A_template_that_fails_while_rendering_stops_the_build_with_file_line_and_column_and_keeps_the_previous_site(string what, string template, int line, string words)
    {
        using var s = new BuildSandbox();
        s.Build().Published.ShouldBeTrue();
        var before = s.Snapshot();
        var page = Path.Combine(s.Templates, "pages", "article.sbn-html");
        File.WriteAllText(page, template);
        if (what.Contains("itself", StringComparison.Ordinal))
            File.WriteAllText(Path.Combine(s.Templates, "partials", "term-links.sbn-html"), "{{ include 'term-links' $1 $2 }}");

        var r = s.Build();
        r.Published.ShouldBeFalse(what);
        var problem = r.Problems.Single(p => p.IsError);
        problem.Code.Id.ShouldBe("BK013", what);
        if (!what.Contains("itself", StringComparison.Ordinal))
        {
            problem.File.ShouldBe(page, what);
            problem.Line.ShouldBe(line, what);
        }
        problem.Column.ShouldNotBeNull(what);
        problem.Message.ShouldContain(words, customMessage: what);
        problem.Message.ShouldNotContain("   at ", customMessage: what);
        s.Snapshot().ShouldBe(before, what + ": the previous site is kept");
    }
}
