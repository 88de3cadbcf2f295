using System.CommandLine;
using Baoku.Build;
using Spectre.Console;

namespace Baoku.Cli;

/// <summary><c>baoku build</c>: content/ + templates/ + site.yml → the static site in public/.</summary>
public static class BuildCommand
{
    public static Command Create()
    {
        var content = InputOptions.Content();
        var site = InputOptions.Site();
        var templates = InputOptions.Templates();
        var output = new Option<string>("--output", "-o") { Description = "网站输出文件夹，构建成功后才会被替换 (output folder; replaced only when the build succeeds)", DefaultValueFactory = _ => "public" };
        var baseUrl = new Option<string?>("--base-url") { Description = "覆盖 site.yml 的 base_url，如 https://example.org/baoku/ (override site.yml's base_url)" };
        var drafts = new Option<bool>("--drafts") { Description = "包括草稿 (include drafts)" };
        var cache = new Option<string>("--cache") { Description = "构建缓存文件夹，在输出文件夹之外；下次只重写有改动的文件 (build cache folder, outside the output folder: the next build rewrites only what changed)", DefaultValueFactory = _ => ".baoku-cache" };
        var full = new Option<bool>("--full") { Description = "不用缓存，全部重新生成 (ignore the cache and build everything)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "只输出错误 (print errors only)" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "输出各阶段用时和警告 (print stage timings and all warnings)" };

        var cmd = new Command("build", "把 content/ 里的文章按 templates/ 和 site.yml 生成完整的静态网站 (build the static site from content/, templates/ and site.yml)")
        {
            content, site, templates, output, baseUrl, drafts, cache, full, quiet, verbose,
        };
        cmd.SetAction(parse =>
        {
            var options = new BuildOptions(parse.GetValue(content)!, parse.GetValue(site)!, parse.GetValue(templates)!, parse.GetValue(output)!,
                parse.GetValue(drafts), parse.GetValue(baseUrl), parse.GetValue(cache), parse.GetValue(full),
                TraceMemory: Environment.GetEnvironmentVariable("BAOKU_TRACE_MEMORY") is not null);   // for benchmarks (bench/README.md)
            return Run(options, parse.GetValue(quiet), parse.GetValue(verbose));
        });
        return cmd;
    }

    static int Run(BuildOptions options, bool quiet, bool verbose)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected) console.Profile.Width = 200;
        BuildResult result;
        if (!quiet && !Console.IsOutputRedirected)
        {
            BuildResult? r = null;
            console.Status().Start("正在构建 (building)…", ctx => r = SiteBuild.Run(options, stage => ctx.Status(Markup.Escape(stage))));
            result = r!;
        }
        else result = SiteBuild.Run(options);

        var warnings = result.Problems.Where(p => p.Severity == ProblemSeverity.Warning).ToList();
        foreach (var p in result.Problems.Where(p => p.Severity == ProblemSeverity.Error)) Console.Error.WriteLine(p.ToString());
        if (!quiet)
        {
            foreach (var w in verbose ? warnings : warnings.Take(20)) Console.Error.WriteLine(w.ToString());
            if (!verbose && warnings.Count > 20) Console.Error.WriteLine($"… 另有 {warnings.Count - 20} 条警告，用 --verbose 查看 (… {warnings.Count - 20} more warnings; see --verbose)");
            if (verbose) foreach (var (stage, time) in result.Timings) console.MarkupLine(Markup.Escape($"{stage.Name}: {time.TotalSeconds:0.00} s"));
            console.MarkupLine(Markup.Escape(Summary(result, options.OutputDir)));
        }
        // A refused output folder is a wrong command line, like a wrong option: exit code 2.
        return Refused(result) ? 2 : result.HasErrors ? 1 : 0;
    }

    static bool Refused(BuildResult r) => r.Problems.Any(p => p.Code == ProblemCodes.OutputRefused);

    static string Summary(BuildResult r, string output) => r switch
    {
        _ when Refused(r) => $"没有构建，什么也没有改动 (nothing was built or changed): 请换一个输出文件夹 (choose another output folder)",
        { Published: false } => $"构建失败，原有网站未改动 (build failed; the previous site is untouched): {r.Problems.Count(p => p.Severity == ProblemSeverity.Error)} 个错误",
        { UpToDate: true } => $"没有改动，网站已是最新 (nothing changed; the site is up to date): {r.Articles} 篇文章 → {output}",
        { Incremental: true } => $"网站已更新 (site updated): {r.Articles} 篇文章，{r.FilesWritten} 个文件中改写 {r.FilesChanged} 个、删除 {r.FilesDeleted} 个 → {output}",
        _ => $"网站已生成 (site built): {r.Articles} 篇文章，{r.FilesWritten} 个文件 → {output}",
    };
}
