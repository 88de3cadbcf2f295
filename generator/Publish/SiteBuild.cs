using System.Diagnostics;
using Baoku.Config;
using Baoku.Content;
using Baoku.Render;
using Baoku.Search;
using Baoku.Site;

namespace Baoku.Publish;

/// <param name="CacheDir">Where the build cache lives (outside the output folder); null: no cache, every build is a full one.</param>
/// <param name="Full">Ignore the cache and build everything (the cache is still written for the next build).</param>
public sealed record BuildOptions(string ContentDir, string SiteConfigPath, string TemplatesDir, string OutputDir, bool IncludeDrafts,
    string? BaseUrl = null, string? CacheDir = null, bool Full = false);

/// <param name="FilesWritten">Files of the site (an incremental build writes only <see cref="FilesChanged"/> of them).</param>
public sealed record BuildResult(IReadOnlyList<Problem> Problems, int Articles, int FilesWritten, IReadOnlyList<(string Stage, TimeSpan Time)> Timings, bool Published)
{
    public bool HasErrors => Problems.Any(p => p.IsError);

    /// <summary>Built on top of the previous output with the cache: only changed files written.</summary>
    public bool Incremental { get; init; }

    /// <summary>Nothing changed since the previous build: the output folder was left as it was.</summary>
    public bool UpToDate { get; init; }

    public int FilesChanged { get; init; }
    public int FilesDeleted { get; init; }
}

/// <summary>
/// The build stage: site.yml + content/ + templates/ → a complete site in the output folder. Each stage takes the
/// previous one's data; any error stops before the output folder is touched. Rendering goes to a staging
/// folder, every internal link is checked there, and only then the staging folder replaces the output folder (or,
/// with the build cache, only the changed files are moved into it; see <see cref="StagingOutput"/>).
/// </summary>
public static class SiteBuild
{
    public static BuildResult Run(BuildOptions o, Action<string>? progress = null)
    {
        var problems = new List<Problem>();
        var timings = new List<(string, TimeSpan)>();
        var clock = Stopwatch.StartNew();
        bool traceMemory = Environment.GetEnvironmentVariable("BAOKU_TRACE_MEMORY") is not null;
        void Lap(string stage)
        {
            timings.Add((stage, clock.Elapsed));
            if (traceMemory) Console.Error.WriteLine($"{stage}: {Memory(collect: true)}");
            clock.Restart();
        }
        static string Memory(bool collect) =>
            $"live {GC.GetTotalMemory(collect) / 1048576} MiB, process {Environment.WorkingSet / 1048576} MiB, peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB";
        BuildResult Fail(int articles = 0) => new(problems, articles, 0, timings, false);

        // The cache: the previous build of this output folder, if it is still what the folder holds.
        string? cachePath = o.CacheDir is null ? null : BuildCache.PathFor(o.CacheDir, o.OutputDir);
        string? fingerprint = null;
        BuildCache? cache = null;
        OutputFolderCheck.Result? onDisk = null;
        if (cachePath is not null)
        {
            progress?.Invoke("检查改动 (looking for changes)");
            fingerprint = InputFingerprint.Of(o);
            cache = o.Full ? null : BuildCache.Read(cachePath);
            if (cache is not null && Directory.Exists(o.OutputDir))
            {
                onDisk = OutputFolderCheck.Compare(o.OutputDir, cache.Files);
                if (onDisk.Intact && cache.InputFingerprint == fingerprint)
                {
                    Lap("unchanged");
                    return new BuildResult(cache.Warnings, cache.Articles, cache.Files.Count, timings, true) { Incremental = true, UpToDate = true };
                }
            }
            else cache = null;
        }

        progress?.Invoke("读取配置 (configuration)");
        var (config, configProblems) = SiteConfigLoader.Load(o.SiteConfigPath);
        problems.AddRange(configProblems);
        if (config is null) return Fail();
        if (o.BaseUrl is not null) config = config with { BaseUrl = o.BaseUrl };

        var (templates, templateProblems) = TemplateSet.Load(o.TemplatesDir);
        problems.AddRange(templateProblems);
        if (templates is null) return Fail();

        progress?.Invoke("读取文章 (content)");
        var content = ContentLoader.Load(o.ContentDir, config);
        problems.AddRange(content.Problems);
        Lap("content");
        if (problems.Any(p => p.IsError)) return Fail(content.Articles.Count);

        progress?.Invoke("整理网站结构 (site model)");
        var (model, modelProblems) = SiteModelBuilder.Build(content.Articles, config, o.IncludeDrafts);
        problems.AddRange(modelProblems);
        Lap("model");
        if (problems.Any(p => p.IsError)) return Fail(content.Articles.Count);

        progress?.Invoke("生成网页 (rendering)");
        var plan = SitePlan.Of(model, AssetFile.In(templates.AssetsFolder));
        using var staging = new StagingOutput(o.OutputDir, onDisk?.Trusted);
        int files;
        try
        {
            files = new SiteRenderer(model, plan, templates).Render(staging);
        }
        catch (UnsafePathException e)
        {
            problems.Add(new Problem(ProblemCodes.OutputEscape, o.OutputDir, null, $"网址会写到输出文件夹之外，已停止 (a page path would leave the output folder): {e.SitePath}"));
            return Fail(model.Articles.Count);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new Problem(ProblemCodes.OutputWrite, o.OutputDir, null, $"无法写入输出文件夹 (cannot write the output folder): {e.Message}"));
            return Fail(model.Articles.Count);
        }
        Lap("render");

