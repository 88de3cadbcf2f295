using System.Diagnostics;
using System.Text;
using Baoku.Content;

namespace Baoku.Tests.Content;

/// <summary>
/// <see cref="ContentLoader.Load"/> on folders: the repository's own content/, a benchmark corpus, which files are read,
/// order and determinism, and the checks across files (duplicate URLs, colliding aliases).
/// </summary>
public sealed class ContentLoaderFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("baoku-content-").FullName;
    private string ContentDir => Path.Combine(_root, "content");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Article(string title, string date, string? slug = null, params string[] extra) =>
        "---\ntitle: " + title + "\ndate: " + date + "\n" + (slug is null ? "" : "slug: " + slug + "\n")
        + string.Concat(extra.Select(l => l + "\n")) + "---\n\n正文。\n";

    private void Write(string relativePath, string text) => Write(relativePath, Encoding.UTF8.GetBytes(text));

    private void Write(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(ContentDir, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private ContentLoadResult Load() => ContentLoader.Load(ContentDir, ContentTestSite.Config);

    private string Shown(string relativePath) => ContentDir.Replace('\\', '/') + "/" + relativePath;

    // ───────────── real content and the benchmark corpus ─────────────

    [Fact]
    public void TheRepositorysContentLoadsWithoutAnyProblem()
    {
        var dir = Path.Combine(ContentTestSite.RepoRoot, "content");
        var result = ContentLoader.Load(dir, ContentTestSite.Config);

        result.Problems.ShouldBeEmpty();
        result.HasErrors.ShouldBeFalse();
        var files = Directory.GetFiles(dir, "*.md", SearchOption.AllDirectories);
        files.Length.ShouldBeGreaterThan(5);
        result.Articles.Count.ShouldBe(files.Length);
        result.Articles.ShouldAllBe(a => a.Meta.Title.Length > 0 && a.Markdown.Length > 100 && a.BodyStartLine > 5);
        // every article lives in the folder of its date
        result.Articles.ShouldAllBe(a => a.RelativePath.StartsWith($"{a.Meta.Date.Year:D4}/{a.Meta.Date.Month:D2}/{a.Slug}.md"));
        result.Articles.SelectMany(a => a.Meta.Campaigns).Distinct().ShouldBeSubsetOf(ContentTestSite.Config.Campaigns.Select(c => c.Name));
    }

    [Fact]
    public void ABenchmarkCorpusLoadsWithNoErrorsAndWarnsOnlyAboutItsColumns()
    {
        const int n = 300;
        MakeCorpus(_root, n);

        var result = Load();

        result.Problems.Where(p => p.Severity == ProblemSeverity.Error).ShouldBeEmpty();
        result.Articles.Count.ShouldBe(n);
        // The corpus uses columns our site.yml does not list; nothing else is reported.
        result.Problems.ShouldAllBe(p => p.Severity == ProblemSeverity.Warning && p.Message.Contains("is not listed under columns in site.yml"));
        result.Problems.ShouldNotBeEmpty();
        result.Articles.ShouldContain(a => a.Meta.Kicker != null && a.Meta.Column != null && a.Meta.Campaigns.Count > 0);
        result.Articles.ShouldAllBe(a => a.Slug.StartsWith("a-") && a.Meta.Authors.Count > 0 && a.Meta.Tags.Count > 0);
    }

    /// <summary>Runs the benchmark's corpus generator (python3 /work/shared/bench/make-corpus.py) into <paramref name="outDir"/>/content.</summary>
    private static void MakeCorpus(string outDir, int articles)
    {
        const string script = "/work/shared/bench/make-corpus.py";
        File.Exists(script).ShouldBeTrue($"the benchmark corpus generator {script} is missing: this test needs it");
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { script, outDir, "--articles", articles.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "1" })
            psi.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException("python3 did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"python3 is needed to run {script} and was not found: {e.Message}", e);
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.ShouldBe(0, $"{script} failed: {stderr.Result}");
        }
    }

    // ───────────── which files, in which order ─────────────

    [Fact]
    public void OnlyMarkdownFilesOutsideDotFoldersAndNotStartingWithUnderscoreOrDotAreLoaded()
    {
        Write("2023/01/b.md", Article("乙", "2023-01-12"));
        Write("2023/01/_index.md", "not an article");
        Write("2023/01/.hidden.md", "not an article");
        Write(".git/x.md", "not an article");
        Write("2023/.drafts/c.md", "not an article");
        Write(".import-manifest.json", "{}");
        Write("2023/01/photo.jpg", [0xFF, 0xD8, 0xFF]);
        Write("2023/01/notes.txt", "notes");
        Write("_drafts/d.md", Article("丁", "2023-01-12")); // folders starting with _ are read; only files are skipped

        var result = Load();

        result.Problems.ShouldBeEmpty();
        result.Articles.Select(a => a.RelativePath).ShouldBe(["2023/01/b.md", "_drafts/d.md"]);
    }

    [Fact]
    public void ArticlesComeInOrdinalOrderOfTheirRelativePathsAndLoadingIsDeterministic()
    {
        string[] paths = ["2023/01/b.md", "2022/12/z.md", "2023/01/a-2.md", "2023/01/a-10.md", "2023/01/B.md", "2023/10/a.md", "2023/02/a.md"];
        foreach (var (p, i) in paths.Select((p, i) => (p, i)))
            Write(p, Article("标题" + i, p[..4] + "-" + p[5..7] + "-01", "s-" + i, "tags: [乙, 甲]"));
        Write("2023/01/bad.md", "no front-matter");
        Write("2022/01/bad.md", "---\ntitle: x\n---\n");

        var first = Load();
        var second = Load();

        first.Articles.Select(a => a.RelativePath).ShouldBe(paths.Order(StringComparer.Ordinal));
        first.Problems.Select(p => p.File).Distinct().ShouldBe([Shown("2022/01/bad.md"), Shown("2023/01/bad.md")]);
        second.Articles.Select(a => (a.RelativePath, a.Markdown, a.BodyStartLine, a.Meta.Title, a.Meta.Slug))
            .ShouldBe(first.Articles.Select(a => (a.RelativePath, a.Markdown, a.BodyStartLine, a.Meta.Title, a.Meta.Slug)));
        second.Problems.ShouldBe(first.Problems);
        first.Articles[0].Meta.Tags.ShouldBe(["乙", "甲"]);
    }

    [Fact]
    public void ProblemsNameTheFileUnderTheContentFolderAsGiven()
    {
        Write("2023/01/bad.md", "no front-matter");
        var cwd = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = _root;
            var result = ContentLoader.Load("content", ContentTestSite.Config);
            result.Problems.ShouldHaveSingleItem().File.ShouldBe("content/2023/01/bad.md");
            result.Problems[0].ToString().ShouldStartWith("content/2023/01/bad.md:1: error: 没有 front-matter");
        }
        finally
        {
            Environment.CurrentDirectory = cwd;
        }
    }

    [Fact]
    public void BomAndCrlfFilesLoad()
    {
        Write("2023/01/bom.md", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Article("甲", "2023-01-12"))).ToArray());
        Write("2023/01/crlf.md", Article("乙", "2023-01-12", null, "authors: [陈晓苏]").Replace("\n", "\r\n"));

        var result = Load();

        result.Problems.ShouldBeEmpty();
        result.Articles.Select(a => (a.Slug, a.Meta.Title, a.Markdown)).ShouldBe([("bom", "甲", "\n正文。\n"), ("crlf", "乙", "\n正文。\n")]);
        result.Articles[1].Meta.Authors.ShouldBe(["陈晓苏"]);
        result.Articles[1].BodyStartLine.ShouldBe(6);
    }

    [Fact]
    public void ANonUtf8FileIsAnErrorAndTheOthersStillLoad()
    {
        Write("2023/01/gbk.md", Encoding.UTF8.GetBytes("---\ntitle: ").Concat(new byte[] { 0xD6, 0xD0, (byte)'\n' }).ToArray());
        Write("2023/01/ok.md", Article("甲", "2023-01-12"));

        var result = Load();

        result.HasErrors.ShouldBeTrue();
        var e = result.Problems.ShouldHaveSingleItem();
        (e.File, e.Line, e.Severity).ShouldBe((Shown("2023/01/gbk.md"), 2, ProblemSeverity.Error));
        e.Message.ShouldContain("不是 UTF-8 编码");
        result.Articles.ShouldHaveSingleItem().Slug.ShouldBe("ok");
    }

    [Fact]
    public void AFolderLinkThatPointsBackIsSkippedWithAWarning()
    {
        Write("2023/01/a.md", Article("甲", "2023-01-12"));
        Directory.CreateSymbolicLink(Path.Combine(ContentDir, "2023", "loop"), ContentDir);

        var result = Load();

        result.Articles.Select(a => a.RelativePath).ShouldBe(["2023/01/a.md"]);
        var w = result.Problems.ShouldHaveSingleItem();
        (w.File, w.Severity).ShouldBe((Shown("2023/loop"), ProblemSeverity.Warning));
        w.Message.ShouldContain("folder already read");
    }

    [Fact]
    public void AMissingContentFolderIsAnErrorNotAnException()
    {
        var result = ContentLoader.Load(Path.Combine(_root, "nowhere"), ContentTestSite.Config);
        result.Articles.ShouldBeEmpty();
        result.Problems.ShouldHaveSingleItem().Message.ShouldContain("content folder not found");
    }

    // ───────────── across files ─────────────

    [Fact]
    public void TwoArticlesWithTheSameYearMonthAndSlugAreAnErrorOnTheSecondNamingTheFirst()
    {
        Write("2023/01/a.md", Article("甲", "2023-01-12", "same"));
        Write("2023/01/b.md", Article("乙", "2023-01-30", "same"));
        Write("2023/02/c.md", Article("丙", "2023-02-01", "same")); // another month: another URL

        var result = Load();

        result.Articles.Select(a => a.RelativePath).ShouldBe(["2023/01/a.md", "2023/02/c.md"]);
        var e = result.Problems.ShouldHaveSingleItem();
        (e.File, e.Line, e.Severity).ShouldBe((Shown("2023/01/b.md"), 4, ProblemSeverity.Error));
        e.Message.ShouldContain("2023/01/same/");
        e.Message.ShouldContain(Shown("2023/01/a.md"));
        e.Message.ShouldContain("duplicate URL");
    }

    [Fact]
    public void AFileNameSlugCollidesWithAnotherArticlesSlugToo()
    {
        Write("2023/01/same.md", Article("甲", "2023-01-12"));
        Write("2023/01/zz.md", Article("乙", "2023-01-13", "same"));

        var result = Load();

        result.Problems.ShouldHaveSingleItem().File.ShouldBe(Shown("2023/01/zz.md"));
        result.Articles.ShouldHaveSingleItem().RelativePath.ShouldBe("2023/01/same.md");
    }

    [Fact]
    public void AnAliasOnAnotherArticlesUrlIsAnErrorOnTheArticleWithTheAlias()
    {
        Write("2023/01/a.md", Article("甲", "2023-01-12", "a-1", "aliases: [/2023/02/b-1/]"));
        Write("2023/02/b.md", Article("乙", "2023-02-12", "b-1"));

        var result = Load();

        var e = result.Problems.ShouldHaveSingleItem();
        (e.File, e.Line, e.Severity).ShouldBe((Shown("2023/01/a.md"), 5, ProblemSeverity.Error));
        e.Message.ShouldContain("2023/02/b-1/");
        e.Message.ShouldContain(Shown("2023/02/b.md"));
        result.Articles.ShouldHaveSingleItem().RelativePath.ShouldBe("2023/02/b.md");
    }

    [Fact]
    public void TwoArticlesWithTheSameAliasAreAnErrorOnTheSecond()
    {
        Write("2023/01/a.md", Article("甲", "2023-01-12", "a-1", "aliases: [old/page/]"));
        Write("2023/01/b.md", Article("乙", "2023-01-13", "b-1", "aliases:", "  - news/1.html", "  - /old/page"));

        var result = Load();

        var e = result.Problems.ShouldHaveSingleItem();
        (e.File, e.Line, e.Severity).ShouldBe((Shown("2023/01/b.md"), 7, ProblemSeverity.Error));
        e.Message.ShouldContain("old/page/");
        e.Message.ShouldContain("already an alias of " + Shown("2023/01/a.md"));
        result.Articles.ShouldHaveSingleItem().RelativePath.ShouldBe("2023/01/a.md");
    }

    [Fact]
    public void AliasesThatDifferOnlyInCaseCollide()
    {
        Write("2023/01/a.md", Article("甲", "2023-01-12", "a-1", "aliases: [Old/Page/]"));
        Write("2023/01/b.md", Article("乙", "2023-01-13", "b-1", "aliases: [old/page/]"));

        Load().Problems.ShouldHaveSingleItem().File.ShouldBe(Shown("2023/01/b.md"));
    }
}
