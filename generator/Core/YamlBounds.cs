namespace Baoku.Core;

/// <summary>
/// A look at YAML text before YamlDotNet reads it. YamlDotNet builds its representation model recursively and has no
/// nesting limit, so 100,000 nested [ or "- " overflow the stack and kill the process; this scan is linear and needs
/// no stack. It over-counts rather than under-counts (block scalars and quoted text are skipped only roughly).
/// </summary>
public static class YamlBounds
{
    /// <summary>More levels than any site.yml, sidecar or front-matter needs, and far fewer than overflow the stack.</summary>
    public const int MaxDepth = 100;

    /// <summary>The first 1-based line at which the nesting passes <see cref="MaxDepth"/>, or null.</summary>
    public static int? TooDeepAt(string yaml)
    {
        int flow = 0, lineNo = 0, blockScalarParent = -1;
        var indents = new Stack<int>();
        foreach (var raw in yaml.AsSpan().EnumerateLines())
        {
            lineNo++;
            var line = raw;
            int indent = 0;
            while (indent < line.Length && line[indent] == ' ') indent++;
            if (indent == line.Length || line[indent] == '#') continue;
            if (blockScalarParent >= 0)
            {
                if (indent > blockScalarParent) continue;
                blockScalarParent = -1;
            }
            if (flow == 0)
            {
                while (indents.Count > 0 && indents.Peek() >= indent) indents.Pop();
                indents.Push(indent);
            }
            int pos = indent, compact = 0;
            while (flow == 0 && pos < line.Length && line[pos] is '-' or '?' && (pos + 1 == line.Length || line[pos + 1] == ' '))
            {
                compact++;
                pos++;
                while (pos < line.Length && line[pos] == ' ') pos++;
            }
            bool valueStart = true;
            for (; pos < line.Length; pos++)
            {
                char c = line[pos];
                if (c == '#' && (pos == 0 || line[pos - 1] == ' ')) break;
                if ((c == '"' || c == '\'') && (flow > 0 || valueStart))
                {
                    int close = line[(pos + 1)..].IndexOf(c);
                    if (close < 0) break;
                    pos += close + 1;
                    valueStart = false;
                    continue;
                }
                if (c is '[' or '{' && (flow > 0 || valueStart)) flow++;
                else if (c is ']' or '}' && flow > 0) flow--;
                else if (c == ':' && flow == 0 && (pos + 1 == line.Length || line[pos + 1] == ' ')) { valueStart = true; continue; }
                else if (c != ' ') valueStart = false;
                if (indents.Count + compact + flow > MaxDepth) return lineNo;
            }
            if (indents.Count + compact + flow > MaxDepth) return lineNo;
            var rest = line.TrimEnd(' ');
            if (flow == 0 && rest.Length > 0 && IsBlockScalarStart(rest)) blockScalarParent = indent;
        }
        return null;
    }

    /// <summary>A line ending in | or > (with optional indicators), after "key:" or "-": the lines below are text.</summary>
    static bool IsBlockScalarStart(ReadOnlySpan<char> line)
    {
        int i = line.Length - 1;
        while (i >= 0 && (char.IsAsciiDigit(line[i]) || line[i] is '+' or '-')) i--;
        if (i < 0 || line[i] is not ('|' or '>')) return false;
        return i == 0 || line[i - 1] == ' ';
    }

    /// <summary>The first 1-based line whose indentation has a tab (YAML allows only spaces there), or null.</summary>
    public static int? TabIndentAt(string yaml)
    {
        int lineNo = 0;
        foreach (var line in yaml.AsSpan().EnumerateLines())
        {
            lineNo++;
            int i = 0;
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                if (line[i] == '\t' && i + 1 < line.Length && line[(i + 1)..].TrimStart(" \t").Length > 0) return lineNo;
                i++;
            }
        }
        return null;
    }
}
