using System.Text;
using Baoku.Check;
using Baoku.Build;

namespace Baoku.Tests.Check;

/// <summary>
/// The catalogue of bad inputs: each case writes one small mistake into a sandbox (an article, site.yml or a template)
/// and names the one finding <c>baoku check</c> must report: code, severity, file and line. Nothing else may be reported
/// (except the listed extras), so a case also fails when a check fires where it should not.
/// </summary>
public class CheckCatalogueTests
{
    const string Bad = "content/2023/01/bad.md";

    /// <summary>Front-matter of a good article. Lines: 1 ---, 2 title, 3 date, 4 authors, … 9 orgs, 10 ---, 11 blank, 12 body.</summary>
    const string Fm = """
        title: 测试文章的标题
        date: 2023-01-12
        authors: [张三]
        photographers: []
        campaigns: [四大双千]
        tags: []
        people: []
        orgs: []

        """;

    const string Body = "这是一篇正常的测试文章，正文比标题长得多，没有任何问题。\n";

    static string Md(string frontMatter = Fm, string body = Body) => "---\n" + frontMatter + "---\n\n" + body;

    /// <summary>The good article every case has beside its bad one (and that links may point to).</summary>
    static void Good(CheckSandbox s) => s.Write("content/2023/01/good.md", Md(Fm + "slug: good\n"));

    public sealed record Case(Action<CheckSandbox> Arrange, string Code, ProblemSeverity Severity, string File, int? Line, params string[] AlsoAllowed);

    static Case Article(string text, string code, ProblemSeverity severity, int? line, params string[] alsoAllowed) =>
        new(s => s.Write(Bad, text), code, severity, Bad, line, alsoAllowed);

    static Case BodyCase(string body, string code, int line, ProblemSeverity severity = ProblemSeverity.Warning) => Article(Md(body: body), code, severity, line);

    const ProblemSeverity E = ProblemSeverity.Error, W = ProblemSeverity.Warning;

