namespace Baoku.Serve;

/// <summary>
/// Watches the content and templates folders (with subfolders) and the site configuration file, and calls back once
/// things have been quiet for the debounce time, with the paths that changed. Editors that save through a temporary
/// file and a rename give several events for one save: they come together as one call. Editor scratch files
/// (<c>*.swp</c>, <c>*~</c>, <c>.#*</c>, <c>*.tmp</c>) and anything under the output folder are ignored.
/// </summary>
public sealed class SiteWatcher : IDisposable
{
    readonly List<FileSystemWatcher> _watchers = [];
    readonly Action<IReadOnlyList<string>> _changed;
    readonly TimeSpan _debounce;
    readonly string _ignored;
    readonly Timer _timer;
    readonly object _gate = new();
    readonly SortedSet<string> _pending = new(StringComparer.Ordinal);
    readonly List<(string Path, string? Name)> _polled = [];
    readonly Timer? _poll;
    Dictionary<string, (long Length, DateTime Written)> _snapshot = [];
    int _polling;
    bool _disposed;

    /// <param name="folders">folders watched with all their subfolders (missing ones are skipped)</param>
    /// <param name="files">single files watched</param>
    /// <param name="ignored">a path prefix whose changes are ignored (the output folder and its staging siblings)</param>
    /// <param name="poll">look for changes by listing the files every second instead of through file system events
    /// (what happens anyway when the system refuses more watchers, e.g. Linux's inotify limit)</param>
    public SiteWatcher(IEnumerable<string> folders, IEnumerable<string> files, string ignored, TimeSpan debounce, Action<IReadOnlyList<string>> changed, bool poll = false)
    {
        _changed = changed;
        _debounce = debounce;
        _ignored = Path.GetFullPath(ignored).TrimEnd(Path.DirectorySeparatorChar);
        _timer = new Timer(_ => Fire());
        foreach (var folder in folders)
        {
            var full = Path.GetFullPath(folder);
            if (Directory.Exists(full)) Add(full, null, poll);
        }
        foreach (var file in files)
        {
            var full = Path.GetFullPath(file);
            var dir = Path.GetDirectoryName(full);
            // The folder, filtered to the file's name: a save by rename replaces the file, which a watcher on the
            // file itself would not survive.
            if (dir is not null && Directory.Exists(dir)) Add(dir, Path.GetFileName(full), poll);
        }
        if (_polled.Count > 0)
        {
            _snapshot = Snapshot();
            _poll = new Timer(_ => Poll(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>The folders watched through file system events.</summary>
    public IReadOnlyList<string> Watched => _watchers.Select(w => w.Path).ToList();
    /// <summary>The folders (or files) checked every second instead.</summary>
    public IReadOnlyList<string> Polled => _polled.Select(p => p.Name is null ? p.Path : System.IO.Path.Combine(p.Path, p.Name)).ToList();
    /// <summary>Why some folders are polled, when the system refused a watcher.</summary>
    public string? PollingReason { get; private set; }

    void Add(string folder, string? name, bool poll)
    {
        if (!poll)
        {
            var w = name is null ? new FileSystemWatcher(folder) { IncludeSubdirectories = true } : new FileSystemWatcher(folder, name);
            try
            {
                Start(w);
                _watchers.Add(w);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                w.Dispose();
                PollingReason ??= e.Message;
            }
        }
        _polled.Add((folder, name));
    }

    void Start(FileSystemWatcher w)
    {
        w.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime;
        w.InternalBufferSize = 64 * 1024;
        w.Changed += (_, e) => Note(e.FullPath);
        w.Created += (_, e) => Note(e.FullPath);
        w.Deleted += (_, e) => Note(e.FullPath);
        w.Renamed += (_, e) => { Note(e.OldFullPath); Note(e.FullPath); };
        // Too many changes at once (a git checkout): rebuild anyway.
        w.Error += (_, _) => Note(w.Path);
        w.EnableRaisingEvents = true;
    }

    Dictionary<string, (long, DateTime)> Snapshot()
    {
        var files = new Dictionary<string, (long, DateTime)>(StringComparer.Ordinal);
        foreach (var (folder, name) in _polled)
        {
            try
            {
                var dir = new DirectoryInfo(folder);
                var found = name is null ? dir.EnumerateFiles("*", SearchOption.AllDirectories) : dir.EnumerateFiles(name);
                foreach (var f in found) files[f.FullName] = (f.Length, f.LastWriteTimeUtc);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return files;
    }

    void Poll()
    {
        if (_disposed || Interlocked.Exchange(ref _polling, 1) == 1) return;   // the last look is still going
        try
        {
            var now = Snapshot();
            foreach (var (path, stamp) in now)
                if (!_snapshot.TryGetValue(path, out var before) || before != stamp) Note(path);
            foreach (var path in _snapshot.Keys)
                if (!now.ContainsKey(path)) Note(path);
            _snapshot = now;
        }
        finally
        {
            Volatile.Write(ref _polling, 0);
        }
    }

    void Note(string path)
    {
        if (Ignored(path)) return;
        lock (_gate)
        {
            if (_disposed) return;
            _pending.Add(path);
            _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    bool Ignored(string path)
    {
        if (path == _ignored || path.StartsWith(_ignored + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || path.StartsWith(_ignored + ".staging-", StringComparison.Ordinal) || path.StartsWith(_ignored + ".old-", StringComparison.Ordinal))
            return true;
        var name = Path.GetFileName(path);
        return name.StartsWith(".#", StringComparison.Ordinal) || name.EndsWith('~')
            || name.EndsWith(".swp", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".swx", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) || name == "4913"; // vim's write test
    }

    void Fire()
    {
        string[] paths;
        lock (_gate)
        {
            if (_disposed || _pending.Count == 0) return;
            paths = [.. _pending];
            _pending.Clear();
        }
        _changed(paths);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        foreach (var w in _watchers)
        {
            w.EnableRaisingEvents = false;
            w.Dispose();
        }
        _poll?.Dispose();
        _timer.Dispose();
    }
}
