using System.CommandLine;
using System.Globalization;
using Baoku.Config;
using Baoku.Content;
using Spectre.Console;

namespace Baoku.Cli;

/// <summary>What <c>baoku new</c> was given on the command line; null/empty when the editor left it out.</summary>
internal sealed record NewOptions(string? Title, string? Date, IReadOnlyList<string> Campaigns, string ContentDir, string SitePath, DateOnly Today);

/// <summary>
/// <c>baoku new</c>: scaffolds an article with every front-matter field, as a draft, and prints where it wrote it.
/// Takes the title, date and campaigns as options, or asks for them at a terminal; never asks when input is redirected.
/// </summary>
public static class NewCommand
{
    public static Command Create()
    {
        var title = new Option<string?>("--title", "-t") { Description = "文章标题 (headline)" };
        var date = new Option<string?>("--date", "-d") { Description = "见报日期 YYYY-MM-DD，默认今天 (publication date; default: today)" };
        var campaign = new Option<string[]>("--campaign", "-c")
        {
            Description = "专题名，须在 site.yml 里定义；可以写多次 (campaign defined in site.yml; repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var content = InputOptions.Content();
        var site = InputOptions.Site();

        var cmd = new Command("new", "新建一篇文章：写出含全部字段和说明的草稿 content/YYYY/MM/<slug>.md；不给 --title 时在终端里逐项询问 (scaffold a draft article with every front-matter field; asks at a terminal when --title is missing)")
        {
            title, date, campaign, content, site,
        };
        cmd.SetAction(parse =>
        {
            var options = new NewOptions(parse.GetValue(title), parse.GetValue(date), parse.GetValue(campaign) ?? [],
                parse.GetValue(content)!, parse.GetValue(site)!, DateOnly.FromDateTime(DateTime.Today));
            bool interactive = !Console.IsInputRedirected;
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(Console.Out),
                Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            });
            if (Console.IsOutputRedirected) console.Profile.Width = 200;   // logs and scripts: do not wrap the path
            return Run(options, console, interactive, Console.Error);
        });
        return cmd;
    }

    /// <summary>Exit codes: 0 written, 1 site.yml or the content folder is broken, 2 usage (missing title when nobody can be asked, bad date, unknown campaign).</summary>
    internal static int Run(NewOptions o, IAnsiConsole console, bool interactive, TextWriter err)
    {
        if (string.IsNullOrWhiteSpace(o.Title) && !interactive)
        {
            err.WriteLine("error: 缺少 --title：输入被重定向，无法询问标题，请用 --title 给出 (--title is missing, and input is redirected so it cannot be asked for)");
            err.WriteLine("例如 (for example): baoku new --title \"标题\" --date 2024-05-01 --campaign 四大双千");
            return 2;
        }

        var (config, problems) = SiteConfigLoader.Load(o.SitePath);
        foreach (var p in problems.Where(p => p.Severity == ProblemSeverity.Error)) err.WriteLine(p.ToString());
        if (config is null || problems.Any(p => p.Severity == ProblemSeverity.Error)) return 1;
        var known = config.Campaigns.Select(c => c.Name).ToList();

        DateOnly? date = o.Date is null ? null : ParseDate(o.Date);
        if (o.Date is not null && date is null)
        {
            err.WriteLine($"error: 日期“{o.Date}”无效，应写成 2024-05-01 (invalid date '{o.Date}'; write it as 2024-05-01)");
            return 2;
        }
        var unknown = o.Campaigns.Where(c => !known.Contains(c.Trim(), StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            var list = known.Count == 0 ? "site.yml 没有定义任何专题 (site.yml defines no campaigns)" : $"可用的专题 (valid campaigns)：{string.Join("、", known)}";
            err.WriteLine($"error: 专题“{string.Join("、", unknown)}”没有在 {o.SitePath} 里定义 (campaign not defined in site.yml: {string.Join(", ", unknown)}); {list}");
            return 2;
        }
        if (o.Title is { } t && TitleProblem(t) is { } bad)
        {
            err.WriteLine($"error: {bad}");
            return 2;
        }

        string title;
        IReadOnlyList<string> campaigns = o.Campaigns.Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (string.IsNullOrWhiteSpace(o.Title))
        {
            // Interactive: ask for what the command line did not say.
            title = console.Prompt(new TextPrompt<string>("标题 (title)：")
                .Validate(s => TitleProblem(s) is { } p ? ValidationResult.Error(Markup.Escape(p)) : ValidationResult.Success()));
            if (date is null)
            {
                var text = console.Prompt(new TextPrompt<string>("见报日期 YYYY-MM-DD (date)")
                    .DefaultValue(o.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                    .Validate(s => ParseDate(s) is null ? ValidationResult.Error("应写成 2024-05-01 (write it as 2024-05-01)") : ValidationResult.Success()));
                date = ParseDate(text);
            }
            if (campaigns.Count == 0 && known.Count > 0) campaigns = AskCampaigns(console, known);
        }
        else title = o.Title.Trim();

        var article = new NewArticle(title.Trim(), date ?? o.Today, campaigns);
        ScaffoldResult result;
        try
        {
            result = ArticleScaffold.Write(o.ContentDir, article);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            err.WriteLine($"{o.ContentDir}: error: 无法写入新文章 (cannot write the new article): {e.Message}");
            return 1;
        }

        var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), result.Path).Replace('\\', '/');
        if (shown.StartsWith("../", StringComparison.Ordinal)) shown = result.Path;
        if (result.SlugWasTaken)
            console.MarkupLine(Markup.Escape($"同一天已有同名文章，新文章的网址名改为 {result.Slug} (an article of this name and date exists; the new one is {result.Slug})"));
        console.MarkupLine(Markup.Escape($"已新建文章 (article created): {shown}"));
        console.MarkupLine(Markup.Escape("这是草稿（draft: true），写完正文并改成 draft: false 后才会发布 (a draft: set draft: false when it is ready to publish)"));
        return 0;
    }

    /// <summary>A pick list where the terminal can draw one; else the names typed, separated by commas (a list needs ANSI).</summary>
    static IReadOnlyList<string> AskCampaigns(IAnsiConsole console, IReadOnlyList<string> known)
    {
        if (console.Profile.Capabilities.Ansi)
            return console.Prompt(new MultiSelectionPrompt<string>()
                .Title("专题 (campaigns)：空格选择，回车确认；可以不选 (space selects, enter confirms; none is fine)")
                .NotRequired()
                .AddChoices(known));
        static string[] Split(string s) => s.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var answer = console.Prompt(new TextPrompt<string>(Markup.Escape($"专题，多个用逗号分开，可以空着 (campaigns, comma-separated, may be empty)：{string.Join("、", known)}"))
            .AllowEmpty()
            .Validate(s => Split(s).FirstOrDefault(c => !known.Contains(c, StringComparer.Ordinal)) is { } bad
                ? ValidationResult.Error(Markup.Escape($"没有专题“{bad}” (no such campaign)"))
                : ValidationResult.Success()));
        return Split(answer).Distinct(StringComparer.Ordinal).ToList();
    }

    static DateOnly? ParseDate(string s) =>
        DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    static string? TitleProblem(string title)
    {
        if (string.IsNullOrWhiteSpace(title)) return "标题不能是空的 (the title must not be empty)";
        if (title.Any(char.IsControl)) return "标题只能有一行 (the title must be one line)";
        return null;
    }
}
