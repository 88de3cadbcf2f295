using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Baoku.Build;

/// <summary>One file of a built site as the cache remembers it: who wrote it, its SHA-256, and its size and
/// modification time on disk after the build (to notice a file changed by hand since).</summary>
public sealed record OutputEntry(string Stage, string Hash, long Size, long MTimeTicks);

/// <summary>
/// What the last successful build of one output folder left: the fingerprint of its inputs and the manifest of every
/// file it wrote. Kept outside the output folder (by default .baoku-cache/ in the working folder), one file per output
/// folder, so a deploy of the output never carries it. Anything unreadable or from another generator build counts as
/// no cache: the build is then a full one.
/// </summary>
public sealed class BuildCache
{
    const string Header = "baoku-build-cache 2";

    public required string InputFingerprint { get; init; }
    public required string SearchKey { get; init; }
    public required Dictionary<string, OutputEntry> Files { get; init; }
    public int Articles { get; init; }

    /// <summary>The warnings of that build, shown again when nothing changed.</summary>
    public IReadOnlyList<Problem> Warnings { get; init; } = [];

    /// <summary>The cache file for an output folder: named after the folder's full path.</summary>
    public static string PathFor(string cacheDir, string outputDir)
    {
        var full = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..16];
        return Path.Combine(cacheDir, $"{Path.GetFileName(full)}-{id}.manifest");
    }

    /// <summary>The generator build itself is an input: a new version may render differently.</summary>
    public static string GeneratorId { get; } = typeof(BuildCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public static BuildCache? Read(string path)
    {
        try
        {
            if (!File.Exists(path)) return null;
            using var reader = new StreamReader(path, Encoding.UTF8);
            if (reader.ReadLine() != Header) return null;
            if (reader.ReadLine() is not { } generator || generator != "generator " + GeneratorId) return null;
            if (reader.ReadLine() is not { } inputs || !inputs.StartsWith("inputs ", StringComparison.Ordinal)) return null;
            if (reader.ReadLine() is not { } search || !search.StartsWith("search ", StringComparison.Ordinal)) return null;
            if (reader.ReadLine() is not { } articles || !articles.StartsWith("articles ", StringComparison.Ordinal)) return null;
            var files = new Dictionary<string, OutputEntry>(StringComparer.Ordinal);
            var warnings = new List<Problem>();
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                var f = line.Split('\t');
                if (f is ["warning", var id, var file, var at, var message])
                {
                    if (ProblemCodes.ById(id) is not { Severity: ProblemSeverity.Warning } code) return null;
                    warnings.Add(new Problem(code, Unescape(file), at.Length == 0 ? null : int.Parse(at, CultureInfo.InvariantCulture), Unescape(message)));
                }
                else if (f.Length == 5)
                    files[f[4]] = new OutputEntry(f[0], f[1], long.Parse(f[2], CultureInfo.InvariantCulture), long.Parse(f[3], CultureInfo.InvariantCulture));
                else return null;
            }
            return new BuildCache
            {
                InputFingerprint = inputs[7..], SearchKey = search[7..], Files = files,
                Articles = int.Parse(articles[9..], CultureInfo.InvariantCulture), Warnings = warnings,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>Writes the cache file through a temporary file and a rename, so a crash never leaves half a manifest.</summary>
    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var tmp = path + ".tmp-" + Environment.ProcessId;
        using (var writer = new StreamWriter(tmp, false, new UTF8Encoding(false)))
        {
            writer.Write(Header + "\n");
            writer.Write("generator " + GeneratorId + "\n");
            writer.Write("inputs " + InputFingerprint + "\n");
            writer.Write("search " + SearchKey + "\n");
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"articles {Articles}\n"));
            foreach (var w in Warnings)
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"warning\t{w.Code.Id}\t{Escape(w.File)}\t{w.Line}\t{Escape(w.Message)}\n"));
            foreach (var (file, e) in Files.OrderBy(f => f.Key, StringComparer.Ordinal))
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{e.Stage}\t{e.Hash}\t{e.Size}\t{e.MTimeTicks}\t{file}\n"));
        }
        File.Move(tmp, path, overwrite: true);
    }

    static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");

    static string Unescape(string s)
    {
        var b = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 == s.Length) { b.Append(s[i]); continue; }
            b.Append(s[++i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', var c => c });
        }
        return b.ToString();
    }

    /// <summary>Forgets the cache before the output folder is changed in place: if that is cut short, the next build is a full one.</summary>
    public static void Invalidate(string path)
    {
        try { File.Delete(path); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
