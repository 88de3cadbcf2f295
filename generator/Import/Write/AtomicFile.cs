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
        var tmp = path + ".tmp-" + Environment.ProcessId;
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
}
