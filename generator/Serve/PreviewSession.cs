using System.Diagnostics;
using System.Threading.Channels;
using Baoku.Build;

namespace Baoku.Serve;

/// <summary>What <c>baoku serve</c> builds, where, and on which port (0: a free one).</summary>
public sealed record ServeOptions(string ContentDir, string SiteConfigPath, string TemplatesDir, string OutputDir, bool IncludeDrafts, int Port)
{
    /// <summary>The build of the preview: its base URL is the preview's address, its cache beside the preview folder.</summary>
    public BuildOptions Build(string? baseUrl) => new(ContentDir, SiteConfigPath, TemplatesDir, OutputDir, IncludeDrafts, baseUrl,
        CacheDir: Path.TrimEndingDirectorySeparator(Path.GetFullPath(OutputDir)) + ".cache");
}

/// <summary>
/// <c>baoku serve</c> at work: builds the site into the preview folder, serves it, rebuilds when content, templates
/// or site.yml change, and tells open pages to reload. A failed build keeps the last good site on the server and puts
/// its errors on every page (and on the console) until a build succeeds again. Builds run one at a time; changes
/// that arrive during a build give one more build after it.
/// </summary>
public sealed class PreviewSession : IDisposable
{
    readonly ServeOptions _options;
    readonly TextWriter _log;
    readonly string _shownBase = Directory.GetCurrentDirectory();
    readonly LiveReload _live = new();
    readonly PreviewServer _server;
    readonly ManualResetEventSlim _idle = new(true);
    readonly Channel<IReadOnlyList<string>> _changes = Channel.CreateUnbounded<IReadOnlyList<string>>(new UnboundedChannelOptions { SingleReader = true });
    readonly CancellationTokenSource _stop = new();
    readonly object _gate = new();
    SiteWatcher? _watcher;
    Task? _loop;
    HashSet<string> _shownWarnings = [];
    volatile IReadOnlyList<Problem> _errors = [];
    int _builds;
    bool _disposed;

    /// <summary>The preview's address, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Url => _server.Url;
    /// <summary>The errors of the last build; empty when it succeeded.</summary>
    public IReadOnlyList<Problem> Errors => _errors;
    /// <summary>Builds finished so far (good or failed).</summary>
    public int Builds => Volatile.Read(ref _builds);
    /// <summary>Connected live-reload clients.</summary>
    public int LiveClients => _live.ClientCount;

    PreviewSession(ServeOptions options, TextWriter log)
    {
        _options = options;
        _log = TextWriter.Synchronized(log);
        // The listener first: the site is built for its address, so absolute links (the 404 page's) stay on the preview.
        _server = new PreviewServer(options.OutputDir, options.Port, _live, () => _errors, WaitForBuild, _shownBase);
    }

    /// <summary>
    /// Builds once, starts serving and watching. Throws <see cref="System.Net.HttpListenerException"/> when the port is
    /// taken, and <see cref="OutputRefusedException"/> before anything else when the preview folder may not be used
    /// (<see cref="OutputFolderGuard"/>: the same rule as <c>build</c>).
    /// </summary>
    public static PreviewSession Start(ServeOptions options, TextWriter log)
    {
        if (OutputFolderGuard.Check(options.Build(null)) is { } refused) throw new OutputRefusedException(refused);
        var session = new PreviewSession(options, log);
        try
        {
            session.Build([]);
            session._watcher = new SiteWatcher([options.ContentDir, options.TemplatesDir], [options.SiteConfigPath], options.OutputDir,
                TimeSpan.FromMilliseconds(200), paths => session._changes.Writer.TryWrite(paths));
            if (session._watcher.PollingReason is { } why)
                log.WriteLine($"系统不让再监视文件，改为每秒检查一次改动 (the system refused a file watcher, checking for changes every second instead): {why}");
            session._loop = Task.Run(session.RebuildLoop);
            session._server.Run();
        }
        catch
        {
            session.Dispose();
            throw;
        }
        log.WriteLine($"预览地址 (preview at): {session.Url}");
        log.WriteLine("改动 content、templates 或 site.yml 后会自动重新构建并刷新网页；按 Ctrl+C 停止 (rebuilds and reloads on every change; press Ctrl+C to stop)");
        return session;
    }

