using System.Security.Cryptography;
using System.Text;
using Baoku.Content;

namespace Baoku.Import.Write;

/// <summary>
/// Imported articles as files under content/: where each one goes, and what to write without losing an editor's work
/// (<see cref="Plan"/>; <see cref="ContentTransaction"/> writes it). The manifest tells an untouched file (its bytes
/// hash to what the importer wrote) from one an editor changed.
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
    /// Decides what the import does to each article's file without writing anything: create, replace or leave it,
    /// delete the file of a source written under another name before, and how the manifest will read once exactly
    /// these changes are made. A file an editor changed is left alone unless <paramref name="force"/>, which still
    /// keeps the editor's campaigns. A folder where an article or a month folder should be, or a file that cannot be
    /// read, is a problem of the plan, naming the path: then nothing may be written.
    /// </summary>
    public static ContentPlan Plan(string contentDir, bool force, ImportManifest manifest, IReadOnlyList<ImportedArticle> articles)
    {
        var next = manifest.Copy();
        var plan = new ContentPlan(next);
        FoldersInTheWay(contentDir, articles, plan.Problems);
        if (plan.Problems.Count > 0) return plan;

        // Rendering each article and reading its file as it is now are independent: in parallel.
        var rendered = new byte[articles.Count][];
        var now = new OnDisk[articles.Count];
        Parallel.For(0, articles.Count, i =>
        {
            rendered[i] = Encoding.UTF8.GetBytes(ArticleWriter.Render(articles[i].FrontMatter, articles[i].Body));
            now[i] = OnDisk.Read(Path.Combine(contentDir, articles[i].RelativePath));
        });

        var bySource = manifest.Files.GroupBy(f => f.Value.Source).ToDictionary(g => g.Key, g => g.Select(f => f.Key).ToList());
        var deleted = new Dictionary<string, PlannedDelete>(StringComparer.Ordinal);
        for (int i = 0; i < articles.Count; i++)
        {
            var a = articles[i];
            var full = Path.Combine(contentDir, a.RelativePath);
            var fm = a.FrontMatter;
            string? note = null;

            // The same source written under another name before (its title changed): move it unless an editor touched it.
            var olds = (bySource.GetValueOrDefault(a.SourceKey) ?? []).Where(p => p != a.RelativePath && next.Files.ContainsKey(p))
                .Select(p => (Path: p, Now: OnDisk.Read(Path.Combine(contentDir, p)))).ToList();
            if (olds.FirstOrDefault(o => o.Now.Error is not null) is { Path: not null } unreadable)
            {
                plan.Problems.Add(ReadProblem(Path.Combine(contentDir, unreadable.Path), unreadable.Now.Error!));
                continue;
            }
            if (!force && olds.FirstOrDefault(o => o.Now.Bytes is not null && o.Now.Sha256 != next.Files[o.Path].Sha256) is { Path: { } edited })
            {
                plan.Results.Add(new FileResult(edited, FileOutcome.Conflict,
                    $"此文已被编辑，新导入结果（{a.RelativePath}）未写入 (edited after import; new result {a.RelativePath} not written)"));
                continue;
            }
            foreach (var (oldPath, old) in olds)
            {
                if (old.Bytes is not null) deleted[oldPath] = new PlannedDelete(oldPath, old.Sha256!);
                next.Files.Remove(oldPath);
                note = $"由 {oldPath} 改名 (renamed from {oldPath})";
            }

            var existing = now[i];
            if (existing.Error is not null) { plan.Problems.Add(ReadProblem(full, existing.Error)); continue; }
            if (existing.IsFolder)
            {
                var (zh, en) = IoMessages.FolderInTheWay;
                plan.Problems.Add(new Problem(ProblemCodes.ImportWrite, full, null, $"无法写入文章：{zh} (cannot write the article: {en})"));
                continue;
            }
            next.Files.TryGetValue(a.RelativePath, out var previous);
            FileOutcome outcome;
            if (existing.Bytes is null) outcome = note is null ? FileOutcome.Created : FileOutcome.Renamed;
            else
            {
                bool untouched = previous is not null && existing.Sha256 == previous.Sha256;
                if (!untouched && !force)
                {
                    plan.Results.Add(new FileResult(a.RelativePath, FileOutcome.KeptEdited, "导入后被编辑过，未覆盖；用 --force 替换 (edited after import; not overwritten; use --force to replace)"));
                    continue;
                }
                if (!untouched)
                {
                    var kept = KeepEditorCampaigns(Encoding.UTF8.GetString(existing.Bytes), previous?.Campaigns ?? [], fm.Campaigns);
                    if (!kept.SequenceEqual(fm.Campaigns))
                    {
                        fm = fm with { Campaigns = kept };
                        note = "保留了编辑手工设置的专题 (kept the editor's campaigns)";
                    }
                    outcome = FileOutcome.Replaced;
                }
                else outcome = FileOutcome.Updated;
            }

            var bytes = ReferenceEquals(fm, a.FrontMatter) ? rendered[i] : Encoding.UTF8.GetBytes(ArticleWriter.Render(fm, a.Body));
            var sha = Sha256(bytes);
            if (outcome == FileOutcome.Updated && existing.Bytes.AsSpan().SequenceEqual(bytes)) outcome = FileOutcome.Unchanged;
            else plan.Writes.Add(new PlannedWrite(a.RelativePath, bytes, existing.Sha256, sha));
            next.Files[a.RelativePath] = new ImportManifest.Entry(sha, a.SourceKey, a.AutoCampaigns);
            plan.Results.Add(new FileResult(a.RelativePath, outcome, note));
        }
        // A path written again replaces its file: it is not deleted as well.
        var written = plan.Writes.Select(w => w.RelativePath).ToHashSet(StringComparer.Ordinal);
        plan.Deletes.AddRange(deleted.Values.Where(d => !written.Contains(d.RelativePath)));
        return plan;
    }

    /// <summary>A file where content/, a date folder or the manifest's folder should be stops the import before it starts.</summary>
    static void FoldersInTheWay(string contentDir, IReadOnlyList<ImportedArticle> articles, List<Problem> problems)
    {
        const string Zh = "无法写入文章：这里应该是文件夹，却是一个文件，请删除或改名后再导入";
        const string En = "cannot write the articles: this should be a folder but is a file; remove or rename it, then import again";
        if (File.Exists(contentDir)) { problems.Add(new Problem(ProblemCodes.ImportWrite, contentDir, null, $"{Zh} ({En})")); return; }
        var manifestPath = Path.Combine(contentDir, ImportManifest.FileName);
        if (Directory.Exists(manifestPath))
        {
            var (zh, en) = IoMessages.FolderInTheWay;
            problems.Add(new Problem(ProblemCodes.ImportWrite, manifestPath, null, $"无法写入导入记录：{zh} (cannot write the import manifest: {en})"));
        }
        var checkedFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in articles)
        {
            var parts = a.RelativePath.Split('/');
            for (int n = 1; n < parts.Length; n++)
            {
                var folder = string.Join('/', parts.Take(n));
                if (!checkedFolders.Add(folder)) continue;
                var full = Path.Combine(contentDir, folder);
                if (File.Exists(full)) problems.Add(new Problem(ProblemCodes.ImportWrite, full, null, $"{Zh} ({En})"));
            }
        }
    }

    static Problem ReadProblem(string path, Exception e) => new(ProblemCodes.ImportWrite, path, null, IoMessages.CannotRead(e, path));

    /// <summary>A path under content/ as it is now: missing, a folder, or a file with its bytes (or why it cannot be read).</summary>
    readonly record struct OnDisk(bool IsFolder, byte[]? Bytes, string? Sha256, Exception? Error)
    {
        public static OnDisk Read(string path)
        {
            try
            {
                if (Directory.Exists(path)) return new(true, null, null, null);
                if (!File.Exists(path)) return default;
                var bytes = File.ReadAllBytes(path);
                return new(false, bytes, ArticleFiles.Sha256(bytes), null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return new(false, null, null, e); }
        }
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

    internal static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