    static readonly Dictionary<string, Case> Cases = new()
    {
        // ── file and front-matter shape ──
        ["empty file"] = Article("", "BK102", E, null),
        ["file of blank lines"] = Article("  \n\n", "BK102", E, null),
        ["no front-matter"] = Article("只有正文，没有 front-matter。\n", "BK103", E, 1),
        ["front-matter not closed"] = Article("---\ntitle: 标题\ndate: 2023-01-12\n", "BK103", E, 1),
        ["TOML front-matter"] = Article("+++\ntitle = '标题'\n+++\n正文\n", "BK103", E, 1),
        ["blank line before front-matter"] = Article("\n" + Md(), "BK103", E, 1),
        ["GBK bytes"] = new(s => s.WriteBytes(Bad, [.. Encoding.UTF8.GetBytes(Md(body: "")), 0xD5, 0xE2, 0x0A]), "BK101", E, Bad, 12),
        ["UTF-16 file"] = new(s => s.WriteBytes(Bad, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Md())).ToArray()), "BK101", E, Bad, 1),
        ["malformed YAML"] = Article(Md(Fm.Replace("tags: []", "tags: [未闭合")), "BK104", E, 8),
        ["front-matter is a list"] = Article(Md("- 甲\n- 乙\n"), "BK104", E, 2),
        ["empty front-matter"] = Article("---\n---\n\n" + Body, "BK104", E, 1),
        ["importer's review request left in"] = Article(Md(Fm + "review: [没有找到标题，暂用首句]\n"), "BK121", W, 10),
        // ── required fields and types ──
        ["title missing"] = Article(Md(Fm.Replace("title: 测试文章的标题\n", "")), "BK105", E, 1),
        ["title empty"] = Article(Md(Fm.Replace("title: 测试文章的标题", "title:")), "BK105", E, 2),
        ["date missing"] = Article(Md(Fm.Replace("date: 2023-01-12\n", "")), "BK106", E, 1),
        ["date 30 February"] = Article(Md(Fm.Replace("2023-01-12", "2023-02-30")), "BK106", E, 3),
        ["date with slashes"] = Article(Md(Fm.Replace("2023-01-12", "2023/01/12")), "BK106", E, 3),
        ["title is a list"] = Article(Md(Fm.Replace("title: 测试文章的标题", "title: [甲, 乙]")), "BK107", E, 2),
        ["authors is a mapping"] = Article(Md(Fm.Replace("authors: [张三]", "authors: { 记者: 张三 }")), "BK107", E, 4),
        ["draft is not true or false"] = Article(Md(Fm + "draft: maybe\n"), "BK107", E, 10),
        ["misspelt key"] = Article(Md(Fm + "titel: 错拼的键\n"), "BK108", W, 10),
        ["date_confidence unknown"] = Article(Md(Fm + "date_confidence: sure\n"), "BK109", W, 10),
        // ── campaigns, columns, slugs, URLs ──
        ["unknown campaign"] = Article(Md(Fm.Replace("[四大双千]", "[不存在的专题]")), "BK110", E, 6),
        ["unknown column"] = Article(Md(Fm + "column: 不存在的栏目\n"), "BK111", W, 10),
        ["slug with spaces and capitals"] = Article(Md(Fm + "slug: Hello World\n"), "BK112", E, 10),
        ["slug leaving the output folder"] = Article(Md(Fm + "slug: ../evil\n"), "BK112", E, 10),
        ["Chinese file name and no slug"] = new(s => s.Write("content/2023/01/中文名.md", Md()), "BK112", E, "content/2023/01/中文名.md", null),
        ["alias is a full URL"] = Article(Md(Fm + "aliases: [https://example.org/old/]\n"), "BK113", E, 10),
        ["alias climbing out with .."] = Article(Md(Fm + "aliases: [2022/../../etc/]\n"), "BK113", E, 10),
        ["alias is the article's own URL"] = Article(Md(Fm + "slug: mine\naliases: [2023/01/mine/]\n"), "BK114", W, 11),
        ["duplicate slug in one month"] = new(s => { Good(s); s.Write("content/2023/01/later.md", Md(Fm + "slug: good\n")); }, "BK115", E, "content/2023/01/later.md", 10),
        ["slug taking a day archive's URL"] = Article(Md(Fm + "slug: \"12\"\n"), "BK115", E, null),
        ["alias on another article's URL"] = new(s => { Good(s); s.Write(Bad, Md(Fm + "aliases: [2023/01/good/]\n")); }, "BK116", E, Bad, 10),
        // ── body ──
        ["raw HTML in the body"] = BodyCase("这是<b>加粗</b>的正文，比标题长得多的一段文字。\n", "BK117", 12),
        ["javascript: link"] = BodyCase("请点[这里](javascript:alert(1))查看，这段文字比标题长。\n", "BK118", 12),
        ["empty body"] = Article(Md(body: ""), "BK119", W, 10),
        ["link to an article that does not exist"] = BodyCase("详见[上一篇报道](/2023/01/nothing/)，这段文字比标题长。\n", "BK201", 12, E),
        ["relative link to a missing month"] = BodyCase("第一段文字，比标题长得多的一段。\n\n详见[报道](../../2023/02/good/)。\n", "BK201", 14, E),
        ["link to a draft"] = new(s => { s.Write("content/2023/01/draft.md", Md(Fm + "slug: draft\ndraft: true\n")); s.Write(Bad, Md(body: "详见[草稿](/2023/01/draft/)，这段文字比标题长。\n")); }, "BK201", E, Bad, 12),
        ["reference link to nowhere"] = BodyCase("详见[报道][1]，这段文字比标题长得多。\n\n[1]: /2023/01/nowhere/\n", "BK201", 12, E),
        ["link to the Markdown file"] = new(s => { Good(s); s.Write(Bad, Md(body: "详见[报道](good.md)，这段文字比标题长。\n")); }, "BK202", E, Bad, 12),
        ["image that does not exist"] = BodyCase("![现场照片](/assets/photos/none.jpg)\n\n这段文字比标题长得多的一段正文。\n", "BK203", 12, E),
        ["image with a relative path that does not exist"] = BodyCase("第一段文字，比标题长得多的一段。\n\n![照片](images/none.png)\n", "BK203", 14, E),
        ["image beside the article file"] = new(s => { s.WriteBytes("content/2023/01/photo.jpg", [0xFF, 0xD8, 0xFF]); s.Write(Bad, Md(body: "第一段文字，比标题长得多的一段。\n\n![照片](photo.jpg)\n")); }, "BK204", E, Bad, 14),
        // ── suspicious text ──
        ["layout spaces between characters"] = BodyCase("认真学习 党 的 二十大 精神，这段文字比标题长。\n", "BK301", 12),
        ["ideographic space between characters"] = BodyCase("第一段文字，比标题长得多的一段。\n\n深入学习贯彻党的二十大精神　推动高质量发展。\n", "BK301", 14),
        ["lone ⋯ paragraph"] = BodyCase("第一段文字，比标题长得多的一段。\n\n⋯\n\n第二段。\n", "BK302", 14),
        ["lone … line inside a paragraph"] = BodyCase("第一段文字，比标题长得多的一段。\n……\n", "BK302", 13),
        ["box characters of unreadable glyphs"] = BodyCase("第一段文字，比标题长得多的一段。\n\n□□□\n", "BK302", 14),
        ["body shorter than the title"] = BodyCase("很短。\n", "BK303", 12),
        ["placeholder of baoku new left in the body"] = BodyCase("第一段是写好的正文，比标题长得多的一段文字。\n\n【待写正文】在这里写正文，写完后删掉这一段。\n", "BK304", 14),
        // ── hostile input (issue 17) ──
        ["symlink in content/ to a file outside it"] = new(s => s.Link("content/2023/01/passwd.md", "/etc/passwd"),
            "BK174", E, "content/2023/01/passwd.md", null),
        ["symlink in content/ to a folder outside it"] = new(s => s.Link("content/etc", "/etc"), "BK174", E, "content/etc", null),
        ["article file over 1 MB"] = Article(Md(body: string.Concat(Enumerable.Repeat("这是一篇很长的文章，正文比标题长得多。\n\n", 40_000))), "BK170", E, null),
        ["front-matter nested 100,000 deep"] = Article(Md(Fm + "tags: " + new string('[', 100_000) + new string(']', 100_000) + "\n"), "BK171", E, 10),
        ["front-matter nested as a column of - 100,000 deep"] = Article(Md(Fm + "people:\n  " + string.Concat(Enumerable.Repeat("- ", 100_000)) + "甲\n"), "BK171", E, 11),
        ["tab as indentation on line 6"] = Article("---\ntitle: 测试文章的标题\ndate: 2023-01-12\nauthors: [张三]\nsource:\n\tfile: a.txt\n---\n\n" + Body, "BK104", E, 6),
        ["[a repeated 150 times"] = BodyCase("第一段文字，比标题长得多的一段。\n\n" + string.Concat(Enumerable.Repeat("[a", 150)) + "\n", "BK172", 14, E),
        ["list 5,000 levels deep"] = BodyCase("第一段文字，比标题长得多的一段。\n\n" + string.Concat(Enumerable.Repeat("- ", 5000)) + "甲\n", "BK172", 14, E),
        ["blockquote 5,000 levels deep"] = BodyCase(new string('>', 5000) + " 甲\n", "BK172", 12, E),
        ["a* repeated 20,000 times"] = BodyCase(string.Concat(Enumerable.Repeat("a*", 20_000)) + "\n", "BK173", 12, E),
        ["[]( repeated 100,000 times"] = BodyCase("第一段文字，比标题长得多的一段。\n\n" + string.Concat(Enumerable.Repeat("[](", 100_000)) + "\n", "BK173", 14, E),
        ["20,000 headings of the same text"] = BodyCase("第一段文字，比标题长得多的一段。\n\n" + string.Concat(Enumerable.Repeat("## 小标题\n", 20_000)), "BK173", 1014, E),
        ["control character in the title"] = Article(Md(Fm.Replace("title: 测试文章的标题", "title: \"测试\\x01文章的标题\"")), "BK390", W, 2),
        ["form feed in the body"] = BodyCase("这是一篇正常的测试文章，\f正文比标题长得多，没有任何问题。\n", "BK390", 12),
        // ── site.yml ──
        ["site.yml missing"] = new(s => s.Delete("site.yml"), "BK001", E, "site.yml", null),
        ["site.yml malformed YAML"] = new(s => s.Write("site.yml", "title: 报库\ncampaigns: [\n"), "BK001", E, "site.yml", 3),
        ["campaign without threshold"] = new(s => s.Write("site.yml", "title: 报库\ncampaigns:\n  - name: 四大双千\n    slug: sida\n    phrases: { 四大双千: 1 }\n"), "BK001", E, "site.yml", 3),
        ["unknown key in site.yml"] = new(s => s.Write("site.yml", "them: dark\n" + File.ReadAllText(s.SiteYml)), "BK002", W, "site.yml", 1),
        // ── templates and folders ──
        ["template with an unclosed block"] = new(s => s.Write("templates/pages/home.sbn-html", "<h1>报库</h1>\n{{ if page.latest }}<ul></ul>\n"), "BK012", E, "templates/pages/home.sbn-html", 2),
        ["template calling a function that does not exist"] = new(s => s.Write("templates/pages/article.sbn-html", "<h1>{{ page.title }}</h1>\n<p>{{ page.title | no_such_function }}</p>\n"), "BK013", E, "templates/pages/article.sbn-html", 2),
        ["template loop that never ends"] = new(s => s.Write("templates/partials/calendar.sbn-html", "{{ while true }}日{{ end }}\n"), "BK013", E, "templates/partials/calendar.sbn-html", 1),
        ["symlink in templates/ to a file outside it"] = new(s => s.Link("templates/assets/passwd.txt", "/etc/passwd"), "BK080", E, "templates/assets/passwd.txt", null),
        ["site.yml nested 100,000 deep"] = new(s => s.Write("site.yml", "extra: " + new string('[', 100_000) + new string(']', 100_000) + "\n" + File.ReadAllText(s.SiteYml)),
            "BK081", E, "site.yml", 1),
        ["templates folder missing"] = new(s => s.Delete("templates"), "BK011", E, "templates", null),
        ["content folder missing"] = new(s => s.Delete("content"), "BK100", E, "content", null),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Fact]
    public void TheCatalogueHasAtLeastThirtyCasesAndCoversEveryCodeCheckReports()
    {
        Cases.Count.ShouldBeGreaterThanOrEqualTo(30);
        var covered = Cases.Values.Select(c => c.Code).ToHashSet();
        // check reports the codes of site.yml, templates, article files, links and text (BK0xx-BK3xx); an internal
        // error (BK190) and a folder link loop (BK120, tested in ContentLoaderFolderTests) need no bad input here.
        var uncovered = ProblemCodes.All.Select(c => c.Id)
            .Where(c => string.CompareOrdinal(c, "BK400") < 0 && !covered.Contains(c) && c is not ("BK190" or "BK120")).ToList();
        uncovered.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void EachBadInputGivesItsFinding(string name)
    {
        var c = Cases[name];
        using var s = new CheckSandbox();
        Good(s);
        c.Arrange(s);
        var report = s.Check();

        var all = string.Join("\n", report.Findings);
        var expectedFile = c.File.Replace('\\', '/');
        var hit = report.Findings.FirstOrDefault(f => f.Code.Id == c.Code && Normal(f.File, s.Root) == expectedFile);
        hit.ShouldNotBeNull($"{name}: expected {c.Code} in {expectedFile}; found:\n{all}");
        hit.Severity.ShouldBe(c.Severity, $"{name}: {hit}");
        hit.Line.ShouldBe(c.Line, $"{name}: {hit}");
        hit.Code.Severity.ShouldBe(c.Severity, $"{name}: the table's severity for {c.Code}");
        hit.Message.ShouldMatch(@"^[^(]*\p{IsCJKUnifiedIdeographs}[^(]* \([A-Za-z]", $"{name}: Chinese first, then English in parentheses");
        var unexpected = report.Findings.Where(f => f.Code.Id != c.Code && !c.AlsoAllowed.Contains(f.Code.Id)).ToList();
        unexpected.ShouldBeEmpty($"{name}: other findings than {c.Code}:\n{all}");
        report.HasErrors.ShouldBe(c.Severity == ProblemSeverity.Error, name);
    }

    /// <summary>Check and build never disagree: the build fails exactly when check reports an error.</summary>
    [Theory]
    [MemberData(nameof(CaseNames))]
    public void TheBuildFailsExactlyWhenCheckFindsAnError(string name)
    {
        var c = Cases[name];
        using var s = new CheckSandbox();
        Good(s);
        c.Arrange(s);
        var check = s.Check();
        var build = SiteBuild.Run(new BuildOptions(s.Content, s.SiteYml, s.Templates, Path.Combine(s.Root, "public"), false));
        build.HasErrors.ShouldBe(check.HasErrors,
            $"{name}: build says\n{string.Join("\n", build.Problems)}\ncheck says\n{string.Join("\n", check.Findings)}");
    }

    /// <summary>A finding's file relative to the sandbox ("content/…"); the site model names article files "content/…" itself.</summary>
    static string Normal(string file, string root)
    {
        var f = file.Replace('\\', '/');
        var r = root.Replace('\\', '/').TrimEnd('/') + "/";
        return f.StartsWith(r, StringComparison.Ordinal) ? f[r.Length..] : f;
    }
}
