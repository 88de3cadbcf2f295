using Baoku.Config;
using Baoku.Content;
using Baoku.Render;
using Baoku.Search;
using Baoku.Site;

namespace Baoku.Build;

/// <param name="CacheDir">Where the build cache lives (outside the output folder); null: no cache, every build is a full one.</param>
/// <param name="Full">Ignore the cache and build everything (the cache is still written for the next build).</param>
/// <param name="TraceMemory">Print memory after each stage to standard error (<see cref="MemoryTrace"/>).</param>
public sealed record BuildOptions(string ContentDir, string SiteConfigPath, string TemplatesDir, string OutputDir, bool IncludeDrafts,
    string? BaseUrl = null, string? CacheDir = null, bool Full = false, bool TraceMemory = false);

/// <param name="FilesWritten">Files of the site (an incremental build writes only <see cref="FilesChanged"/> of them).</param>
public sealed record BuildResult(IReadOnlyList<Problem> Problems, int Articles, int FilesWritten, IReadOnlyList<StageTiming> Timings, bool Published)
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
/// <c>baoku build</c>: site.yml + content/ + templates/ → a complete site in the output folder, as a sequence of
/// <see cref="BuildStage"/>s, each taking the previous one's data. An output folder that is or holds an input, or that
/// Baoku did not make, is refused first (<see cref="OutputFolderGuard"/>), and leftovers of killed builds are removed.
/// Article bodies are not kept in memory: the content stage keeps each file's hash, the model's one parse of each body
/// puts its HTML and text in a temporary file (<see cref="BodyStore"/>), and the page and search read them back one at
/// a time, so memory does not grow with the bodies of the archive. Any error stops before the output folder is touched. Rendering goes to a staging folder (with the build cache, files
/// that did not change are hard links to the published ones), every internal link is checked there, and only then the
/// staging folder replaces the output folder in one step (see <see cref="StagingOutput"/>).
/// </summary>
public static class SiteBuild
{
    public static BuildResult Run(BuildOptions o, Action<string>? progress = null)
    {
        var run = new StageRunner(o.OutputDir, progress, o.TraceMemory ? new MemoryTrace(Console.Error) : null);
        var problems = run.Problems;
        if (OutputFolderGuard.Check(o) is { } refused) return new BuildResult([refused], 0, 0, [], false);
        StagingOutput? staging = null;
        BodyStore? bodies = null;
        try
        {
            if (!run.Do(BuildStage.Prepare, () => { problems.AddRange(Leftovers.Clear(o.OutputDir)); return o; }, out _)) return run.Failed();
            string? cachePath = o.CacheDir is null ? null : BuildCache.PathFor(o.CacheDir, o.OutputDir);
            PreviousBuild previous = PreviousBuild.None;
            if (cachePath is not null && !run.Do(BuildStage.Changes, () => PreviousBuild.Of(o, cachePath), out previous)) return run.Failed();
            if (previous is { UpToDate: true, Cache: { } unchanged })
                return new BuildResult([.. problems, .. unchanged.Warnings], unchanged.Articles, unchanged.Files.Count, run.Timings, true) { Incremental = true, UpToDate = true };

            if (!run.Do(BuildStage.Config, () => Inputs(o, problems), out var inputs)) return run.Failed();
            var (config, templates) = inputs;

            if (!run.Do(BuildStage.Content, () =>
            {
                var content = ContentLoader.Load(o.ContentDir, config, bodiesOnDisk: true);
                problems.AddRange(content.Problems);
                run.Articles = content.Articles.Count;
                return content.Articles;
            }, out var articles)) return run.Failed();

            if (!run.Do(BuildStage.Model, () =>
            {
                bodies = BodyStore.InTempFile(Path.GetTempPath());
                var (model, modelProblems) = SiteModelBuilder.Build(articles, config, o.IncludeDrafts, bodies);
                problems.AddRange(modelProblems);
                return model;
            }, out var model)) return run.Failed();
            run.Articles = model.Articles.Count;

            if (!run.Do(BuildStage.Render, () =>
            {
                var plan = SitePlan.Of(model, templates.Folders.Assets());
                staging = new StagingOutput(o.OutputDir, previous.OnDisk?.Trusted);
                new SiteRenderer(model, plan, templates).Render(staging);
                return plan;
            }, out var plan)) return run.Failed();

            if (!run.Do(BuildStage.Search, () => Search(model, staging!, previous, cachePath is not null, run.Trace), out var searchKey)) return run.Failed();

            if (!run.Do(BuildStage.Links, () =>
            {
                // Every page of a full build; an incremental one checks the pages it changed, unless a file went away.
                var existing = staging!.Files.Keys.ToHashSet(StringComparer.Ordinal);
                var pages = (staging.Incremental && !staging.Gone.Any() ? staging.Changed : existing).Where(f => f.EndsWith(".html", StringComparison.Ordinal));
                foreach (var b in LinkChecker.Check(existing, pages, page => File.ReadAllText(staging.CurrentPath(page)), plan.BasePath))
                    problems.Add(new Problem(ProblemCodes.RenderedLink, b.Page, null, $"链接指向不存在的页面 (broken link): {b.Link}"));
                return existing;
            }, out _)) return run.Failed();

            if (!run.Do(BuildStage.Publish, () =>
            {
                if (cachePath is not null) BuildCache.Invalidate(cachePath);   // until the new manifest is written
                staging!.Commit();
                // The new site is published: what follows tidies up and remembers it, and its failures are warnings.
                // The replaced site is deleted while the cache is written (the two touch different folders).
                var removing = Task.Run(staging.RemoveReplaced);
                if (cachePath is not null) WriteCache(cachePath, staging, previous.Fingerprint!, searchKey, model.Articles.Count, problems);
                if (removing.GetAwaiter().GetResult() is { } notRemoved) problems.Add(notRemoved);
                return staging;
            }, out _)) return run.Failed();

            return new BuildResult(problems, model.Articles.Count, staging!.Files.Count, run.Timings, true)
            {
                Incremental = staging.Incremental, FilesChanged = staging.ChangedCount, FilesDeleted = staging.DeletedCount,
            };
        }
        finally
        {
            staging?.Dispose();
            bodies?.Dispose();
        }
    }

