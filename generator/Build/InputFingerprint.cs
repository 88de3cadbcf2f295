using System.Security.Cryptography;
using System.Text;

namespace Baoku.Build;

/// <summary>
/// One hash over everything a build reads: the generator itself, the options, site.yml, and every file under the
/// templates and content folders (path and bytes). Equal fingerprints mean the build would write the same site.
/// </summary>
public static class InputFingerprint
{
    public static string Of(BuildOptions o)
    {
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Text(string s) { all.AppendData(Encoding.UTF8.GetBytes(s)); all.AppendData("\0"u8); }

        Text(BuildCache.GeneratorId);
        Text($"drafts={o.IncludeDrafts} base={o.BaseUrl}");
        Text("site.yml");
        all.AppendData(FileHash(o.SiteConfigPath));
        Folder(all, "templates", o.TemplatesDir);
        Folder(all, "content", o.ContentDir);
        return Convert.ToHexStringLower(all.GetHashAndReset());
    }

    static void Folder(IncrementalHash all, string name, string folder)
    {
        var root = Path.GetFullPath(folder);
        string[] files = Directory.Exists(root)
            ? Directory.GetFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : [];
        var hashes = new byte[files.Length][];
        Parallel.For(0, files.Length, i => hashes[i] = FileHash(files[i]));
        all.AppendData(Encoding.UTF8.GetBytes($"{name}\0{files.Length}\0"));
        for (int i = 0; i < files.Length; i++)
        {
            all.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, files[i]) + "\0"));
            all.AppendData(hashes[i]);
        }
    }

    /// <summary>A missing or unreadable file hashes to a marker: the build itself reports it.</summary>
    static byte[] FileHash(string path)
    {
        try { return SHA256.HashData(File.ReadAllBytes(path)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return "missing"u8.ToArray(); }
    }
}
