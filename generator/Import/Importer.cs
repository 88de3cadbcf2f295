using Baoku.Config;
using Baoku.Import.Enrich;
using Baoku.Import.Read;
using Baoku.Import.Write;

namespace Baoku.Import;

public sealed record ImportOptions(
    string Input,           // a folder of raw pages (sub-folders included) or one page file
    string ContentDir,
    string ReportPath,
    string SiteConfigPath,
    bool Force,
    bool DryRun,
    bool KeepGoing,
    DateOnly? Date = null,  // --date: every page of the run appeared that day (a page's site.yml or sidecar date still wins)
    int? Year = null,       // --year: every page of the run appeared that year
    string? ReviewPath = null) // --review: the review page; default import-review.html beside the report
{
    /// <summary>Where the review page goes: <see cref="ReviewPath"/>, else <c>import-review.html</c> in the report's folder.</summary>
    public string ReviewFile => ReviewPath ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ReportPath))!, ImportReviewWriter.FileName);
}

/// <summary>
/// The import stage: reads raw pages, turns each into articles and report items, then writes content/, the
/// report and the review page. Nothing is written when any input has an error (unless --keep-going), and a file an editor changed
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
        catch (AtomicFile.WriteFailure e)
        {
            return result with { Problems = [.. result.Problems, Unwritten(e, "导入报告", "the import report")] };
        }
        try
        {
            AtomicFile.Write(o.ReviewFile, ImportReviewWriter.Render(result));
        }
        catch (AtomicFile.WriteFailure e)
        {
            return result with { Problems = [.. result.Problems, Unwritten(e, "导入核对页", "the import review page")] };
        }
        return result;
    }

    static Problem Unwritten(AtomicFile.WriteFailure e, string zh, string en)
    {
        var (whyZh, whyEn) = IoMessages.Reason(e.InnerException!, e.FailedPath);
        return Problem.Of(ProblemCodes.ImportWrite, e.Path, null, $"无法写入{zh}：{whyZh}", $"cannot write {en}: {whyEn}");
    }

    static ImportResult Analyse(ImportOptions o, Action<string>? progress)
    {
        var problems = new List<Problem>();
        var (config, configProblems) = SiteConfigLoader.Load(o.SiteConfigPath);
        problems.AddRange(configProblems);
        if (config is null) return new ImportResult([], [], [], problems, false);

        var files = ListInputs(o.Input, problems);
        var runDates = new DateOverrides(RunDate: o.Date, RunYear: o.Year);
        // Pages are read and split independently: in parallel, kept in the order of their paths.
        var read = new ImportedPage[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var file = files[i];
            progress?.Invoke(file);
            var raw = RawPageReader.Read(file);
            var pageProblems = raw.Problems.ToList();
            if (raw.Page is null) { read[i] = new(file, "", null, PaperProfile.Unknown, null, pageProblems, null); return; }
            var pageOverride = SidecarLoader.Resolve(config, file, out var sidecarProblems);
            pageProblems.AddRange(sidecarProblems);
            var relativePath = RelativePath(o.Input, file);
            var paper = PaperProfile.For(config.Papers, relativePath);
            read[i] = new(file, relativePath, raw.Page, paper, pageOverride, pageProblems,
                PageImporter.Import(raw.Page, relativePath, config, paper, pageOverride, runDates));
        });
        var imported = read.ToList();

        // A page whose year nothing tells takes the year of the other pages of this import (its folder's first).
        var dated = imported.Where(p => p.Outcome is not null).Select(p => (p.RelativePath, p.Outcome!.Date)).ToList();
        for (var i = 0; i < imported.Count; i++)
            if (imported[i] is { Page: { } page, Outcome.Date.YearUnknown: true } p
                && DateInference.RunYear(dated.Where(d => d.RelativePath != p.RelativePath), p.RelativePath) is { } hint)
                imported[i] = p with { Outcome = PageImporter.Import(page, p.RelativePath, config, p.Paper, p.Override, runDates, hint) };

        var pages = new List<PageReport>();
        var articles = new List<ImportedArticle>();
        foreach (var p in imported)
        {
            problems.AddRange(p.Problems);
            if (p.Outcome is null) continue;
            problems.AddRange(p.Outcome.Problems);
            pages.Add(p.Outcome.Report);
            articles.AddRange(p.Outcome.Articles);
        }

        // An import killed while writing is repaired before anything else reads content/ (ContentTransaction).
        if (!o.DryRun)
        {
            var repair = ContentTransaction.Recover(o.ContentDir);
            if (repair.Count > 0) return new ImportResult(pages, articles, [], [.. problems, .. repair], false);
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

        // Decide every file first, then write them all or none (README, "What import guarantees").
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var plan = ArticleFiles.Plan(o.ContentDir, o.Force, manifest, articles);
        var (written, writeProblems) = plan.Problems.Count > 0 ? (false, plan.Problems) : ContentTransaction.Commit(o.ContentDir, plan);
        if (Environment.GetEnvironmentVariable("BAOKU_TIMINGS") == "1")
            Console.Error.WriteLine($"content written in {watch.Elapsed.TotalMilliseconds:0} ms ({plan.Writes.Count} files)");
        return new ImportResult(pages, articles, written ? plan.Results : [], [.. problems, .. writeProblems], written);
    }

    sealed record ImportedPage(string File, string RelativePath, RawPage? Page, PaperProfile Paper, PageOverride? Override,
        List<Problem> Problems, PageImporter.PageOutcome? Outcome);

    /// <summary>A page's path below the import folder, '/' separated; a single page file given alone is its own name.</summary>
    public static string RelativePath(string input, string file) =>
        Directory.Exists(input) ? RawPageReader.RelativePath(input, file) : Path.GetFileName(file);

    static List<string> ListInputs(string input, List<Problem> problems)
    {
        if (File.Exists(input)) return [input];
        var (files, listProblems) = RawPageReader.ListPages(input);
        problems.AddRange(listProblems);
        return files.ToList();
    }
}
