using System.CommandLine;
using Baoku.Check;

namespace Baoku.Cli;

/// <summary><c>baoku check</c>: everything a build would check, without writing a site; findings as text lines or JSON.</summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var content = InputOptions.Content();
        var site = InputOptions.Site();
        var templates = InputOptions.Templates();
        var drafts = new Option<bool>("--drafts") { Description = "也检查草稿的链接和文字，和 build --drafts 一样 (also check drafts' links and text, as build --drafts publishes them)" };
        var format = new Option<string>("--format") { Description = "输出格式：text 每条一行，json 供 CI 使用 (output format: text lines, or json for CI)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var cmd = new Command("check", "检查文章、site.yml 和模板里构建会报的所有问题，以及可疑的文字，不生成网站 (check content, site.yml and templates for everything a build would report, plus suspicious text, without writing a site)")
        {
            content, site, templates, drafts, format,
        };
        cmd.SetAction(parse =>
        {
            var report = ContentChecker.Run(new CheckOptions(parse.GetValue(content)!, parse.GetValue(site)!, parse.GetValue(templates)!, parse.GetValue(drafts)));
            if (parse.GetValue(format) == "json") Console.Out.WriteLine(CheckReportWriter.Json(report));
            else CheckReportWriter.WriteText(report, Console.Out);
            return report.HasErrors ? 1 : 0;
        });
        return cmd;
    }
}
