namespace Baoku.Config;

/// <summary>
/// A sidecar file states facts about one raw page, next to it: <c>seeds/000_x.txt</c> → <c>seeds/000_x.yml</c>,
/// with the same <c>date:</c> / <c>page:</c> keys as an entry of site.yml's <c>pages:</c>. A sidecar wins over site.yml.
/// </summary>
public static class SidecarLoader
{
    /// <summary>The sidecar path for a raw page: the page's path with <c>.yml</c> instead of <c>.txt</c>.</summary>
    public static string SidecarPath(string rawPagePath) => Path.ChangeExtension(rawPagePath, ".yml");

    /// <summary>The sidecar's facts, or null when there is no sidecar or it has errors (then <paramref name="problems"/> says why).</summary>
    public static PageOverride? Load(string rawPagePath, out IReadOnlyList<Problem> problems)
    {
        var path = SidecarPath(rawPagePath);
        string yaml;
        try
        {
            if (!File.Exists(path)) { problems = []; return null; }
            yaml = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems = [new(ProblemCodes.SidecarError, path, null, $"无法读取版面说明文件 (cannot read the page sidecar: {ex.Message})")];
            return null;
        }
        return LoadFromString(yaml, path, out problems);
    }

    public static PageOverride? LoadFromString(string yaml, string fileName, out IReadOnlyList<Problem> problems)
    {
        var p = new YamlProblems(fileName, YamlCodes.Sidecar);
        problems = p.List;
        var root = p.Parse(yaml);
        if (p.HasErrors) return null;
        if (root is null)
        {
            p.Warning(null, "版面说明文件是空的", "the page sidecar is empty");
            return null;
        }
        var page = PageOverrideReader.Read(p, root, new("版面说明文件", "the page sidecar"));
        return p.HasErrors ? null : page;
    }

    /// <summary>Field by field, what the sidecar states wins over what site.yml states.</summary>
    public static PageOverride? Merge(PageOverride? fromSiteYml, PageOverride? fromSidecar)
    {
        if (fromSiteYml is null) return fromSidecar;
        if (fromSidecar is null) return fromSiteYml;
        return new PageOverride(fromSidecar.Date ?? fromSiteYml.Date, fromSidecar.PageName ?? fromSiteYml.PageName);
    }

    /// <summary>Everything stated about a raw page: site.yml's <c>pages:</c> entry (by file name), overridden by its sidecar.</summary>
    public static PageOverride? Resolve(SiteConfig config, string rawPagePath, out IReadOnlyList<Problem> problems)
    {
        config.Pages.TryGetValue(Path.GetFileName(rawPagePath), out var fromSiteYml);
        var fromSidecar = Load(rawPagePath, out problems);
        return Merge(fromSiteYml, fromSidecar);
    }
}
