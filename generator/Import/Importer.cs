using Baoku.Config;
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
            AtomicFile.Write(o.ReportPath, ImportReportWriter.Render(result));
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
            var paper = PaperProfile.For(config.Papers, RelativePath(o.Input, file));
            var outcome = PageImporter.Import(read.Page, config, paper, pageOverride, o.Today);
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
        articles = ArticleFiles.AssignPaths(articles, manifest);

        bool blocked = problems.Any(p => p.IsError) && !o.KeepGoing;
        if (blocked || o.DryRun)
            return new ImportResult(pages, articles, [], problems, false);

        var results = new List<FileResult>();
        try
        {
            Directory.CreateDirectory(o.ContentDir);
            foreach (var a in articles) results.Add(ArticleFiles.Write(o.ContentDir, o.Force, manifest, a));
            AtomicFile.Write(Path.Combine(o.ContentDir, ImportManifest.FileName), manifest.Serialize());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new Problem(ProblemCodes.ImportWrite, o.ContentDir, null, $"无法写入内容文件夹 (cannot write to the content folder): {e.Message}"));
        }
        return new ImportResult(pages, articles, results, problems, true);
    }

    /// <summary>A page's path below the import folder ('/' separated); its file name when one file is imported.</summary>
    static string RelativePath(string input, string file) =>
        (File.Exists(input) ? Path.GetFileName(file) : Path.GetRelativePath(input, file)).Replace('\\', '/');

    static List<string> ListInputs(string input, List<Problem> problems)
    {
        if (File.Exists(input)) return [input];
        var (files, listProblems) = RawPageReader.ListPages(input);
        problems.AddRange(listProblems);
        return files.ToList();
    }
}
