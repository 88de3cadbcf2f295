using Baoku.Build;
using Baoku.Tests.Support;

namespace Baoku.Tests.Build;

/// <summary>
/// The build with its cache: after an edit, the output folder must be byte for byte what a full build of the same
/// inputs gives (files and folders), while only the files that differ are written.
/// </summary>
public sealed class IncrementalBuildTests : IDisposable
{
    readonly BuildSandbox _box = new();
    string Cache => Path.Combine(_box.Root, "cache");

    public void Dispose() => _box.Dispose();

    BuildResult Build(bool full = false) =>
        SiteBuild.Run(new BuildOptions(_box.Content, _box.SiteYml, _box.Templates, _box.Output, false, CacheDir: Cache, Full: full));

    /// <summary>A full build without any cache, into a folder of its own: the reference.</summary>
    (SortedDictionary<string, string> Files, List<string> Folders) Reference()
    {
        var folder = Path.Combine(_box.Root, "reference");
        var r = SiteBuild.Run(new BuildOptions(_box.Content, _box.SiteYml, _box.Templates, folder, false));
        r.Published.ShouldBeTrue(string.Join("\n", r.Problems));
        return (BuildSandbox.Snapshot(folder), Folders(folder));
    }

    static List<string> Folders(string folder) =>
        Directory.GetDirectories(folder, "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(folder, d).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

    /// <summary>When each file of the site was written (the folder's marker is not a file of the site: each publish writes it).</summary>
    Dictionary<string, DateTime> Times() =>
        Directory.GetFiles(_box.Output, "*", SearchOption.AllDirectories).Select(f => (Path: Path.GetRelativePath(_box.Output, f).Replace('\\', '/'), File: f))
            .Where(f => f.Path != OutputMarker.FileName).ToDictionary(f => f.Path, f => File.GetLastWriteTimeUtc(f.File));

    void ShouldEqualFullBuild(string after)
    {
        var (files, folders) = Reference();
        var mine = _box.Snapshot();
        mine.Keys.Except(files.Keys).ShouldBeEmpty($"{after}: files the full build does not make");
        files.Keys.Except(mine.Keys).ShouldBeEmpty($"{after}: files the full build makes but the incremental one lacks");
        files.Where(f => mine[f.Key] != f.Value).Select(f => f.Key).ShouldBeEmpty($"{after}: files whose bytes differ from the full build's");
        Folders(_box.Output).ShouldBe(folders, $"{after}: the same folders (none left empty)");
    }

    string AnArticle() => Directory.GetFiles(_box.Content, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();

    static void ReplaceTitle(string file, string newTitle)
    {
        var lines = File.ReadAllLines(file);
        int i = Array.FindIndex(lines, l => l.StartsWith("title:", StringComparison.Ordinal));
        i.ShouldBeGreaterThanOrEqualTo(0, $"{file} has a title line");
        lines[i] = "title: " + newTitle;
        File.WriteAllLines(file, lines);
    }

    [Fact]
    public void A_rebuild_with_nothing_changed_writes_nothing_and_says_the_site_is_up_to_date()
    {
        var first = Build();
        first.Published.ShouldBeTrue(string.Join("\n", first.Problems));
        first.Incremental.ShouldBeFalse("no cache yet: a full build");
        var before = Times();
        var snapshot = _box.Snapshot();

        var again = Build();
        again.UpToDate.ShouldBeTrue();
        again.Published.ShouldBeTrue();
        again.Articles.ShouldBe(first.Articles);
        again.Problems.ShouldBe(first.Problems.Where(p => p.Severity == ProblemSeverity.Warning).ToList(), "the warnings are shown again");
        Times().ShouldBe(before, "no file is touched");
        _box.Snapshot().ShouldBe(snapshot);
    }

    [Fact]
    public void Editing_one_title_rewrites_only_the_files_that_show_it_and_matches_a_full_build()
    {
        Build().Published.ShouldBeTrue();
        var before = Times();
        var article = AnArticle();
        ReplaceTitle(article, "增量构建测试标题");

        var r = Build();
        r.Published.ShouldBeTrue(string.Join("\n", r.Problems));
        r.Incremental.ShouldBeTrue();
        r.UpToDate.ShouldBeFalse();
        var after = Times();
        var rewritten = after.Where(f => !before.TryGetValue(f.Key, out var t) || t != f.Value).Select(f => f.Key).ToList();
        rewritten.Count.ShouldBe(r.FilesChanged, "the files reported as changed are the ones rewritten");
        rewritten.ShouldContain(p => p.StartsWith("search/", StringComparison.Ordinal), "the index knows the title");
        rewritten.Where(p => p.EndsWith(".html", StringComparison.Ordinal))
            .ShouldAllBe(p => File.ReadAllText(Path.Combine(_box.Output, p)).Contains("增量构建测试标题"),
                "a page is rewritten because it shows the new title");
        rewritten.Count.ShouldBeLessThan(before.Count / 2, "most of the site does not show that title");
        ShouldEqualFullBuild("after editing a title");
    }

    [Fact]
    public void After_an_incremental_build_a_rebuild_with_nothing_changed_is_up_to_date()
    {
        // The manifest keeps the linked files' entries as they were and reads the times of the written ones only:
        // a wrong time there would make the next build distrust the folder and rebuild.
        Build().Published.ShouldBeTrue();
        ReplaceTitle(AnArticle(), "增量构建之后");
        var edit = Build();
        edit.Incremental.ShouldBeTrue();
        edit.FilesChanged.ShouldBeLessThan(edit.FilesWritten, "most files are linked, not written");
        var before = Times();

        var again = Build();
        again.UpToDate.ShouldBeTrue("the manifest matches the folder the incremental build published");
        Times().ShouldBe(before);
    }

    [Fact]
    public void Deleting_an_article_removes_its_pages_and_matches_a_full_build()
    {
        Build().Published.ShouldBeTrue();
        File.Delete(AnArticle());
        var r = Build();
        r.Published.ShouldBeTrue(string.Join("\n", r.Problems));
        r.Incremental.ShouldBeTrue();
        r.FilesDeleted.ShouldBeGreaterThan(0);
        ShouldEqualFullBuild("after deleting an article");
    }

    [Fact]
    public void A_template_edit_rewrites_pages_but_keeps_the_search_index_and_matches_a_full_build()
    {
        Build().Published.ShouldBeTrue();
        var before = Times();
        var layout = Path.Combine(_box.Templates, "layouts", "base.sbn-html");
        File.WriteAllText(layout, File.ReadAllText(layout).Replace("</body>", "<!-- 模板改动 --></body>"));

        var r = Build();
        r.Published.ShouldBeTrue(string.Join("\n", r.Problems));
        var after = Times();
        after.Where(f => f.Key.StartsWith("search/", StringComparison.Ordinal) && f.Key.EndsWith(".js", StringComparison.Ordinal))
            .ShouldAllBe(f => before[f.Key] == f.Value, "no searchable text changed: the index files are kept");
        File.ReadAllText(Path.Combine(_box.Output, "index.html")).ShouldContain("<!-- 模板改动 -->");
        ShouldEqualFullBuild("after a template edit");
    }

    [Fact]
    public void A_file_changed_or_added_by_hand_in_the_output_is_put_back_as_the_build_makes_it()
    {
        Build().Published.ShouldBeTrue();
        File.WriteAllText(Path.Combine(_box.Output, "index.html"), "手工改动");
        File.WriteAllText(Path.Combine(_box.Output, "stray.txt"), "不是构建生成的");
        File.Delete(Path.Combine(_box.Output, "search", "meta.js"));

        var r = Build();
        r.UpToDate.ShouldBeFalse("the output folder is not what the last build left");
        ShouldEqualFullBuild("after hand edits in the output folder");
    }

    [Fact]
    public void A_broken_edit_fails_without_touching_the_site_and_the_fix_builds_incrementally()
    {
        Build().Published.ShouldBeTrue();
        var snapshot = _box.Snapshot();
        var article = AnArticle();
        var good = File.ReadAllText(article);
        File.WriteAllText(article, good.Replace("title:", "title: [未闭合"));

        var broken = Build();
        broken.Published.ShouldBeFalse();
        broken.HasErrors.ShouldBeTrue();
        _box.Snapshot().ShouldBe(snapshot, "a failed build leaves the site as it was");

        File.WriteAllText(article, good);
        var fixedBuild = Build();
        fixedBuild.Published.ShouldBeTrue(string.Join("\n", fixedBuild.Problems));
        fixedBuild.UpToDate.ShouldBeTrue("back to the inputs of the last good build");
        ShouldEqualFullBuild("after the fix");
    }

    [Fact]
    public void Full_ignores_the_cache_and_a_missing_cache_means_a_full_build()
    {
        Build().Published.ShouldBeTrue();
        var full = Build(full: true);
        full.Incremental.ShouldBeFalse();
        full.Published.ShouldBeTrue();
        Directory.Delete(Cache, recursive: true);
        ReplaceTitle(AnArticle(), "没有缓存时的标题");
        var r = Build();
        r.Incremental.ShouldBeFalse("without a cache the build cannot know what changed");
        ShouldEqualFullBuild("after a build without cache");
    }
}
