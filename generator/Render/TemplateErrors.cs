using Scriban.Parsing;
using Scriban.Syntax;

namespace Baoku.Render;

/// <summary>Scriban's errors as problems an editor can act on: the template file, line and column, and a short message in both languages.</summary>
static class TemplateErrors
{
    public static Problem Syntax(string path, LogMessage m) =>
        At(ProblemCodes.TemplateError, path, m.Span, "模板有语法错误", m.Message);

    public static Problem Runtime(ScriptRuntimeException e)
    {
        var message = e.OriginalMessage;
        string zh = message.Contains("iteration limit", StringComparison.Ordinal) ? $"模板的循环超过 {EscapingContext.MaxLoopIterations} 次，可能永远不会结束"
            : message.Contains("recursive depth limit", StringComparison.Ordinal) ? $"模板的嵌套调用超过 {EscapingContext.MaxRecursion} 层，可能在无限递归"
            : "模板运行出错";
        return At(ProblemCodes.TemplateRuntime, e.Span.FileName, e.Span, zh, message);
    }

    static Problem At(ProblemCode code, string path, SourceSpan span, string zh, string en) =>
        Problem.Of(code, path, span.Start.Line + 1, zh, en) with { Column = span.Start.Column + 1 };
}
