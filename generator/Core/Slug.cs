using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Baoku.Core;

/// <summary>
/// Slugs: the last part of an article's file name and URL. Made as <c>yyyyMMdd-xxxxxxxx</c> from the date and a hash
/// of the title, ASCII only, so they are safe on Windows, macOS and Linux and inside zip files (no pinyin package
/// exists to spell titles). Written by the importer and by <c>baoku new</c>, validated by the content loader.
/// </summary>
public static partial class Slug
{
    public static string Make(DateOnly date, string title) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + Hash(title);

    /// <summary>The article file for a slug under content/: <c>yyyy/MM/slug.md</c>.</summary>
    public static string RelativePath(DateOnly date, string slug) => date.ToString("yyyy/MM", CultureInfo.InvariantCulture) + "/" + slug + ".md";

    /// <summary>Makes slugs unique within a batch and against files already claimed, by adding -2, -3 in input order.</summary>
    public static string Unique(string slug, ISet<string> taken)
    {
        var candidate = slug;
        for (int n = 2; !taken.Add(candidate); n++) candidate = $"{slug}-{n}";
        return candidate;
    }

    static string Hash(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..8];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex ValidRx();

    /// <summary>Lower-case ASCII letters, digits and hyphens, starting with a letter or digit, at most 100 characters.</summary>
    public static bool IsValid(string slug) => ValidRx().IsMatch(slug);

    /// <summary>Why a slug cannot be used in a URL ("中文", "English"), or null when it can.</summary>
    public static (string Zh, string En)? Problem(string slug)
    {
        if (IsValid(slug)) return null;
        if (slug.Contains('/') || slug.Contains('\\') || slug.Contains(".."))
            return ($"slug“{slug}”会跳出输出文件夹：不能含有 /、\\ 或 ..",
                $"slug '{slug}' would leave the output folder: it must not contain /, \\ or ..");
        return ($"slug“{slug}”只能用小写英文字母、数字和连字符（-），以字母或数字开头，最多 100 个字符",
            $"slug '{slug}' must be lower-case ASCII letters, digits and hyphens, start with a letter or digit, at most 100 characters");
    }
}
