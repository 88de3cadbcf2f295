using Baoku.Site;

namespace Baoku.Render;

/// <summary>
/// Where a build's templates come from: the site's own <c>templates/</c> over the templates bundled with the
/// program, file by file. A site overrides one template, partial or asset by putting a file with the same path in its
/// folder; every other file comes from the bundled theme, so a newsroom can change its article footer without
/// copying (and later maintaining) the whole theme.
/// </summary>
public sealed record TemplateFolders(string Site, string? Bundled)
{
    /// <summary>The templates copied beside the program (generator/Baoku.csproj), in the dotnet tool too.</summary>
    public static string BundledFolder => Path.Combine(AppContext.BaseDirectory, "templates");

    /// <summary>The site's folder over the bundled one (none when the site folder is the bundled one, or there is none).</summary>
    public static TemplateFolders Over(string site, string? bundled = null)
    {
        bundled ??= BundledFolder;
        bool separate = Directory.Exists(bundled) && !SameFolder(site, bundled);
        return new TemplateFolders(site, separate ? bundled : null);
    }

    static bool SameFolder(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);

    IEnumerable<string> Layers => Bundled is null ? [Site] : [Site, Bundled];

    /// <summary>The file a relative path (<c>pages/article.sbn-html</c>) resolves to: the site's if it has one, else the bundled one.</summary>
    public string? Find(string relative)
    {
        foreach (var layer in Layers)
        {
            var path = Path.Combine(layer, relative);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    /// <summary>Every file that takes part, by relative path ('/'-separated, ordinal order), each from the layer that wins.</summary>
    public IReadOnlyList<(string Relative, string Path)> Files()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var layer in Layers)
        {
            if (!Directory.Exists(layer)) continue;
            foreach (var f in Directory.GetFiles(layer, "*", SearchOption.AllDirectories))
                files.TryAdd(Path.GetRelativePath(layer, f).Replace('\\', '/'), f);
        }
        return files.Select(kv => (kv.Key, kv.Value)).ToList();
    }

    /// <summary>The assets (<c>assets/…</c>), copied to the site as they are.</summary>
    public IReadOnlyList<AssetFile> Assets() =>
        Files().Where(f => f.Relative.StartsWith("assets/", StringComparison.Ordinal)).Select(f => new AssetFile(f.Path, f.Relative)).ToList();
}
