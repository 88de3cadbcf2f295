using System.Text;
using Baoku.Import;
using Baoku.Import.Write;

namespace Baoku.Tests.Support;

/// <summary>A throw-away project folder (seeds/, content/, site.yml) for running the importer end to end.</summary>
public sealed class ImportSandbox : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "baoku-test-" + Guid.NewGuid().ToString("N"));
    public string Seeds => Path.Combine(Root, "seeds");
    public string Content => Path.Combine(Root, "content");
    public string Report => Path.Combine(Root, "import-report.md");
    public string SiteYml => Path.Combine(Root, "site.yml");

    public ImportSandbox(params string[] seedPages)
    {
        Directory.CreateDirectory(Seeds);
        File.Copy(Path.Combine(SeedArticles.RepoRoot, "site.yml"), SiteYml);
        foreach (var page in seedPages) CopySeed(page);
    }

    public string CopySeed(string pagePrefix)
    {
        var source = Directory.GetFiles(Path.Combine(SeedArticles.RepoRoot, "seeds"), pagePrefix + "*.txt").Single();
        var target = Path.Combine(Seeds, Path.GetFileName(source));
        File.Copy(source, target, overwrite: true);
        return target;
    }

    public string WriteSeed(string name, byte[] bytes)
    {
        var path = Path.Combine(Seeds, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Writes a raw page below seeds/; <paramref name="name"/> may name sub-folders ("2024/03/19/A2.txt").</summary>
    public string WriteSeed(string name, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Seeds, name))!);
        return WriteSeed(name, new UTF8Encoding(false).GetBytes(text));
    }

    public ImportResult Run(bool force = false, bool keepGoing = false, bool dryRun = false, string? input = null,
        DateOnly? date = null, int? year = null) =>
        Importer.Run(new ImportOptions(input ?? Seeds, Content, Report, SiteYml, force, dryRun, keepGoing, date, year));

    /// <summary>Every file under content/ with its bytes, for before/after comparisons.</summary>
    public SortedDictionary<string, string> Snapshot()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(Content)) return result;
        foreach (var f in Directory.GetFiles(Content, "*", SearchOption.AllDirectories))
            result[Path.GetRelativePath(Content, f).Replace('\\', '/')] = File.ReadAllText(f);
        return result;
    }

    /// <summary>
    /// Every file and folder under content/ (hidden ones too; folders end in '/'), each file with the SHA-256 of its
    /// bytes: two equal trees are byte-identical, with no file or folder more or less.
    /// </summary>
    public SortedDictionary<string, string> Tree()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(Content)) return result;
        foreach (var d in Directory.GetDirectories(Content, "*", SearchOption.AllDirectories))
            result[Path.GetRelativePath(Content, d).Replace('\\', '/') + "/"] = "";
        foreach (var f in Directory.GetFiles(Content, "*", SearchOption.AllDirectories))
            result[Path.GetRelativePath(Content, f).Replace('\\', '/')] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)));
        return result;
    }

    /// <summary>Temporary and staging files anywhere in the sandbox (import's own or an older version's).</summary>
    public List<string> Leftovers() =>
        Directory.GetFileSystemEntries(Root, "*", SearchOption.AllDirectories)
            .Where(p => Path.GetFileName(p).Contains(".tmp") || p.Contains(".import-staging")).ToList();

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
