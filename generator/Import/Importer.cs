using System.Security.Cryptography;
using System.Text;
using Baoku.Config;
using Baoku.Content;
using Baoku.Import.Read;
using Baoku.Import.Write;

namespace Baoku.Import;

public sealed record ImportOptions(
    string Input,           // a folder of raw pages or one page file
    string ContentDir,
    string ReportPath,
    string SiteConfigPath,
    bool Force,
    bool DryRun,
    bool KeepGoing,
    DateOnly Today);

/// <summary>
/// The import stage: reads raw pages, turns each into articles and report items, then writes content/ and the
/// report. Nothing is written when any input has an error (unless --keep-going), and a file an editor changed
/// after import is never overwritten (unless --force, which still keeps the editor's campaigns).
/// </summary>
public static class Importer
{
    public static ImportResult Run(ImportOptions o, Action<string>? progress = null)
    {
        var result = Analyse(o, progress);
        if (o.DryRun || result.Pages.Count == 0) return result;
        try
        {
            WriteAtomically(o.ReportPath, ImportReportWriter.Render(result));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return result with { Problems = [.. result.Problems, new Problem(ProblemCodes.ImportWrite, o.ReportPath, null, $"无法写入导入报告 (cannot write the import report): {e.Message}")] };
        }
        return result;
    }

    static ImportResult Analyse(ImportOptions o, Action<string>? progress)
    {
        var problems = new List<Problem>();
        var (config, configProblems) = SiteConfigLoader.Load(o.SiteConfigPath);
        problems.AddRange(configProblems);
        if (config is null) return new ImportResult([], [], [], problems, false);

        var files = ListInputs(o.Input, problems);
        var pages = new List<PageReport>();
        var articles = new List<ImportedArticle>();
        foreach (var file in files)
        {
            progress?.Invoke(file);
            var read = RawPageReader.Read(file);
            problems.AddRange(read.Problems);
            if (read.Page is null) continue;
            var pageOverride = SidecarLoader.Resolve(config, file, out var sidecarProblems);
            problems.AddRange(sidecarProblems);
            var outcome = PageImporter.Import(read.Page, config, pageOverride, o.Today);
            problems.AddRange(outcome.Problems);
            pages.Add(outcome.Report);
            articles.AddRange(outcome.Articles);
        }

        var (manifest, manifestError) = ImportManifest.Load(o.ContentDir);
        if (manifest is null)
        {
            problems.Add(new Problem(ProblemCodes.Manifest, Path.Combine(o.ContentDir, ImportManifest.FileName), null, manifestError!));
            return new ImportResult(pages, articles, [], problems, false);
        }
        articles = AssignPaths(articles, manifest);

        bool blocked = problems.Any(p => p.IsError) && !o.KeepGoing;
        if (blocked || o.DryRun)
            return new ImportResult(pages, articles, [], problems, false);

        var results = new List<FileResult>();
        try
        {
            Directory.CreateDirectory(o.ContentDir);
            foreach (var a in articles) results.Add(WriteArticle(o, manifest, a));
            WriteAtomically(Path.Combine(o.ContentDir, ImportManifest.FileName), manifest.Serialize());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new Problem(ProblemCodes.ImportWrite, o.ContentDir, null, $"无法写入内容文件夹 (cannot write to the content folder): {e.Message}"));
        }
        return new ImportResult(pages, articles, results, problems, true);
    }

    static List<string> ListInputs(string input, List<Problem> problems)
    {
        if (File.Exists(input)) return [input];
        var (files, listProblems) = RawPageReader.ListPages(input);
        problems.AddRange(listProblems);
        return files.ToList();
    }

    /// <summary>Paths are date folders plus slug; an article keeps the path recorded for its source when the title is unchanged.</summary>
    static List<ImportedArticle> AssignPaths(List<ImportedArticle> articles, ImportManifest manifest)
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

    static FileResult WriteArticle(ImportOptions o, ImportManifest manifest, ImportedArticle a)
    {
        var full = Path.Combine(o.ContentDir, a.RelativePath);
        var fm = a.FrontMatter;
        string? note = null;

        // The same source written under another name before (its title changed): move it unless an editor touched it.
        foreach (var (oldPath, entry) in manifest.Files.Where(f => f.Value.Source == a.SourceKey && f.Key != a.RelativePath).ToList())
        {
            var oldFull = Path.Combine(o.ContentDir, oldPath);
            if (File.Exists(oldFull) && Sha256(File.ReadAllBytes(oldFull)) != entry.Sha256 && !o.Force)
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
            if (!untouched && !o.Force)
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
        else WriteAtomically(full, text);
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

    /// <summary>Writes to a temporary file beside the target and renames it, so no reader ever sees half a file.</summary>
    public static void WriteAtomically(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var tmp = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(tmp, text, new UTF8Encoding(false));
        File.Move(tmp, path, overwrite: true);
    }

    static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