        progress?.Invoke("建立搜索索引 (search index)");
        var searchKey = cachePath is null ? "" : SearchInputKey.Of(model);
        if (cache is not null && onDisk is { Intact: true } && cache.SearchKey == searchKey)
        {
            files += staging.KeepPrevious("search");   // no article's searchable text changed
        }
        else try
        {
            staging.Stage = "search";
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);   // the render's garbage, before the index's peak
            var campaigns = model.Taxonomies[TaxonomyKind.Campaign].Terms.Select(t => (t.Name, t.Url)).ToList();
            var searchClock = Stopwatch.StartNew();
            var options = new SearchIndexOptions { Trace = traceMemory ? note => Console.Error.WriteLine($"  {note} ({searchClock.Elapsed.TotalSeconds:F2} s): {Memory(collect: false)}") : null };
            files += SearchIndexWriter.Write(model.Articles.Count, SearchDocuments.Maker(model), campaigns, staging, options).Files;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new Problem(ProblemCodes.OutputWrite, o.OutputDir, null, $"无法写入输出文件夹 (cannot write the output folder): {e.Message}"));
            return Fail(model.Articles.Count);
        }
        Lap("search");

        progress?.Invoke("检查链接 (checking links)");
        // Every page of a full build; an incremental one checks the pages it changed, unless a file went away.
        var existing = staging.Files.Keys.ToHashSet(StringComparer.Ordinal);
        var pages = (staging.Incremental && !staging.Gone.Any() ? staging.Changed : existing).Where(f => f.EndsWith(".html", StringComparison.Ordinal));
        foreach (var b in LinkChecker.Check(existing, pages, page => File.ReadAllText(staging.CurrentPath(page)), plan.BasePath))
            problems.Add(new Problem(ProblemCodes.RenderedLink, b.Page, null, $"链接指向不存在的页面 (broken link): {b.Link}"));
        Lap("links");
        if (problems.Any(p => p.IsError)) return Fail(model.Articles.Count);

        try
        {
            if (cachePath is not null) BuildCache.Invalidate(cachePath);   // until the new manifest is written
            staging.Commit();
            if (cachePath is not null)
                new BuildCache
                {
                    InputFingerprint = fingerprint!, SearchKey = searchKey, Files = new(staging.Files, StringComparer.Ordinal),
                    Articles = model.Articles.Count, Warnings = problems.Where(p => p.Severity == ProblemSeverity.Warning).ToList(),
                }.Write(cachePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new Problem(ProblemCodes.OutputWrite, o.OutputDir, null, $"无法替换输出文件夹 (cannot replace the output folder): {e.Message}"));
            return Fail(model.Articles.Count);
        }
        Lap("publish");
        return new BuildResult(problems, model.Articles.Count, files, timings, true)
        {
            Incremental = staging.Incremental, FilesChanged = staging.ChangedCount, FilesDeleted = staging.DeletedCount,
        };
    }
}
