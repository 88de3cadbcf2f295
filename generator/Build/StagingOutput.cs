using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Baoku.Build;

/// <summary>
/// Writes the site into a staging folder next to the output folder and publishes it only when the whole build
/// succeeded: a failed build leaves the previous site untouched. No path may leave the staging folder.
/// Every file's SHA-256 goes into <see cref="Files"/>, the manifest the build cache keeps.
/// <para>The staging folder always becomes the complete new site, and <see cref="Commit"/> puts it in the output
/// folder's place in one step (an exchange of the two folders, or two renames where the system cannot exchange), so a
/// build killed at any moment leaves the old site or the new one, never a mix (<see cref="Leftovers"/> tidies up after
/// it). A full build (no previous manifest) writes every file. An incremental one (the manifest of the output folder
/// as it is) writes a file only when its bytes differ from the previous build's; an unchanged file joins the staging
/// folder as a hard link to the published one (same bytes and modification time, no copy; a copy where the file system
/// has no hard links). What that costs: README, "The output folder is the build's alone".</para>
/// </summary>
public sealed class StagingOutput : ISiteOutput, IDisposable
{
    static readonly UTF8Encoding Utf8 = new(false);
    const long Unknown = 0;   // the modification time of a file this build wrote, until RecordTimes reads it
    readonly string _target;
    readonly IReadOnlyDictionary<string, OutputEntry>? _previous;
    readonly ConcurrentDictionary<string, OutputEntry> _files = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, bool> _changed = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    volatile bool _copyInstead;
    bool _committed;
    string? _replaced;

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
        _target = Leftovers.Target(outputFolder);
        _previous = previous;
        Folder = Leftovers.Staging(_target, Environment.ProcessId);
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        Directory.CreateDirectory(Folder);
    }

    public void Write(string relativePath, string content) => Put(relativePath, Utf8.GetBytes(content));

    public void CopyFile(string sourcePath, string relativePath) => Put(relativePath, File.ReadAllBytes(sourcePath));

    void Put(string relativePath, byte[] bytes)
    {
        var path = Resolve(relativePath);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        MakeFolderOf(path);
        if (_previous is not null && _previous.TryGetValue(relativePath, out var old) && old.Hash == hash && old.Size == bytes.Length)
        {
            _files[relativePath] = old with { Stage = Stage };
            if (Keep(relativePath, path)) return;
            _files[relativePath] = old with { Stage = Stage, MTimeTicks = Unknown };   // written again below: a new time
        }
        else
        {
            _files[relativePath] = new OutputEntry(Stage, hash, bytes.Length, Unknown);
            _changed[relativePath] = true;
        }
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Puts the published file of a site path into the staging folder as a hard link; false when it cannot.</summary>
    bool Keep(string relativePath, string path)
    {
        var published = Path.Combine(_target, relativePath);
        if (!_copyInstead && NativeFiles.TryLink(published, path)) return true;
        if (File.Exists(published)) _copyInstead = true;   // the file is there: the file system has no hard links
        return false;
    }

    /// <summary>Keeps the previous build's files of a stage whose inputs did not change, without making them again; returns how many.</summary>
    public int KeepPrevious(string stage)
    {
        if (_previous is null) throw new InvalidOperationException("a full build has no previous files to keep");
        var keep = _previous.Where(p => p.Value.Stage == stage).ToList();
        // In parallel: each link is a metadata call, and the search index alone is tens of thousands of files.
        Parallel.ForEach(keep, file =>
        {
            var to = Resolve(file.Key);
            MakeFolderOf(to);
            var linked = Keep(file.Key, to);
            if (!linked) File.Copy(Path.Combine(_target, file.Key), to);
            _files[file.Key] = linked ? file.Value : file.Value with { MTimeTicks = Unknown };
        });
        return keep.Count;
    }

    /// <summary>Creates the folder of a file once per build, not once per file (a stat call saved per file).</summary>
    void MakeFolderOf(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (_folders.ContainsKey(folder)) return;
        Directory.CreateDirectory(folder);
        _folders[folder] = true;
    }

    /// <summary>Files written since the previous build (all of them in a full build).</summary>
    public IEnumerable<string> Changed => _changed.Keys;

    /// <summary>Files of the previous build that this build does not make.</summary>
    public IEnumerable<string> Gone => _previous is null ? [] : _previous.Keys.Where(p => !_files.ContainsKey(p));

    /// <summary>Where a file of this build can be read before <see cref="Commit"/>.</summary>
    public string CurrentPath(string relativePath) => Path.Combine(Folder, relativePath);

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

    /// <summary>
    /// Publishes the build: marks the staging folder complete, then puts it in the output folder's place. From here on
    /// the new site is the published one; the replaced site is left for <see cref="RemoveReplaced"/>.
    /// </summary>
    public void Commit()
    {
        DeletedCount = Gone.Count();
        File.WriteAllBytes(Path.Combine(Folder, OutputMarker.FileName), OutputMarker.Text);
        if (!Path.Exists(_target))
        {
            Directory.Move(Folder, _target);
            _committed = true;
            return;
        }
        var old = Leftovers.Old(_target, Environment.ProcessId);
        if (Directory.Exists(old)) Leftovers.DeleteTree(old);
        if (NativeFiles.TryExchange(Folder, _target))
        {
            _committed = true;
            _replaced = Folder;   // the old site, under the staging folder's name
            return;
        }
        // Two renames: a kill between them leaves no output folder, and the next build puts this complete staging
        // folder in its place (Leftovers.Clear).
        Directory.Move(_target, old);
        try { Directory.Move(Folder, _target); }
        catch
        {
            Directory.Move(old, _target);
            throw;
        }
        _committed = true;
        _replaced = old;
    }

    /// <summary>Deletes the replaced site (renamed NAME.old-PID first, so that no name says it is a new one); a warning when it cannot.</summary>
    public Problem? RemoveReplaced()
    {
        if (_replaced is null) return null;
        var dir = _replaced;
        try
        {
            var old = Leftovers.Old(_target, Environment.ProcessId);
            if (dir != old)
            {
                Directory.Move(dir, old);
                dir = old;
            }
            Leftovers.DeleteTree(dir);
            _replaced = null;
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Leftovers.NotRemoved(dir, e);
        }
    }

    /// <summary>
    /// Records the size and modification time of each published file written by this build in <see cref="Files"/>, for
    /// the cache. A linked file is the published one: its entry, checked against the disk before the build, still holds.
    /// </summary>
    public void RecordTimes()
    {
        var written = _files.Where(f => f.Value.MTimeTicks == Unknown).ToList();
        Parallel.ForEach(written, file =>
        {
            var info = new FileInfo(Path.Combine(_target, file.Key));
            _files[file.Key] = file.Value with { Size = info.Length, MTimeTicks = info.LastWriteTimeUtc.Ticks };
        });
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Folder))
        {
            try { Directory.Delete(Folder, recursive: true); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }
}

public sealed class UnsafePathException(string path) : Exception($"path would leave the output folder: {path}")
{
    public string SitePath { get; } = path;
}
