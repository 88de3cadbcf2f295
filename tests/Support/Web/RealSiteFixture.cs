using Baoku.Config;
using Baoku.Content;
using Baoku.Build;

namespace Baoku.Tests.Support.Web;

/// <summary>
/// The repository's real site (content/, site.yml, templates/), built once for the whole <see cref="RealSiteCollection"/>
/// into a temporary folder, twice:
/// <list type="bullet">
/// <item><see cref="HttpSite"/> with base_url overridden to <see cref="Server"/>'s address, served under <c>/baoku/</c>
/// as a static host does;</item>
/// <item><see cref="FileSite"/> with site.yml's own base_url, for reading from disk over file://.</item>
/// </list>
/// Both builds must publish with no errors, or every test of the collection fails with the build's problems.
/// </summary>
public sealed class RealSiteFixture : IAsyncLifetime
{
    public const string SubPath = "/baoku/";

    private string? temp;
    private StaticSiteServer? server;

    public string ContentDir => Path.Combine(RepoPaths.Root, "content");
    public string SiteYml => Path.Combine(RepoPaths.Root, "site.yml");
    public string TemplatesDir => Path.Combine(RepoPaths.Root, "templates");

    /// <summary>The built site served over HTTP (base_url = <see cref="HttpBaseUrl"/>).</summary>
    public string HttpSite => Path.Combine(Temp, "http");
    /// <summary>The built site read from disk (base_url = site.yml's).</summary>
    public string FileSite => Path.Combine(Temp, "file");
    public string Temp => temp ?? throw new InvalidOperationException("the real site fixture is not initialised");

    /// <summary>Serves <see cref="HttpSite"/> on 127.0.0.1 under <see cref="SubPath"/>.</summary>
    public StaticSiteServer Server => server ?? throw new InvalidOperationException("the real site fixture is not initialised");
    public string HttpBaseUrl => Server.BaseUrl.AbsoluteUri;
    public string FileBaseUrl => Config.BaseUrl;

    public SiteConfig Config { get; private set; } = SiteConfig.Empty;
    /// <summary>The articles that are published (drafts left out), as the content loader reads them.</summary>
    public IReadOnlyList<Article> Articles { get; private set; } = [];
    public BuildResult HttpBuild { get; private set; } = null!;
    public BuildResult FileBuild { get; private set; } = null!;

    /// <summary>How long building both sites took (the load of content/ for the tests included).</summary>
    public TimeSpan BuildTime { get; private set; }

    public async Task InitializeAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        temp = Directory.CreateTempSubdirectory("baoku-realsite-").FullName;
        Directory.CreateDirectory(HttpSite);
        server = new StaticSiteServer(HttpSite, SubPath); // the port is known before the build: base_url names it

        var (config, problems) = SiteConfigLoader.Load(SiteYml);
        Config = config ?? throw new InvalidOperationException("site.yml does not load: " + string.Join("; ", problems));
        Articles = ContentLoader.Load(ContentDir, Config).Articles.Where(a => !a.Meta.Draft).ToList();

        HttpBuild = await Task.Run(() => SiteBuild.Run(new BuildOptions(ContentDir, SiteYml, TemplatesDir, HttpSite, false, HttpBaseUrl)));
        FileBuild = await Task.Run(() => SiteBuild.Run(new BuildOptions(ContentDir, SiteYml, TemplatesDir, FileSite, false)));
        BuildTime = clock.Elapsed;
        foreach (var (name, build) in new[] { ("HTTP (base_url " + HttpBaseUrl + ")", HttpBuild), ("file (site.yml's base_url)", FileBuild) })
            if (!build.Published || build.HasErrors)
                throw new InvalidOperationException($"the real site did not build for {name}:\n" +
                    string.Join("\n", build.Problems.Where(p => p.Severity == ProblemSeverity.Error)));
    }

    /// <summary>The local file for a site path ("" → index.html, "2022/" → 2022/index.html, "feed.xml").</summary>
    public static string LocalFile(string site, string sitePath)
    {
        var relative = sitePath.Length == 0 || sitePath.EndsWith('/') ? sitePath + "index.html" : sitePath;
        return Path.Combine(site, relative.Replace('/', Path.DirectorySeparatorChar));
    }

    /// <summary>The site path of a built folder's first subfolder below <paramref name="section"/> ("people/" → "people/t26678885ab/").</summary>
    public string FirstTermPath(string section) =>
        section + Path.GetFileName(Directory.GetDirectories(Path.Combine(HttpSite, section.TrimEnd('/'))).Where(d => Path.GetFileName(d) != "page")
            .Order(StringComparer.Ordinal).First()) + "/";

    public Task DisposeAsync()
    {
        server?.Dispose();
        if (temp is not null && Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The tests on the real built site: one Chromium and one build of the site for all of them, and one run of the core
/// checks in each of the other two engines (<see cref="EnginesFixture"/>, started by the first test that asks for it).
/// </summary>
[CollectionDefinition(Name)]
public sealed class RealSiteCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<RealSiteFixture>, ICollectionFixture<EnginesFixture>
{
    public const string Name = "RealSite";
}
