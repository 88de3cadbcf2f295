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
    bool _disposed;

    /// <param name="folders">folders watched with all their subfolders (missing ones are skipped)</param>
    /// <param name="files">single files watched</param>
    /// <param name="ignored">a path prefix whose changes are ignored (the output folder and its staging siblings)</param>
    public SiteWatcher(IEnumerable<string> folders, IEnumerable<string> files, string ignored, TimeSpan debounce, Action<IReadOnlyList<string>> changed)
    {
        _changed = changed;
        _debounce = debounce;
        _ignored = Path.GetFullPath(ignored).TrimEnd(Path.DirectorySeparatorChar);
        _timer = new Timer(_ => Fire());
        foreach (var folder in folders)
        {
            var full = Path.GetFullPath(folder);
            if (Directory.Exists(full)) Add(new FileSystemWatcher(full) { IncludeSubdirectories = true });
        }
        foreach (var file in files)
        {
            var full = Path.GetFullPath(file);
            var dir = Path.GetDirectoryName(full);
            // The folder, filtered to the file's name: a save by rename replaces the file, which a watcher on the
            // file itself would not survive.
            if (dir is not null && Directory.Exists(dir)) Add(new FileSystemWatcher(dir, Path.GetFileName(full)) { IncludeSubdirectories = false });
        }
    }

    /// <summary>The folders actually watched.</summary>
    public IReadOnlyList<string> Watched => _watchers.Select(w => w.Path).ToList();

    void Add(FileSystemWatcher w)
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
        _watchers.Add(w);
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
        _timer.Dispose();
    }
}
