using System.CommandLine;

namespace Baoku.Cli;

/// <summary>
/// The options naming a site's inputs, the same for every command that reads them (build, check, serve, new), so that
/// they agree on defaults: check and serve read the same templates a build would (see <see cref="DefaultPaths"/>).
/// </summary>
public static class InputOptions
{
    public static Option<string> Content() =>
        new("--content") { Description = "文章文件夹 (content folder)", DefaultValueFactory = _ => DefaultPaths.Content };

    public static Option<string> Site() =>
        new("--site") { Description = "站点配置文件 (site configuration)", DefaultValueFactory = _ => DefaultPaths.Site };

    public static Option<string> Templates() =>
        new("--templates")
        {
            Description = "模板文件夹；当前文件夹没有 templates/ 时用随程序安装的默认模板 (templates folder; default: templates/, else the templates installed with the program)",
            DefaultValueFactory = _ => DefaultPaths.Templates(),
        };
}
