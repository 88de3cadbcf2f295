using HandlebarsDotNet;

namespace Baoku.Render;

/// <summary>
/// The Handlebars templates of templates/: layouts/base.hbs wraps every page, pages/*.hbs are page bodies,
/// partials/*.hbs are shared pieces. Read at build time, so editors can change them without recompiling.
/// Handlebars escapes every {{value}}; only {{{…}}} places HTML the generator made itself.
/// </summary>
public sealed class TemplateSet
{
    static readonly string[] RequiredPages = ["home", "article", "list", "terms", "archive", "sourcepages", "sourcepage", "notfound", "redirect", "search"];

    readonly HandlebarsTemplate<object, object> _layout;
    readonly Dictionary<string, HandlebarsTemplate<object, object>> _pages;

    TemplateSet(HandlebarsTemplate<object, object> layout, Dictionary<string, HandlebarsTemplate<object, object>> pages)
    {
        _layout = layout;
        _pages = pages;
    }

    public string AssetsFolder { get; private init; } = "";

    /// <summary>Where the assets of a templates folder are: copied to assets/ as they are.</summary>
    public static string AssetsFolderOf(string templatesFolder) => Path.Combine(templatesFolder, "assets");

    public static (TemplateSet? Templates, IReadOnlyList<Problem> Problems) Load(string folder)
    {
        var problems = new List<Problem>();
        if (!Directory.Exists(folder))
            return (null, [new Problem(ProblemCodes.TemplateMissing, folder, null, "找不到模板文件夹 (templates folder not found)")]);
        foreach (var (shown, target) in FolderLinks.Outside(folder, folder))
            problems.Add(Problem.Of(ProblemCodes.TemplateLinkOutside, shown, null,
                $"这是指向模板文件夹以外的链接（{target}），不会读取或发布；请换成真正的文件",
                $"this link points outside the templates folder ({target}); it is neither read nor published: put a real file here"));
        var hb = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = false });

        HandlebarsTemplate<object, object>? Compile(string path)
        {
            try
            {
                return hb.Compile(File.ReadAllText(path));
            }
            catch (Exception e) when (e is HandlebarsException or IOException or UnauthorizedAccessException)
            {
                problems.Add(new Problem(ProblemCodes.TemplateError, path, null, $"模板有错误 (template error): {e.Message}"));
                return null;
            }
        }

        var partials = Path.Combine(folder, "partials");
        if (Directory.Exists(partials))
            foreach (var file in Directory.GetFiles(partials, "*.hbs").Order(StringComparer.Ordinal))
            {
                try { hb.RegisterTemplate(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file)); }
                catch (Exception e) when (e is HandlebarsException or IOException)
                {
                    problems.Add(new Problem(ProblemCodes.TemplateError, file, null, $"模板有错误 (template error): {e.Message}"));
                }
            }

        var layoutPath = Path.Combine(folder, "layouts", "base.hbs");
        var layout = File.Exists(layoutPath) ? Compile(layoutPath)
            : Missing(problems, layoutPath);
        var pages = new Dictionary<string, HandlebarsTemplate<object, object>>();
        foreach (var name in RequiredPages)
        {
            var path = Path.Combine(folder, "pages", name + ".hbs");
            var t = File.Exists(path) ? Compile(path) : Missing(problems, path);
            if (t is not null) pages[name] = t;
        }
        if (problems.Any(p => p.IsError) || layout is null) return (null, problems);
        return (new TemplateSet(layout, pages) { AssetsFolder = AssetsFolderOf(folder) }, problems);
    }

    static HandlebarsTemplate<object, object>? Missing(List<Problem> problems, string path)
    {
        problems.Add(new Problem(ProblemCodes.TemplateMissing, path, null, "缺少模板文件 (template file missing)"));
        return null;
    }

    /// <summary>Renders a page body with its view, then the layout around it.</summary>
    public string Page(string name, object view, LayoutView layout) =>
        _layout(layout with { Content = _pages[name](view) });

    /// <summary>A page that is a whole document by itself (redirects).</summary>
    public string Standalone(string name, object view) => _pages[name](view);
}
