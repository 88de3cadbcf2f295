using Baoku.Build;
using Baoku.Tests.Support;

namespace Baoku.Tests.Build;

/// <summary>
/// The output folder is never something else (issue 17). On the main of before this rule, every refusal case below
/// exited 0 and deleted what the test says must survive (<c>build -o content</c> deleted every article, <c>-o .</c>
/// the project, <c>serve -o content</c> the articles within seconds; checked by running these tests against it).
/// Each case runs the real program in a project folder of its own, one level down in a temporary folder, so that even
/// a wrong build harms only that.
/// </summary>
public sealed class OutputFolderRefusalTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "baoku-refuse-" + Guid.NewGuid().ToString("N"));
    string Project => Path.Combine(_root, "project");

    public OutputFolderRefusalTests()
    {
        TestFolders.Copy(Path.Combine(SeedArticles.RepoRoot, "content"), Path.Combine(Project, "content"));
        TestFolders.Copy(Path.Combine(SeedArticles.RepoRoot, "templates"), Path.Combine(Project, "templates"));
        File.Copy(Path.Combine(SeedArticles.RepoRoot, "site.yml"), Path.Combine(Project, "site.yml"));
        Directory.CreateDirectory(Path.Combine(Project, "conf"));
        File.Copy(Path.Combine(SeedArticles.RepoRoot, "site.yml"), Path.Combine(Project, "conf", "site.yml"));
        Directory.CreateDirectory(Path.Combine(Project, "mine"));
        File.WriteAllText(Path.Combine(Project, "mine", "notes.txt"), "编辑自己的笔记");
        Directory.CreateSymbolicLink(Path.Combine(Project, "alias"), "content");
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }

    /// <summary>Every file under the temporary folder with its bytes' hash: what must survive a refused command.</summary>
    SortedDictionary<string, string> Everything() => BuildSandbox.Snapshot(_root);

    public static TheoryData<string, string[]> Refused() => new()
    {
        { "the content folder", ["-o", "content"] },
        { "a folder inside content", ["-o", "content/2022"] },
        { "a new folder inside content", ["-o", "content/site"] },
        { "the templates folder", ["-o", "templates"] },
        { "a folder inside templates", ["-o", "templates/assets/site"] },
        { "the current folder, which holds site.yml", ["-o", "."] },
        { "a folder containing the current folder", ["-o", ".."] },
        { "the folder of site.yml", ["--site", "conf/site.yml", "-o", "conf"] },
        { "a symbolic link to content", ["-o", "alias"] },
        { "the same folder spelt with a trailing slash and a detour", ["-o", "templates/../content/"] },
        { "a folder with files that Baoku did not make", ["-o", "mine"] },
        { "a folder containing the build cache", ["-o", "site", "--cache", "site/cache"] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Build_refuses_with_exit_code_2_and_changes_nothing(string what, string[] args)
    {
        var before = Everything();
        var (exit, output, errors) = await BaokuProcess.RunAsync(Project, ["build", .. args]);
        exit.ShouldBe(2, $"{what}\n{output}\n{errors}");
        var outputArg = args[Array.IndexOf(args, "-o") + 1];
        errors.ShouldContain($"{outputArg}: error: ", customMessage: what);
        errors.ShouldContain("refused", customMessage: what);
        errors.ShouldContain("已拒绝", customMessage: what);
        errors.ShouldNotContain("内部错误");
        Everything().ShouldBe(before, $"{what}: nothing is deleted, written or moved");
        Directory.GetDirectories(Project, "*.staging-*").ShouldBeEmpty();
    }

    [Fact]
    public async Task Serve_refuses_the_content_folder_before_serving_and_deletes_nothing()
    {
        var before = Everything();
        // The old serve went on serving (and had deleted the articles): a run that does not end is a failure.
        var (exit, output, errors) = await BaokuProcess.RunAsync(Project, ["serve", "-o", "content", "--port", "0"], TimeSpan.FromSeconds(90));
        exit.ShouldBe(2, output + errors);
        errors.ShouldContain("content: error: ");
        errors.ShouldContain("the content folder");
        output.ShouldNotContain("http://127.0.0.1");
        Everything().ShouldBe(before);
    }

    [Fact]
    public async Task Build_into_a_new_folder_then_again_into_the_folder_it_made()
    {
        var (exit, output, errors) = await BaokuProcess.RunAsync(Project, ["build", "-q"]);
        exit.ShouldBe(0, output + errors);
        File.ReadAllBytes(Path.Combine(Project, "public", OutputMarker.FileName)).ShouldBe(OutputMarker.Text);
        File.WriteAllText(Path.Combine(Project, "content", "2022", "11", "20221122-018d1bbd.md"),
            File.ReadAllText(Path.Combine(Project, "content", "2022", "11", "20221122-018d1bbd.md")).Replace("title: ", "title: 再建一次 "));
        (exit, output, errors) = await BaokuProcess.RunAsync(Project, ["build", "-q"]);
        exit.ShouldBe(0, output + errors);
        File.ReadAllText(Path.Combine(Project, "public", "index.html")).ShouldContain("再建一次");
    }
}

/// <summary>The rule in-process: what is allowed, and the comparisons a Linux test machine cannot show for real.</summary>
public sealed class OutputFolderGuardTests : IDisposable
{
    readonly BuildSandbox _box = new();

    public void Dispose() => _box.Dispose();

    BuildOptions Options(string output, string? cache = null) => new(_box.Content, _box.SiteYml, _box.Templates, output, false, CacheDir: cache);

    [Fact]
    public void An_empty_folder_and_a_folder_Baoku_made_are_used()
    {
        Directory.CreateDirectory(_box.Output);
        OutputFolderGuard.Check(Options(_box.Output)).ShouldBeNull("an empty folder: nothing to lose");
        _box.Build().Published.ShouldBeTrue();
        OutputFolderGuard.Check(Options(_box.Output)).ShouldBeNull("made by Baoku: it has the marker");
    }

    [Fact]
    public void A_site_of_a_Baoku_before_the_marker_is_recognised_by_its_manifest_in_the_cache()
    {
        var cache = Path.Combine(_box.Root, "cache");
        SiteBuild.Run(Options(_box.Output, cache)).Published.ShouldBeTrue();
        File.Delete(Path.Combine(_box.Output, OutputMarker.FileName));
        File.Delete(Path.Combine(_box.Output, "search", "meta.js"));
        OutputFolderGuard.Check(Options(_box.Output, cache)).ShouldBeNull();
        var refused = OutputFolderGuard.Check(Options(_box.Output)).ShouldNotBeNull("without that cache or Baoku's search index it is a folder of someone else's");
        refused.Code.ShouldBe(ProblemCodes.OutputRefused);
        refused.Message.ShouldContain(OutputMarker.FileName);
    }

    [Fact]
    public void A_site_of_a_Baoku_before_the_marker_is_recognised_by_its_search_index_and_rebuilt()
    {
        _box.Build().Published.ShouldBeTrue();
        File.Delete(Path.Combine(_box.Output, OutputMarker.FileName));
        OutputFolderGuard.Check(Options(_box.Output)).ShouldBeNull("a home page beside Baoku's search index");
        _box.Build().Published.ShouldBeTrue();
        OutputMarker.IsCompleteIn(_box.Output).ShouldBeTrue("marked from now on");

        File.Delete(Path.Combine(_box.Output, OutputMarker.FileName));
        File.WriteAllText(Path.Combine(_box.Output, "search", "meta.js"), "var mine = 1;");
        OutputFolderGuard.Check(Options(_box.Output)).ShouldNotBeNull("another tool's search/meta.js").Code.ShouldBe(ProblemCodes.OutputRefused);
    }

    [Fact]
    public void A_file_in_place_of_the_output_folder_is_refused()
    {
        File.WriteAllText(_box.Output, "不是文件夹");
        var r = SiteBuild.Run(Options(_box.Output));
        r.Published.ShouldBeFalse();
        r.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.OutputRefused);
        File.ReadAllText(_box.Output).ShouldBe("不是文件夹");
    }

    /// <summary>A name lookup that ignores case, as macOS, Windows and a USB stick do (Linux here does not).</summary>
    static string? IgnoringCase(string folder, string name) =>
        !Directory.Exists(folder) ? null
        : Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Where_the_file_system_ignores_case_another_spelling_of_content_is_content()
    {
        var shouted = Path.Combine(_box.Root, "CONTENT");
        RealPath.Of(Path.Combine(shouted, "2022"), IgnoringCase).ShouldBe(Path.Combine(_box.Content, "2022"));
        OutputFolderGuard.Check(Options(shouted), _box.Root, p => RealPath.Of(p, IgnoringCase)).ShouldNotBeNull().Code.ShouldBe(ProblemCodes.OutputRefused);
        OutputFolderGuard.Check(Options(shouted), "/", RealPath.Of).ShouldBeNull("a file system that minds case: another folder");
    }

    [Fact]
    public void Real_paths_follow_links_on_the_way_and_compare_whole_names()
    {
        var link = Path.Combine(_box.Root, "via");
        Directory.CreateSymbolicLink(link, _box.Templates);
        RealPath.Of(Path.Combine(link, "assets", "new")).ShouldBe(Path.Combine(_box.Templates, "assets", "new"));
        RealPath.IsSameOrInside(_box.Content + "-old", _box.Content).ShouldBeFalse("content-old is beside content, not in it");
        RealPath.IsSameOrInside(_box.Content, "/").ShouldBeTrue();
    }

    [Fact]
    public void A_link_to_a_site_Baoku_made_stays_a_link_and_the_site_it_points_at_is_replaced()
    {
        var real = Path.Combine(_box.Root, "www", "site");
        SiteBuild.Run(Options(real)).Published.ShouldBeTrue();
        var link = Path.Combine(_box.Root, "published");
        Directory.CreateSymbolicLink(link, real);
        var article = Directory.GetFiles(_box.Content, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.WriteAllText(article, File.ReadAllText(article).Replace("title: ", "title: 经链接发布 "));

        SiteBuild.Run(Options(link)).Published.ShouldBeTrue();
        new DirectoryInfo(link).LinkTarget.ShouldBe(real);
        File.ReadAllText(Path.Combine(real, "index.html")).ShouldContain("经链接发布");
        Directory.GetDirectories(Path.GetDirectoryName(real)!).ShouldBe([real], "no staging or old folder left beside it");
    }
}
