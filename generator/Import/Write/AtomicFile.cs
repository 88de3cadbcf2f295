using System.Text;

namespace Baoku.Import.Write;

public static class AtomicFile
{
    /// <summary>Writes to a temporary file beside the target and renames it, so no reader ever sees half a file.</summary>
    public static void Write(string path, string text)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        var tmp = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(tmp, text, new UTF8Encoding(false));
        File.Move(tmp, path, overwrite: true);
    }
}
