using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Baoku.Build;

/// <summary>
/// Writes the site into a staging folder next to the output folder and publishes it only when the whole build
/// succeeded: a failed build leaves the previous site untouched. No path may leave the staging folder.
/// Every file's SHA-256 goes into <see cref="Files"/>, the manifest the build cache keeps.
/// <para>Full build (no previous manifest): everything is staged, and <see cref="Commit"/> swaps the whole folder in.
/// Incremental build (the manifest of the output folder as it is): a file whose bytes equal the previous build's is
/// not written at all; only changed files are staged, and <see cref="Commit"/> moves them into the output folder and
/// deletes the files this build no longer makes. Either way the output folder ends up byte for byte the same.</para>
/// </summary>
public sealed class StagingOutput : ISiteOutput, IDisposable
{
    static readonly UTF8Encoding Utf8 = new(false);
    readonly string _target;
    readonly IReadOnlyDictionary<string, OutputEntry>? _previous;
    readonly ConcurrentDictionary<string, OutputEntry> _files = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, bool> _changed = new(StringComparer.Ordinal);
    bool _committed;

    public string Folder { get; }

    /// <summary>Which stage is writing ("render", "search"): kept in the manifest so an unchanged stage can be skipped next time.</summary>
    public string Stage { get; set; } = BuildStage.Render.Name;

    /// <summary>Files written since the previous build (all of them in a full build).</summary>
    public int ChangedCount => _changed.Count;

    /// <summary>Files of the previous build that this one no longer makes (known after <see cref="Commit"/>).</summary>
    public int DeletedCount { get; private set; }

    public bool Incremental => _previous is not null;

    public IReadOnlyDictionary<string, OutputEntry> Files => _files;

    public StagingOutput(string outputFolder, IReadOnlyDictionary<string, OutputEntry>? previous = null)
    {
        _target = Path.GetFullPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar);
        _previous = previous;
        Folder = _target + ".staging-" + Environment.ProcessId;
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        Directory.CreateDirectory(Folder);
    }

    public void Write(string relativePath, string content) => Put(relativePath, Utf8.GetBytes(content));

    public void CopyFile(string sourcePath, string relativePath) => Put(relativePath, File.ReadAllBytes(sourcePath));

    void Put(string relativePath, byte[] bytes)
    {
        var path = Resolve(relativePath);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (_previous is not null && _previous.TryGetValue(relativePath, out var old) && old.Hash == hash && old.Size == bytes.Length)
        {
            _files[relativePath] = old with { Stage = Stage };
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        _files[relativePath] = new OutputEntry(Stage, hash, bytes.Length, 0);
        _changed[relativePath] = true;
    }

    /// <summary>Keeps the previous build's files of a stage whose inputs did not change, without making them again; returns how many.</summary>
    public int KeepPrevious(string stage)
    {
        if (_previous is null) throw new InvalidOperationException("a full build has no previous files to keep");
        int kept = 0;
        foreach (var (path, entry) in _previous)
            if (entry.Stage == stage) { _files[path] = entry; kept++; }
        return kept;
    }

    /// <summary>Files written since the previous build (all of them in a full build).</summary>
    public IEnumerable<string> Changed => _changed.Keys;

    /// <summary>Files of the previous build that this build does not make.</summary>
    public IEnumerable<string> Gone => _previous is null ? [] : _previous.Keys.Where(p => !_files.ContainsKey(p));

    /// <summary>Where a file of this build can be read before <see cref="Commit"/>: staged if it changed, else the output folder.</summary>
    public string CurrentPath(string relativePath) =>
        _previous is null || _changed.ContainsKey(relativePath) ? Path.Combine(Folder, relativePath) : Path.Combine(_target, relativePath);

    /// <summary>The full path for a site path, refusing anything that would land outside the staging folder.</summary>
    public string Resolve(string relativePath)
    {
        if (relativePath.Contains('\\') || relativePath.Contains(':') || relativePath.StartsWith('/') || relativePath.Any(char.IsControl))
            throw new UnsafePathException(relativePath);
        var full = Path.GetFullPath(Path.Combine(Folder, relativePath));
        if (!full.StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new UnsafePathException(relativePath);
        return full;
    }

    /// <summary>Publishes the build, then records each file's size and modification time in <see cref="Files"/>.</summary>
    public void Commit()
    {
        if (_previous is null) Swap();
        else MoveChanged();
        _committed = true;
        foreach (var (path, entry) in _files)
        {
            var info = new FileInfo(Path.Combine(_target, path));
            _files[path] = entry with { Size = info.Length, MTimeTicks = info.LastWriteTimeUtc.Ticks };
        }
    }

    /// <summary>Full build: rename the old folder away, rename the new one in, delete the old.</summary>
    void Swap()
    {
        var old = _target + ".old-" + Environment.ProcessId;
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        if (Directory.Exists(_target)) Directory.Move(_target, old);
        Directory.Move(Folder, _target);
        if (Directory.Exists(old)) DeleteTree(old);
    }

    /// <summary>Deletes a folder tree with its top-level entries in parallel: a site's tens of thousands of files
    /// are metadata work that one thread does slowly.</summary>
    static void DeleteTree(string folder)
    {
        Parallel.ForEach(Directory.EnumerateDirectories(folder).ToList(), dir => Directory.Delete(dir, recursive: true));
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Incremental build: move the changed files in, delete what is gone (and folders left empty).</summary>
    void MoveChanged()
    {
        foreach (var path in _changed.Keys)
        {
            var to = Path.Combine(_target, path);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Move(Path.Combine(Folder, path), to, overwrite: true);
        }
        var gone = Gone.ToList();
        DeletedCount = gone.Count;
        foreach (var path in gone)
        {
            var full = Path.Combine(_target, path);
            if (File.Exists(full)) File.Delete(full);
            for (var dir = Path.GetDirectoryName(full); dir is not null && dir.Length > _target.Length && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any();
                 dir = Path.GetDirectoryName(dir))
                Directory.Delete(dir);
        }
        Directory.Delete(Folder, recursive: true);
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Folder))
        {
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        }
    }
}

public sealed class UnsafePathException(string path) : Exception($"path would leave the output folder: {path}")
{
    public string SitePath { get; } = path;
}
