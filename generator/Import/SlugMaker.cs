using System.Security.Cryptography;
using System.Text;

namespace Baoku.Import;

/// <summary>
/// File names for imported articles: <c>yyyyMMdd-xxxxxxxx</c> from the date and a hash of the title. ASCII only,
/// so they are safe on Windows, macOS and Linux and inside zip files (no pinyin package exists to spell titles).
/// </summary>
public static class SlugMaker
{
    public static string Slug(DateOnly date, string title) => $"{date:yyyyMMdd}-{Hash(title)}";

    public static string RelativePath(DateOnly date, string slug) => $"{date:yyyy}/{date:MM}/{slug}.md";

    /// <summary>Makes slugs unique within a batch and against files already claimed, by adding -2, -3 in input order.</summary>
    public static string Unique(string slug, ISet<string> taken)
    {
        var candidate = slug;
        for (int n = 2; !taken.Add(candidate); n++) candidate = $"{slug}-{n}";
        return candidate;
    }

    static string Hash(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..8];
}
