using System.Security.Cryptography;
using System.Text;
using Baoku.Render;

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
        // The templates that take part: the site's own over the bundled ones, so a changed bundled theme counts too.
        Files(all, "templates", TemplateFolders.Over(o.TemplatesDir).Files());
        var content = Path.GetFullPath(o.ContentDir);
        Files(all, "content", Directory.Exists(content)
            ? Directory.GetFiles(content, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (Path.GetRelativePath(content, f), f)).ToList()
            : []);
        return Convert.ToHexStringLower(all.GetHashAndReset());
    }

    static void Files(IncrementalHash all, string name, IReadOnlyList<(string Relative, string Path)> files)
    {
        var hashes = new byte[files.Count][];
        Parallel.For(0, files.Count, i => hashes[i] = FileHash(files[i].Path));
        all.AppendData(Encoding.UTF8.GetBytes($"{name}\0{files.Count}\0"));
        for (int i = 0; i < files.Count; i++)
        {
            all.AppendData(Encoding.UTF8.GetBytes(files[i].Relative + "\0"));
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
