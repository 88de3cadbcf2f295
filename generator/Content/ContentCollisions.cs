namespace Baoku.Content;

/// <summary>
/// Checks across files that every loaded article has its own URL (YYYY/MM/slug from its date and slug) and that no
/// alias lands on another article's URL or alias. The later file in path order gets the error and is not loaded.
/// </summary>
internal static class ContentCollisions
{
    public static void Check(IReadOnlyList<ParsedFile> files)
    {
        // Output folders may live on a case-insensitive file system: compare ignoring case.
        var urls = new Dictionary<string, ParsedFile>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in files)
        {
            if (f.Article is null || f.HasErrors || f.UrlKey is null) continue;
            if (urls.TryGetValue(f.UrlKey, out var first))
            {
                f.Add(ProblemCodes.DuplicateUrl, f.UrlLine, $"网址 {f.UrlKey}/ 已经被 {first.ShownPath} 使用（日期的年月和 slug 都相同），请改 slug",
                    $"duplicate URL {f.UrlKey}/: already used by {first.ShownPath} (same year, month and slug); change the slug");
                continue;
            }
            urls.Add(f.UrlKey, f);
        }

        var aliases = new Dictionary<string, ParsedFile>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in files)
        {
            if (f.Article is null || f.HasErrors) continue;
            foreach (var (key, line) in f.AliasKeys)
            {
                if (urls.TryGetValue(key, out var owner) && owner != f)
                    f.Add(ProblemCodes.AliasCollision, line, $"旧网址（alias）{key}/ 是 {owner.ShownPath} 的网址", $"alias {key}/ is the URL of {owner.ShownPath}");
                else if (aliases.TryGetValue(key, out var other) && other != f)
                    f.Add(ProblemCodes.AliasCollision, line, $"旧网址（alias）{key}/ 已经是 {other.ShownPath} 的旧网址", $"alias {key}/ is already an alias of {other.ShownPath}");
                else
                    aliases.TryAdd(key, f);
            }
        }
    }
}
