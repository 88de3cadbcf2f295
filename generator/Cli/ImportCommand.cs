using System.CommandLine;
using System.Globalization;
using Baoku.Import;
using Baoku.Import.Write;
using Spectre.Console;

namespace Baoku.Cli;

/// <summary><c>baoku import</c>: raw page text in seeds/ → Markdown articles in content/ plus an import report and a review page.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("pages")
        {
            Description = "原始版面文字：一个文件夹（读取其中的 *.txt）或一个文件 (raw page text: a folder of *.txt pages, or one page file)",
            DefaultValueFactory = _ => "seeds",
        };
        // A mistyped option would otherwise be taken for a folder name.
        input.Validators.Add(r =>
        {
            var value = r.Tokens.Count > 0 ? r.Tokens[0].Value : null;
            if (value is not null && value.StartsWith('-')) r.AddError($"未知选项 (unknown option): {value}");
        });
        var content = new Option<string>("--content") { Description = "文章输出文件夹 (folder the articles are written to)", DefaultValueFactory = _ => "content" };
        var report = new Option<string?>("--report") { Description = "导入报告文件，默认在 content 旁边的 import-report.md (report file; default: import-report.md beside the content folder)" };
        var review = new Option<string?>("--review")
        {
            Description = "导入核对页（HTML，左边原文、右边文章，需要核对的地方标黄），默认在导入报告旁边的 import-review.html (review page: raw lines beside the articles, what needs a look in yellow; default: import-review.html beside the report)",
        };
        var site = InputOptions.Site();
        var force = new Option<bool>("--force") { Description = "覆盖导入后被编辑过的文章（编辑手工设置的专题仍然保留） (replace articles edited after import; the editor's campaigns are kept)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "只分析和报告，不写任何文件 (analyse and report only; write nothing)" };
        var keepGoing = new Option<bool>("--keep-going") { Description = "某些版面有错误时，仍然导入其余版面 (import the good pages even when some pages have errors)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "只输出错误 (print errors only)" };
        var date = new Option<string?>("--date")
        {
            Description = "这次导入的所有版面都是这一天见报的，格式 2023-01-12；site.yml 或版面说明文件里写的日期仍然优先 (every page of this run appeared on this day, YYYY-MM-DD; a page's site.yml or sidecar date still wins)",
        };
        date.Validators.Add(r =>
        {
            var value = r.Tokens.Count > 0 ? r.Tokens[0].Value : null;
            if (value is not null && ParseDate(value) is null) r.AddError($"--date 应该是 YYYY-MM-DD 格式的日期，例如 2023-01-12 (--date must be a date YYYY-MM-DD): {value}");
        });
        var year = new Option<string?>("--year")
        {
            Description = "这次导入的所有版面都是这一年见报的，月日仍从文件名或版面文字推断 (every page of this run appeared in this year; month and day still come from the file name or the text)",
        };
        year.Validators.Add(r =>
        {
            var value = r.Tokens.Count > 0 ? r.Tokens[0].Value : null;
            if (value is not null && ParseYear(value) is null) r.AddError($"--year 应该是四位数的年份，例如 2023 (--year must be a year such as 2023): {value}");
        });

        var cmd = new Command("import", "把原始版面文字（OCR 或网页文字）拆分成一篇篇文章，写入 content/YYYY/MM/，并生成导入报告和核对页 (split raw newspaper pages into Markdown articles with front-matter, and write an import report and a review page)")
        {
            input, content, report, review, site, force, dryRun, keepGoing, date, year, quiet,
        };
        cmd.Validators.Add(r =>
        {
            if (r.GetResult(date) is { Tokens.Count: > 0 } && r.GetResult(year) is { Tokens.Count: > 0 })
                r.AddError("--date 和 --year 只能用一个 (use either --date or --year, not both)");
        });
        cmd.SetAction(parse =>
        {
            var contentDir = parse.GetValue(content)!;
            var options = new ImportOptions(
                parse.GetValue(input)!,
                contentDir,
                parse.GetValue(report) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(contentDir))!, "import-report.md"),
                parse.GetValue(site)!,
                parse.GetValue(force),
                parse.GetValue(dryRun),
                parse.GetValue(keepGoing),
                parse.GetValue(date) is { } d ? ParseDate(d) : null,
                parse.GetValue(year) is { } y ? ParseYear(y) : null,
                parse.GetValue(review));
            return Run(options, parse.GetValue(quiet));
        });
        return cmd;
    }

    static DateOnly? ParseDate(string s) =>
        DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    static int? ParseYear(string s) =>
        int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2099 ? y : null;

    static int Run(ImportOptions options, bool quiet)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected) console.Profile.Width = 200;   // logs: do not wrap lines at 80 columns
        ImportResult result;
        if (!quiet && !Console.IsOutputRedirected)
        {
            ImportResult? r = null;
            console.Status().Start("正在导入 (importing)…", ctx =>
                r = Importer.Run(options, file => ctx.Status($"正在导入 (importing) {Markup.Escape(Path.GetFileName(file))}")));
            result = r!;
        }
        else result = Importer.Run(options);

        bool reportWritten = !options.DryRun && File.Exists(options.ReportPath) && result.Pages.Count > 0
            && !result.Problems.Any(p => p.File == options.ReportPath);
        bool reviewWritten = reportWritten && File.Exists(options.ReviewFile) && !result.Problems.Any(p => p.File == options.ReviewFile);
        foreach (var p in result.Problems) Console.Error.WriteLine(p.ToString());
        if (!quiet) PrintSummary(console, result, options, reportWritten, reviewWritten);
        return result.HasErrors ? 1 : 0;
    }

    static void PrintSummary(IAnsiConsole console, ImportResult r, ImportOptions o, bool reportWritten, bool reviewWritten)
    {
        foreach (var p in r.Pages)
        {
            int n = p.Items.Count(i => i.Kind == ItemKind.Article);
            var date = p.DateLine?.Split('：')[0] ?? "";
            console.MarkupLine(Markup.Escape($"{p.File}: 文章 {n} 篇，其他条目 {p.Items.Count - n} 个，见报日期 {date} ({n} articles, {p.Items.Count - n} other items)"));
        }
        int articles = r.Articles.Count, drafts = r.Articles.Count(a => a.FrontMatter.Draft);
        int review = r.Articles.Count(a => a.FrontMatter.Review.Count > 0), others = r.Pages.Sum(p => p.Items.Count(i => i.Kind != ItemKind.Article));
        console.MarkupLine(Markup.Escape($"共 {r.Pages.Count} 个版面：文章 {articles} 篇（草稿 {drafts} 篇），需要核对 {review} 篇，其他条目 {others} 个" +
            $" ({r.Pages.Count} pages: {articles} articles, {drafts} drafts, {review} to review, {others} other items)"));
        var counts = r.Files.GroupBy(f => f.Outcome).OrderBy(g => g.Key).Select(g => $"{ImportReportWriter.OutcomeName(g.Key)} {g.Count()}");
        if (r.Written) console.MarkupLine(Markup.Escape($"文件 (files): {string.Join("，", counts)}"));
        else if (o.DryRun) console.MarkupLine(Markup.Escape("试运行，没有写入文件 (dry run: nothing written)"));
        else if (r.Problems.Any(ContentTransaction.LeftForRepair))
            console.MarkupLine("[red]" + Markup.Escape("写入失败，content 文件夹要等下次导入时恢复 (writing failed: the next import repairs content/ first)") + "[/]");
        else if (r.Problems.Any(p => p.Code == ProblemCodes.ImportWrite))
            console.MarkupLine("[red]" + Markup.Escape("写入失败，content 文件夹和导入记录都没有改动 (writing failed: content/ and the import manifest are unchanged)") + "[/]");
        else console.MarkupLine("[red]" + Markup.Escape("有错误，没有写入任何文章 (errors: no articles written; --keep-going imports the good pages)") + "[/]");
        foreach (var f in r.Files.Where(f => f.Outcome is FileOutcome.KeptEdited or FileOutcome.Conflict))
            console.MarkupLine("[yellow]" + Markup.Escape($"content/{f.RelativePath}: {f.Note}") + "[/]");
        if (reportWritten) console.MarkupLine(Markup.Escape($"导入报告 (report): {o.ReportPath}"));
        if (reviewWritten) console.MarkupLine(Markup.Escape($"导入核对页 (review page): {o.ReviewFile}"));
    }
}
