using System.Collections.Concurrent;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Baoku.Render;

/// <summary>
/// The Scriban templates of a build (<see cref="TemplateFolders"/>: the site's over the bundled ones):
/// <c>layouts/base.sbn-html</c> wraps every page, <c>pages/*.sbn-html</c> are page bodies, <c>partials/*.sbn-html</c>
/// are shared pieces (<c>{{ include 'calendar' }}</c>). Every file is parsed once, when the set is loaded, so syntax
/// errors are found before anything is rendered and no page pays for parsing. Templates see <c>site</c> (set once per
/// build), <c>page</c> (the page's view) and, in the layout, <c>layout</c> and <c>content</c>; docs/templates.md lists every
/// field. Every value is HTML-escaped (<see cref="EscapingContext"/>).
/// </summary>
public sealed class TemplateSet
{
    public const string Extension = ".sbn-html";
    public const string LayoutPath = "layouts/base" + Extension;

    readonly Template _layout;
    readonly Dictionary<string, Template> _pages;
    readonly Dictionary<string, Template> _partials;
    readonly ThreadLocal<EscapingContext> _contexts;

    TemplateSet(TemplateFolders folders, Template layout, Dictionary<string, Template> pages, Dictionary<string, Template> partials)
    {
        Folders = folders;
        _layout = layout;
        _pages = pages;
        _partials = partials;
        // Scriban's context is not thread-safe and pages render in parallel: one context per rendering thread, made
        // once and reused for every page it renders, all sharing the parsed templates and the one site object.
        _contexts = new ThreadLocal<EscapingContext>(NewContext);
    }

    public TemplateFolders Folders { get; }

    /// <summary>What every template sees as <c>site</c>: set once per build, before rendering.</summary>
    public object? Site { get; set; }

    public static (TemplateSet? Templates, IReadOnlyList<Problem> Problems) Load(string folder) => Load(TemplateFolders.Over(folder));

    public static (TemplateSet? Templates, IReadOnlyList<Problem> Problems) Load(TemplateFolders folders)
    {
        // A folder named but not there is a mistake (a typo in --templates), not a wish for the bundled theme.
        if (!Directory.Exists(folders.Site))
            return (null, [new Problem(ProblemCodes.TemplateMissing, folders.Site, null, "找不到模板文件夹 (templates folder not found)")]);
        var problems = new List<Problem>();
        foreach (var (shownLink, target) in FolderLinks.Outside(folders.Site, folders.Site))
            problems.Add(Problem.Of(ProblemCodes.TemplateLinkOutside, shownLink, null,
                $"这是指向模板文件夹以外的链接（{target}），不会读取或发布；请换成真正的文件",
                $"this link points outside the templates folder ({target}); it is neither read nor published: put a real file here"));

        Template? Parse(string relative)
        {
            var path = folders.Find(relative);
            if (path is null)
            {
                problems.Add(new Problem(ProblemCodes.TemplateMissing, Path.Combine(folders.Site, relative), null, "缺少模板文件 (template file missing)"));
                return null;
            }
            string text;
            try { text = File.ReadAllText(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(Problem.Of(ProblemCodes.TemplateMissing, path, null, "模板文件读不出来", $"template file cannot be read: {e.Message}"));
                return null;
            }
            var template = Template.Parse(text, path);
            foreach (var m in template.Messages.Where(m => m.Type == ParserMessageType.Error))
                problems.Add(TemplateErrors.Syntax(path, m));
            return template.HasErrors ? null : template;
        }

        var partials = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var (relative, _) in folders.Files())
            if (relative.StartsWith("partials/", StringComparison.Ordinal) && relative.EndsWith(Extension, StringComparison.Ordinal)
                && Parse(relative) is { } partial)
                partials[relative["partials/".Length..^Extension.Length]] = partial;
        var layout = Parse(LayoutPath);
        var pages = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var name in PageViews.ByTemplate.Keys)
            if (Parse($"pages/{name}{Extension}") is { } page) pages[name] = page;
        if (problems.Any(p => p.IsError) || layout is null) return (null, problems);
        return (new TemplateSet(folders, layout, pages, partials), problems);
    }

    EscapingContext NewContext()
    {
        var context = new EscapingContext(new PartialLoader());
        foreach (var (name, template) in _partials) context.CachedTemplates[name] = template;
        return context;
    }

    /// <summary>Renders a page body with its view, then the layout around it.</summary>
    public string Page(string name, object view, LayoutView layout)
    {
        Expect(name, view);
        var content = Render(_pages[name], new ScriptObject { ["site"] = Site, ["page"] = view });
        return Render(_layout, new ScriptObject { ["site"] = Site, ["layout"] = layout, ["content"] = new RawHtml(content) });
    }

    /// <summary>A page that is a whole document by itself (redirects).</summary>
    public string Standalone(string name, object view) => Expect(name, view) ?? Render(_pages[name], new ScriptObject { ["site"] = Site, ["page"] = view });

    /// <summary>A page gets the view docs/templates.md promises it (a programming error otherwise, caught by every test that builds).</summary>
    static string? Expect(string name, object view) =>
        view.GetType() == PageViews.ByTemplate[name] ? null
            : throw new InvalidOperationException($"pages/{name} is given a {view.GetType().Name}, not the {PageViews.ByTemplate[name].Name} documented");

    string Render(Template template, ScriptObject scope)
    {
        var context = _contexts.Value!;
        context.PushGlobal(scope);
        context.PushOutput();
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new ProblemException(TemplateErrors.Runtime(e));
        }
        finally
        {
            context.PopOutput();
            context.PopGlobal();
        }
    }

    /// <summary><c>{{ include 'name' }}</c> → the parsed <c>partials/name.sbn-html</c>, already in every context's cache.</summary>
    sealed class PartialLoader : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => templateName;

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            throw new ProblemException(Problem.Of(ProblemCodes.TemplateMissing, callerSpan.FileName, callerSpan.Start.Line + 1,
                $"找不到要插入的部件 partials/{templatePath}{Extension}", $"no partial named '{templatePath}'") with { Column = callerSpan.Start.Column + 1 });

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new(Load(context, callerSpan, templatePath));
    }
}