    bool WaitForBuild(TimeSpan timeout)
    {
        try { return _idle.Wait(timeout); }
        catch (ObjectDisposedException) { return true; }
    }

    async Task RebuildLoop()
    {
        var reader = _changes.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stop.Token))
            {
                var paths = new SortedSet<string>(StringComparer.Ordinal);
                while (reader.TryRead(out var batch)) paths.UnionWith(batch);
                if (_stop.IsCancellationRequested) return;
                Build(paths.ToList());
            }
        }
        catch (OperationCanceledException) { }
    }

    void Build(IReadOnlyList<string> changed)
    {
        var time = DateTime.Now.ToString("HH:mm:ss");
        if (changed.Count == 0) _log.WriteLine($"[{time}] 正在构建 (building)…");
        else
        {
            // A save through a temporary file also reports the temporary name, gone by now: name what is there.
            var present = changed.Where(p => File.Exists(p) || Directory.Exists(p)).ToList();
            if (present.Count > 0) changed = present;
            var first = Shown(changed[0]) + (changed.Count > 1 ? $" 等 {changed.Count} 处 (and {changed.Count - 1} more)" : "");
            _log.WriteLine($"[{time}] 有改动 (changed): {first}，正在重新构建 (rebuilding)…");
        }
        var clock = Stopwatch.StartNew();
        BuildResult? result = null;
        _idle.Reset();
        try
        {
            result = SiteBuild.Run(_options.Build(Url.ToString()));
            var errors = result.Problems.Where(p => p.IsError).ToList();
            if (!result.Published && errors.Count == 0)
                errors.Add(new Problem(ProblemCodes.BuildUnfinished, _options.OutputDir, null, "构建没有完成 (the build did not finish)"));
            _errors = result.Published ? [] : errors;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in the build must not stop the preview: show it like any other error.
            _errors = [new Problem(ProblemCodes.Internal, _options.OutputDir, null, $"内部错误，请把这条信息告诉开发人员 (internal error, please report): {e.GetType().Name}: {e.Message}")];
        }
        finally
        {
            _idle.Set();
        }
        Report(result, clock.Elapsed);
        Interlocked.Increment(ref _builds);
        _live.Reload();
    }

    void Report(BuildResult? result, TimeSpan elapsed)
    {
        var warnings = result?.Problems.Where(p => p.Severity == ProblemSeverity.Warning).Select(p => ErrorPanel.Line(p, _shownBase)).ToList() ?? [];
        // Warnings once, when they first appear, so a long list does not scroll by on every save.
        var fresh = warnings.Where(w => !_shownWarnings.Contains(w)).ToList();
        _shownWarnings = [.. warnings];
        foreach (var w in fresh.Take(20)) _log.WriteLine(w);
        if (fresh.Count > 20) _log.WriteLine($"… 另有 {fresh.Count - 20} 条警告，用 baoku build -v 查看 (… {fresh.Count - 20} more warnings; see baoku build -v)");
        var errors = _errors;
        if (errors.Count == 0)
        {
            _log.WriteLine($"网站已生成 (site built): {result?.Articles} 篇文章，用时 {elapsed.TotalSeconds:0.0} 秒 ({elapsed.TotalSeconds:0.0} s)");
            return;
        }
        foreach (var p in errors) _log.WriteLine(ErrorPanel.Line(p, _shownBase));
        _log.WriteLine(Directory.Exists(_options.OutputDir)
            ? $"构建失败：{errors.Count} 个错误，仍在提供上一次成功构建的网站，错误也显示在网页上 (build failed: {errors.Count} errors; still serving the last good site, with the errors on every page)"
            : $"构建失败：{errors.Count} 个错误，错误显示在网页上 (build failed: {errors.Count} errors, shown on the pages)");
    }

    string Shown(string path)
    {
        var relative = Path.GetRelativePath(_shownBase, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative.Replace('\\', '/');
    }

    /// <summary>Stops watching and serving; waits a little for a build that is running.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        _watcher?.Dispose();
        _changes.Writer.TryComplete();
        _stop.Cancel();
        _server.Dispose();
        try { _loop?.Wait(TimeSpan.FromSeconds(30)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}