    /// <summary>The manifest of the published site for the next build; a warning when it cannot be written (the next build is then a full one).</summary>
    static void WriteCache(string cachePath, StagingOutput staging, string fingerprint, string searchKey, int articles, List<Problem> problems)
    {
        try
        {
            staging.RecordTimes();
            new BuildCache
            {
                InputFingerprint = fingerprint, SearchKey = searchKey, Files = new(staging.Files, StringComparer.Ordinal),
                Articles = articles, Warnings = problems.Where(p => p.Severity == ProblemSeverity.Warning && p.Code != ProblemCodes.OutputLeftover).ToList(),   // about the input, shown again when nothing changed
            }.Write(cachePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            BuildCache.Invalidate(cachePath);
            problems.Add(new Problem(ProblemCodes.CacheWrite, cachePath, null,
                $"网站已发布，但构建缓存写不进去，下次构建会全部重新生成 (the site is published, but the build cache cannot be written; the next build is a full one): {e.Message}"));
        }
    }

    sealed record InputFiles(SiteConfig Config, TemplateSet Templates);

    /// <summary>site.yml (with the --base-url override) and the templates; null when either cannot be used.</summary>
    static InputFiles? Inputs(BuildOptions o, List<Problem> problems)
    {
        var (config, configProblems) = SiteConfigLoader.Load(o.SiteConfigPath);
        problems.AddRange(configProblems);
        if (config is null) return null;
        if (o.BaseUrl is not null) config = config with { BaseUrl = o.BaseUrl };
        var (templates, templateProblems) = TemplateSet.Load(o.TemplatesDir);
        problems.AddRange(templateProblems);
        return templates is null ? null : new InputFiles(config, templates);
    }

    /// <summary>Writes the search index, or keeps the previous one when no article's searchable text changed; returns the index's input key.</summary>
    static string Search(SiteModel model, StagingOutput staging, PreviousBuild previous, bool cached, MemoryTrace? trace)
    {
        var key = cached ? SearchInputKey.Of(model) : "";
        if (previous is { Cache: { } cache, OnDisk.Intact: true } && cache.SearchKey == key)
        {
            staging.KeepPrevious(BuildStage.Search.Name);
            return key;
        }
        staging.Stage = BuildStage.Search.Name;
        // No forced collection before the index: measured at 10,000 articles over ten alternate runs each, peak RSS
        // was 677 MiB with it and 688 MiB without (runs spread 648-739 MiB) and wall time 70 s and 67 s (spread
        // 41-122 s on the shared machine): no gain. The index writer's own collection after each pass already clears
        // the render's garbage before its peak.
        var campaigns = model.Taxonomies[TaxonomyKind.Campaign].Terms.Select(t => (t.Name, t.Url)).ToList();
        trace?.Start();
        SearchIndexWriter.Write(model.Articles.Count, SearchDocuments.Maker(model), campaigns, staging, new SearchIndexOptions { Trace = trace is null ? null : trace.Note });
        return key;
    }
}

/// <summary>
/// The previous build of this output folder as the cache remembers it, if the folder still holds it: the fingerprint of
/// this build's inputs, the cache, and which files on disk it may trust.
/// </summary>
sealed record PreviousBuild(string? Fingerprint, BuildCache? Cache, OutputFolderCheck.Result? OnDisk)
{
    public static readonly PreviousBuild None = new(null, null, null);

    /// <summary>Same inputs, and the output folder is as that build left it: nothing to do.</summary>
    public bool UpToDate => Cache is not null && OnDisk is { Intact: true } && Cache.InputFingerprint == Fingerprint;

    public static PreviousBuild Of(BuildOptions o, string cachePath)
    {
        var fingerprint = InputFingerprint.Of(o);
        var cache = o.Full ? null : BuildCache.Read(cachePath);
        return cache is not null && Directory.Exists(o.OutputDir)
            ? new(fingerprint, cache, OutputFolderCheck.Compare(o.OutputDir, cache.Files))
            : new(fingerprint, null, null);
    }
}
