using System.CommandLine;
using Baoku.Publish;
using Spectre.Console;

namespace Baoku.Cli;

/// <summary><c>baoku build</c>: content/ + templates/ + site.yml → the static site in public/.</summary>
public static class BuildCommand
{
    public static Command Create()
    {
        var content = new Option<string>("--content") { Description = "文章文件夹 (content folder)", DefaultValueFactory = _ => "content" };
        var site = new Option<string>("--site") { Description = "站点配置文件 (site configuration)", DefaultValueFactory = _ => "site.yml" };
        var templates = new Option<string>("--templates") { Description = "模板文件夹；当前文件夹没有 templates/ 时用随程序安装的默认模板 (templates folder; default: templates/, else the templates installed with the program)", DefaultValueFactory = _ => DefaultPaths.Templates() };
        var output = new Option<string>("--output", "-o") { Description = "网站输出文件夹，构建成功后才会被替换 (output folder; replaced only when the build succeeds)", DefaultValueFactory = _ => "public" };
        var baseUrl = new Option<string?>("--base-url") { Description = "覆盖 site.yml 的 base_url，如 https://example.org/baoku/ (override site.yml's base_url)" };
        var drafts = new Option<bool>("--drafts") { Description = "包括草稿 (include drafts)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "只输出错误 (print errors only)" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "输出各阶段用时和警告 (print stage timings and all warnings)" };

        var cmd = new Command("build", "把 content/ 里的文章按 templates/ 和 site.yml 生成完整的静态网站 (build the static site from content/, templates/ and site.yml)")
        {
            content, site, templates, output, baseUrl, drafts, quiet, verbose,
        };
        cmd.SetAction(parse =>
        {
            var options = new BuildOptions(parse.GetValue(content)!, parse.GetValue(site)!, parse.GetValue(templates)!, parse.GetValue(output)!,
                parse.GetValue(drafts), parse.GetValue(baseUrl));
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
            if (verbose) foreach (var (stage, time) in result.Timings) console.MarkupLine(Markup.Escape($"{stage}: {time.TotalSeconds:0.00} s"));
            console.MarkupLine(Markup.Escape(result.Published
                ? $"网站已生成 (site built): {result.Articles} 篇文章，{result.FilesWritten} 个文件 → {options.OutputDir}"
                : $"构建失败，原有网站未改动 (build failed; the previous site is untouched): {result.Problems.Count(p => p.Severity == ProblemSeverity.Error)} 个错误"));
        }
        return result.HasErrors ? 1 : 0;
    }
}
