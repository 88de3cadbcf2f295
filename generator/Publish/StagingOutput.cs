using System.Text;
using Baoku.Render;

namespace Baoku.Publish;

/// <summary>
/// Writes the site into a fresh staging folder next to the output folder, and swaps it in only when the whole
/// build succeeded: a failed build leaves the previous site untouched. No path may leave the staging folder.
/// </summary>
public sealed class StagingOutput : ISiteOutput, IDisposable
{
    static readonly UTF8Encoding Utf8 = new(false);
    readonly string _target;
    bool _committed;

    public string Folder { get; }

    public StagingOutput(string outputFolder)
    {
        _target = Path.GetFullPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar);
        Folder = _target + ".staging-" + Environment.ProcessId;
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        Directory.CreateDirectory(Folder);
    }

    public void Write(string relativePath, string content)
    {
        var path = Resolve(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, Utf8);
    }

    public void CopyFile(string sourcePath, string relativePath)
    {
        var path = Resolve(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(sourcePath, path, overwrite: true);
    }

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

    /// <summary>Replaces the output folder by the staging folder: rename the old one away, rename the new one in, delete the old.</summary>
    public void Commit()
    {
        var old = _target + ".old-" + Environment.ProcessId;
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        if (Directory.Exists(_target)) Directory.Move(_target, old);
        Directory.Move(Folder, _target);
        _committed = true;
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
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
