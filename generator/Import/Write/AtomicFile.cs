using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Baoku.Import.Write;

public static class AtomicFile
{
    /// <summary>The file could not be written: <see cref="Path"/> is the file, <see cref="FailedPath"/> the path the
    /// failure happened at (the file or a folder above it), the inner exception why.</summary>
    public sealed class WriteFailure(string path, string failedPath, Exception inner) : IOException(inner.Message, inner)
    {
        public string Path { get; } = path;
        public string FailedPath { get; } = failedPath;
    }

    /// <summary>Writes to a temporary file beside the target and renames it, so no reader ever sees half a file; on a
    /// failure the temporary file is removed and <see cref="WriteFailure"/> says where it failed.</summary>
    public static void Write(string path, string text)
    {
        var folder = System.IO.Path.GetDirectoryName(path);
        try
        {
            if (folder is { Length: > 0 }) Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new WriteFailure(path, folder!, e); }
        RemoveStale(string.IsNullOrEmpty(folder) ? "." : folder, System.IO.Path.GetFileName(path) + TmpMark + "*", 0);
        var tmp = path + TmpMark + Environment.ProcessId;
        try
        {
            File.WriteAllText(tmp, text, new UTF8Encoding(false));
            File.Move(tmp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(tmp); } catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
            // The temporary file fails for the same reasons as the file itself would: name the file.
            throw new WriteFailure(path, path, e);
        }
    }

    const string TmpMark = ".tmp-";

    /// <summary>
    /// Deletes the temporary files ("name.tmp-PID", matching <paramref name="pattern"/>) that a killed run of
    /// <see cref="Write"/> left in <paramref name="folder"/> or up to <paramref name="depth"/> folders below it: those
    /// whose process has ended. Best effort: a file that cannot be deleted is tried again next time.
    /// </summary>
    public static void RemoveStale(string folder, string pattern, int depth)
    {
        try
        {
            var options = new EnumerationOptions { RecurseSubdirectories = depth > 0, MaxRecursionDepth = depth, AttributesToSkip = 0 };
            foreach (var file in Directory.EnumerateFiles(folder, pattern, options))
                if (IsStale(System.IO.Path.GetFileName(file)))
                    try { File.Delete(file); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    static bool IsStale(string name)
    {
        int i = name.LastIndexOf(TmpMark, StringComparison.Ordinal);
        if (i <= 0 || !int.TryParse(name.AsSpan(i + TmpMark.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) return false;
        if (pid == Environment.ProcessId) return false;
        try
        {
            using var p = Process.GetProcessById(pid);
            return p.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException) { return true; }
    }
}
