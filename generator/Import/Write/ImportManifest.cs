using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Baoku.Import.Write;

/// <summary>
/// What the importer last wrote, kept in content/.import-manifest.json: for each file the hash of the bytes
/// written, the source it came from and the campaigns the rules gave. A file whose bytes differ from the
/// recorded hash was edited by a person, and the importer leaves it alone.
/// </summary>
public sealed class ImportManifest
{
    public const string FileName = ".import-manifest.json";

    public sealed record Entry(
        [property: JsonPropertyName("sha256")] string Sha256,
        [property: JsonPropertyName("source")] string Source,
        [property: JsonPropertyName("campaigns")] IReadOnlyList<string> Campaigns);

    sealed record Document(
        [property: JsonPropertyName("version")] int Version,
        [property: JsonPropertyName("files")] SortedDictionary<string, Entry> Files);

    public SortedDictionary<string, Entry> Files { get; } = new(StringComparer.Ordinal);

    static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Loads the manifest; a missing file is an empty manifest, a damaged one is reported.</summary>
    public static (ImportManifest? Manifest, string? Error) Load(string contentDir)
    {
        var path = Path.Combine(contentDir, FileName);
        var manifest = new ImportManifest();
        if (!File.Exists(path)) return (manifest, null);
        try
        {
            var doc = JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Options);
            if (doc?.Files is null) return (null, "导入记录文件内容不完整 (import manifest is incomplete)");
            foreach (var (k, v) in doc.Files) manifest.Files[k] = v;
            return (manifest, null);
        }
        catch (JsonException e)
        {
            return (null, $"导入记录文件无法读取，请修复或删除它 (import manifest cannot be read; repair or delete it): {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, IoMessages.CannotRead(e, path));
        }
    }

    /// <summary>A copy to change without changing this one.</summary>
    public ImportManifest Copy()
    {
        var copy = new ImportManifest();
        foreach (var (k, v) in Files) copy.Files[k] = v;
        return copy;
    }

    public string Serialize() =>
        JsonSerializer.Serialize(new Document(1, new SortedDictionary<string, Entry>(Files, StringComparer.Ordinal)), Options).Replace("\r\n", "\n") + "\n";
}
