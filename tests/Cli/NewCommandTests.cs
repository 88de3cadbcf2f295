using System.Diagnostics;
using Baoku.Cli;
using Baoku.Config;
using Baoku.Content;
using Baoku.Build;
using Baoku.Tests.Support;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Baoku.Tests.Cli;

/// <summary><c>baoku new</c> end to end in a temp folder: the file it writes, that it loads and builds, and its refusals.</summary>
[Collection("Console")]
public sealed class NewCommandTests : IDisposable
{
    readonly string root = Path.Combine(Path.GetTempPath(), "baoku-new-" + Guid.NewGuid().ToString("N"));
    string Content => Path.Combine(root, "content");
    string SiteYml => Path.Combine(root, "site.yml");

    public NewCommandTests()
    {
        Directory.CreateDirectory(root);
        File.Copy(Path.Combine(SeedArticles.RepoRoot, "site.yml"), SiteYml);
    }

    public void Dispose()
    {
        try { Directory.Delete(root, true); } catch (IOException) { }
    }

    static (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Captured(args);

    (int Exit, string Out, string Err) New(params string[] args) => Run(["new", "--content", Content, "--site", SiteYml, .. args]);

    string[] Written() => Directory.Exists(Content)
        ? Directory.GetFiles(Content, "*.md", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Content, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray()
        : [];

    [Fact]
    public void WritesEveryFrontMatterFieldWithACommentWhereTheSlugRulesSayAndPrintsThePath()
    {
        var (exit, output, err) = New("--title", "用心解难争主动 助企发展抢先机", "--date", "2023-01-12", "--campaign", "四大双千", "--campaign", "清廉民企");
        exit.ShouldBe(0, err);

        var expected = "2023/01/" + Slug.Make(new DateOnly(2023, 1, 12), "用心解难争主动 助企发展抢先机") + ".md";
        Written().ShouldBe([expected]);
        output.ShouldContain(Path.Combine(Content, expected).Replace('\\', '/'));

        var text = File.ReadAllText(Path.Combine(Content, expected));
        var yaml = FrontMatterReader.Read(text).ShouldNotBeNull();
        var keys = yaml.Children.Keys.Select(k => k.ToString()).ToList();
        keys.ShouldBe((IEnumerable<string>)ArticleParser.KnownKeys, "every field of the content format, in the documented order");

        // Each key line is preceded by a Chinese comment line.
        var lines = FrontMatterSplit.Split(text).Yaml!.Split('\n');
        foreach (var key in ArticleParser.KnownKeys)
        {
            int at = Array.FindIndex(lines, l => l.StartsWith(key + ":", StringComparison.Ordinal));
            at.ShouldBeGreaterThan(0, key);
            lines[at - 1].ShouldStartWith("# ", customMessage: key);
            lines[at - 1].ShouldMatch(@"\p{IsCJKUnifiedIdeographs}", key);
        }
        text.ShouldContain("\ndraft: true\n");
        text.ShouldContain(ArticleScaffold.PlaceholderMarker);
    }

    [Fact]
    public void TheFileLoadsThroughTheContentLoaderWithoutProblemsAsADraftWithTheGivenValues()
    {
        New("--title", "我市召开“四大双千”推进会", "--date", "2024-05-01", "--campaign", "四大双千").Exit.ShouldBe(0);
        var (config, _) = SiteConfigLoader.Load(SiteYml);

        var result = ContentLoader.Load(Content, config!);
        result.Problems.ShouldBeEmpty();
        var article = result.Articles.ShouldHaveSingleItem();
        var fm = article.Meta;
        fm.Title.ShouldBe("我市召开“四大双千”推进会");
        fm.Date.ShouldBe(new DateOnly(2024, 5, 1));
        fm.Campaigns.ShouldBe(["四大双千"]);
        fm.Draft.ShouldBeTrue();
        fm.Slug.ShouldBe(Path.GetFileNameWithoutExtension(Written().Single()));
        fm.Source.ShouldBeNull();
        fm.Kicker.ShouldBeNull();
        fm.Roles.ShouldBeEmpty();
        fm.Authors.ShouldBeEmpty();
    }

    [Fact]
    public void TheNewArticleBuildsWithDraftsAndIsNotPublishedWithout()
    {
        New("--title", "新建文章构建测试", "--date", "2024-05-01", "--campaign", "二十大学习").Exit.ShouldBe(0);
        var slug = Path.GetFileNameWithoutExtension(Written().Single());
        var templates = Path.Combine(SeedArticles.RepoRoot, "templates");

        var withDrafts = Path.Combine(root, "public-drafts");
        var built = SiteBuild.Run(new BuildOptions(Content, SiteYml, templates, withDrafts, true, null));
        built.Problems.Where(p => p.Severity == ProblemSeverity.Error).ShouldBeEmpty();
        var page = Path.Combine(withDrafts, "2024", "05", slug, "index.html");
        File.Exists(page).ShouldBeTrue();
        File.ReadAllText(page).ShouldContain("新建文章构建测试");

        var published = Path.Combine(root, "public");
        SiteBuild.Run(new BuildOptions(Content, SiteYml, templates, published, false, null))
            .Problems.Where(p => p.Severity == ProblemSeverity.Error).ShouldBeEmpty();
        File.Exists(Path.Combine(published, "2024", "05", slug, "index.html")).ShouldBeFalse("a draft is not published");
    }

    [Fact]
    public void HelpListsNewAndExplainsEveryOption()
    {
        Run("--help").Out.ShouldContain("new");
        var (exit, output, _) = Run("new", "--help");
        exit.ShouldBe(0);
        foreach (var option in new[] { "--title", "--date", "--campaign", "--content", "--site" }) output.ShouldContain(option);
    }

    [Fact]
    public void DateDefaultsToToday()
    {
        New("--title", "今天的文章").Exit.ShouldBe(0);
        var today = DateOnly.FromDateTime(DateTime.Today);
        Written().Single().ShouldStartWith($"{today:yyyy}/{today:MM}/{today:yyyyMMdd}-");
    }

    [Fact]
    public void UnknownCampaignIsRefusedListingTheValidOnesAndNothingIsWritten()
    {
        var (exit, _, err) = New("--title", "标题", "--date", "2024-05-01", "--campaign", "不存在的专题");
        exit.ShouldBe(2);
        err.ShouldContain("不存在的专题");
        foreach (var name in new[] { "二十大学习", "清廉民企", "四大双千" }) err.ShouldContain(name);
        Written().ShouldBeEmpty();
    }

    [Fact]
    public void InvalidDateIsAUsageError()
    {
        var (exit, _, err) = New("--title", "标题", "--date", "2024-02-30");
        exit.ShouldBe(2);
        err.ShouldContain("2024-02-30");
        Written().ShouldBeEmpty();
    }

    [Fact]
    public void BrokenSiteConfigurationIsNamed()
    {
        File.WriteAllText(SiteYml, "campaigns: [unclosed\n");
        var (exit, _, err) = New("--title", "标题");
        exit.ShouldBe(1);
        err.ShouldContain("site.yml");
        Written().ShouldBeEmpty();
    }

    [Fact]
    public void NeverOverwritesTheSameTitleAndDateGetsTheNextFreeSlug()
    {
        New("--title", "同名文章", "--date", "2024-05-01").Exit.ShouldBe(0);
        var first = Path.Combine(Content, Written().Single());
        File.WriteAllText(first, File.ReadAllText(first).Replace("draft: true", "draft: false") + "\n编辑写好的正文。\n");
        var edited = File.ReadAllText(first);

        var (exit, output, err) = New("--title", "同名文章", "--date", "2024-05-01");
        exit.ShouldBe(0, err);
        File.ReadAllText(first).ShouldBe(edited, "the editor's file is untouched");
        var files = Written();
        files.Length.ShouldBe(2);
        var second = files.Single(f => Path.Combine(Content, f) != first);
        Path.GetFileNameWithoutExtension(second).ShouldBe(Path.GetFileNameWithoutExtension(first) + "-2");
        output.ShouldContain(second);

        var (config, _) = SiteConfigLoader.Load(SiteYml);
        ContentLoader.Load(Content, config!).Problems.Where(p => p.Severity == ProblemSeverity.Error).ShouldBeEmpty("no duplicate slug or URL");
    }

    [Fact]
    public void WithoutATitleAndNobodyToAskItFailsWithExitTwo()
    {
        var (exit, _, err) = NewCommandRun(new NewOptions(null, "2024-05-01", [], Content, SiteYml, new DateOnly(2024, 5, 1)), interactive: false, input: "");
        exit.ShouldBe(2);
        err.ShouldContain("--title");
        Written().ShouldBeEmpty();
    }

    /// <summary>The real program, as a script or CI would run it: standard input redirected, no --title.</summary>
    [Fact]
    public async Task TheProgramWithRedirectedInputAndNoTitleExitsTwo()
    {
        var dll = typeof(Program).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var a in new[] { dll, "new", "--content", Content, "--site", SiteYml }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var errTask = p.StandardError.ReadToEndAsync();
        await p.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await p.WaitForExitAsync(timeout.Token);
        var err = await errTask;
        p.ExitCode.ShouldBe(2, err);
        err.ShouldContain("--title");
        Written().ShouldBeEmpty();
    }

    [Fact]
    public void AtATerminalItAsksForTitleDateAndCampaigns()
    {
        // Title, Enter; date: Enter takes the default (today); campaigns: down twice, space selects the third, Enter.
        var keys = "交互输入的标题\r\r";
        var (exit, output, err) = NewCommandRun(new NewOptions(null, null, [], Content, SiteYml, new DateOnly(2024, 6, 30)), interactive: true,
            input: keys, extra: [ConsoleKey.DownArrow, ConsoleKey.DownArrow, ConsoleKey.Spacebar, ConsoleKey.Enter]);
        exit.ShouldBe(0, err);
        output.ShouldContain("标题");
        var file = Written().ShouldHaveSingleItem();
        file.ShouldStartWith("2024/06/20240630-");
        var (config, _) = SiteConfigLoader.Load(SiteYml);
        var fm = ContentLoader.Load(Content, config!).Articles.Single().Meta;
        fm.Title.ShouldBe("交互输入的标题");
        fm.Date.ShouldBe(new DateOnly(2024, 6, 30));
        fm.Campaigns.ShouldBe([config!.Campaigns[2].Name]);
    }

    [Fact]
    public void AtATerminalWithoutAnsiCampaignsAreTyped()
    {
        var (exit, _, err) = NewCommandRun(new NewOptions(null, "2024-06-30", [], Content, SiteYml, new DateOnly(2024, 6, 30)), interactive: true,
            input: "标题\r没有这个，四大双千\r四大双千，清廉民企\r", ansi: false);
        exit.ShouldBe(0, err);
        var (config, _) = SiteConfigLoader.Load(SiteYml);
        ContentLoader.Load(Content, config!).Articles.Single().Meta.Campaigns.ShouldBe(["四大双千", "清廉民企"]);
    }

    static (int Exit, string Out, string Err) NewCommandRun(NewOptions options, bool interactive, string input, ConsoleKey[]? extra = null, bool ansi = true)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var inner = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(o), Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        var keys = input.Select(c => c switch
            {
                '\r' => new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false),
                '\b' => new ConsoleKeyInfo('\b', ConsoleKey.Backspace, false, false, false),
                _ => new ConsoleKeyInfo(c, 0, false, false, false),
            })
            .Concat((extra ?? []).Select(k => new ConsoleKeyInfo(k == ConsoleKey.Spacebar ? ' ' : k == ConsoleKey.Enter ? '\r' : '\0', k, false, false, false)));
        var console = new ScriptedConsole(inner, new Queue<ConsoleKeyInfo>(keys));
        return (NewCommand.Run(options, console, interactive, e), o.ToString(), e.ToString());
    }

    /// <summary>A console whose keyboard is a script (Spectre.Console.Testing is not a dependency of this project).</summary>
    sealed class ScriptedConsole(IAnsiConsole inner, Queue<ConsoleKeyInfo> keys) : IAnsiConsole, IAnsiConsoleInput
    {
        public Profile Profile => inner.Profile;
        public IAnsiConsoleCursor Cursor => inner.Cursor;
        public IAnsiConsoleInput Input => this;
        public IExclusivityMode ExclusivityMode => inner.ExclusivityMode;
        public RenderPipeline Pipeline => inner.Pipeline;
        public void Clear(bool home) => inner.Clear(home);
        public void Write(IRenderable renderable) => inner.Write(renderable);
        public void WriteAnsi(Action<AnsiWriter> action) => inner.WriteAnsi(action);
        public bool IsKeyAvailable() => keys.Count > 0;
        public ConsoleKeyInfo? ReadKey(bool intercept) =>
            keys.Count > 0 ? keys.Dequeue() : throw new InvalidOperationException("the prompt asked for more input than the test scripted");
        public Task<ConsoleKeyInfo?> ReadKeyAsync(bool intercept, CancellationToken cancellationToken) => Task.FromResult(ReadKey(intercept));
    }
}
