using System.Security.Cryptography;
using System.Text;
using Baoku.Content;

namespace Baoku.Import.Write;

/// <summary>
/// Imported articles as files under content/: where each one goes, and writing it without losing an editor's work.
/// The manifest tells an untouched file (its bytes hash to what the importer wrote) from one an editor changed.
/// </summary>
public static class ArticleFiles
{
    /// <summary>Paths are date folders plus slug; an article keeps the path recorded for its source when the title is unchanged.</summary>
    public static List<ImportedArticle> AssignPaths(List<ImportedArticle> articles, ImportManifest manifest)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<ImportedArticle>();
        foreach (var a in articles)
        {
            var fm = a.FrontMatter;
            var baseSlug = Slug.Make(fm.Date, fm.Title);
            string slug = baseSlug, path;
            for (int n = 2; ; n++)
            {
                path = Slug.RelativePath(fm.Date, slug);
                bool ownedByOther = manifest.Files.TryGetValue(path, out var e) && e.Source != a.SourceKey;
                if (!ownedByOther && taken.Add(path)) break;
                slug = $"{baseSlug}-{n}";
            }
            result.Add(a with { RelativePath = path, FrontMatter = fm with { Slug = slug } });
        }
        return result;
    }

    /// <summary>
    /// Writes one article under <paramref name="contentDir"/> and records it in the manifest. A file an editor changed
    /// is left alone unless <paramref name="force"/>, which still keeps the editor's campaigns.
    /// </summary>
    public static FileResult Write(string contentDir, bool force, ImportManifest manifest, ImportedArticle a)
    {
        var full = Path.Combine(contentDir, a.RelativePath);
        var fm = a.FrontMatter;
        string? note = null;

        // The same source written under another name before (its title changed): move it unless an editor touched it.
        foreach (var (oldPath, entry) in manifest.Files.Where(f => f.Value.Source == a.SourceKey && f.Key != a.RelativePath).ToList())
        {
            var oldFull = Path.Combine(contentDir, oldPath);
            if (File.Exists(oldFull) && Sha256(File.ReadAllBytes(oldFull)) != entry.Sha256 && !force)
                return new FileResult(oldPath, FileOutcome.Conflict,
                    $"此文已被编辑，新导入结果（{a.RelativePath}）未写入 (edited after import; new result {a.RelativePath} not written)");
            if (File.Exists(oldFull)) File.Delete(oldFull);
            manifest.Files.Remove(oldPath);
            note = $"由 {oldPath} 改名 (renamed from {oldPath})";
        }

        manifest.Files.TryGetValue(a.RelativePath, out var previous);
        FileOutcome outcome;
        if (!File.Exists(full)) outcome = note is null ? FileOutcome.Created : FileOutcome.Renamed;
        else
        {
            var existing = File.ReadAllBytes(full);
            bool untouched = previous is not null && Sha256(existing) == previous.Sha256;
            if (!untouched && !force)
                return new FileResult(a.RelativePath, FileOutcome.KeptEdited, "导入后被编辑过，未覆盖；用 --force 替换 (edited after import; not overwritten; use --force to replace)");
            if (!untouched)
            {
                var kept = KeepEditorCampaigns(Encoding.UTF8.GetString(existing), previous?.Campaigns ?? [], fm.Campaigns);
                if (!kept.SequenceEqual(fm.Campaigns))
                {
                    fm = fm with { Campaigns = kept };
                    note = "保留了编辑手工设置的专题 (kept the editor's campaigns)";
                }
                outcome = FileOutcome.Replaced;
            }
            else outcome = FileOutcome.Updated;
        }

        var text = ArticleWriter.Render(fm, a.Body);
        var bytes = Encoding.UTF8.GetBytes(text);
        if (outcome == FileOutcome.Updated && File.ReadAllBytes(full).AsSpan().SequenceEqual(bytes)) outcome = FileOutcome.Unchanged;
        else AtomicFile.Write(full, text);
        manifest.Files[a.RelativePath] = new ImportManifest.Entry(Sha256(bytes), a.SourceKey, a.AutoCampaigns);
        return new FileResult(a.RelativePath, outcome, note);
    }

    /// <summary>
    /// Campaigns an editor added by hand stay, and campaigns an editor removed stay removed: compare the file with
    /// what the rules gave last time.
    /// </summary>
    public static IReadOnlyList<string> KeepEditorCampaigns(string existingFile, IReadOnlyList<string> previousAuto, IReadOnlyList<string> newAuto)
    {
        var inFile = FrontMatterReader.ReadList(FrontMatterReader.Read(existingFile), "campaigns") ?? [];
        var added = inFile.Except(previousAuto).ToList();
        var removed = previousAuto.Except(inFile).ToHashSet();
        return newAuto.Where(c => !removed.Contains(c)).Concat(added).Distinct().ToList();
    }

    static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
