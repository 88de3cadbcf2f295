using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Baoku.Render;

/// <summary>
/// A Scriban context that escapes every value a template writes (<c>{{ page.title }}</c>), so content can never
/// inject markup; only <see cref="RawHtml"/> values, which the generator made itself, are written as they are. The
/// template's own text is not touched. Loops and recursion are bounded, so a template that never ends fails with a
/// message instead of hanging the build.
/// </summary>
public sealed class EscapingContext : TemplateContext
{
    /// <summary>Enough for the longest real list (every tag of a 300,000-article archive on one page).</summary>
    public const int MaxLoopIterations = 1_000_000;

    /// <summary>Includes inside includes: the bundled templates use 2 levels.</summary>
    public const int MaxRecursion = 64;

    public EscapingContext(ITemplateLoader loader)
    {
        TemplateLoader = loader;
        LoopLimit = MaxLoopIterations;
        RecursiveLimit = MaxRecursion;
        // `{{ titel }}` (a misspelt variable) is an error, not silently nothing.
        StrictVariables = true;
        // Template output is HTML: no culture-dependent numbers or dates.
        PushCulture(System.Globalization.CultureInfo.InvariantCulture);
        // A partial's output is the template's own HTML, already escaped where it wrote values: not escaped again.
        if (BuiltinObject["include"] is IScriptCustomFunction include) BuiltinObject.SetValue("include", new RawInclude(include), true);
    }

    /// <summary>Scriban's <c>include</c>, its result marked as HTML made by the templates.</summary>
    sealed class RawInclude(IScriptCustomFunction include) : IScriptCustomFunction
    {
        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            include.Invoke(context, callerContext, arguments, blockStatement) is string html ? new RawHtml(html) : null;

        public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            await include.InvokeAsync(context, callerContext, arguments, blockStatement) is string html ? new RawHtml(html) : null;

        public int RequiredParameterCount => include.RequiredParameterCount;
        public int ParameterCount => include.ParameterCount;
        public ScriptVarParamKind VarParamKind => include.VarParamKind;
        public Type ReturnType => typeof(RawHtml);
        public ScriptParameterInfo GetParameterInfo(int index) => include.GetParameterInfo(index);
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject) =>
        textAsObject switch
        {
            null => this,
            RawHtml raw => base.Write(raw.Html),
            string text => base.Write(Html.Escape(text)),
            _ => base.Write(Html.Escape(ObjectToString(textAsObject) ?? "")),
        };

    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) =>
        ValueTask.FromResult(Write(span, textAsObject));
}
