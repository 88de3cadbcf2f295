using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Baoku.Core;

/// <summary>A name for a place in the file, in Chinese and in English.</summary>
public readonly record struct Label(string Zh, string En);

/// <summary>
/// The codes a YAML file's problems get: its own kinds where it has them (an article's front-matter has a code for
/// malformed YAML, wrong types, unknown keys and bad dates), else one code for its errors and one for its warnings.
/// </summary>
public sealed record YamlCodes(ProblemCode Error, ProblemCode Warning, ProblemCode? Syntax = null, ProblemCode? Type = null,
    ProblemCode? UnknownKey = null, ProblemCode? Date = null, ProblemCode? Depth = null)
{
    public ProblemCode DepthCode => Depth ?? Error;
    public ProblemCode SyntaxCode => Syntax ?? Error;
    public ProblemCode TypeCode => Type ?? Error;
    public ProblemCode UnknownKeyCode => UnknownKey ?? Warning;
    public ProblemCode DateCode => Date ?? Error;

    public static YamlCodes SiteConfig { get; } = new(ProblemCodes.SiteConfigError, ProblemCodes.SiteConfigWarning, Depth: ProblemCodes.YamlTooDeep);
    public static YamlCodes Sidecar { get; } = new(ProblemCodes.SidecarError, ProblemCodes.SidecarWarning);
    public static YamlCodes FrontMatter { get; } = new(ProblemCodes.BadYaml, ProblemCodes.UnknownKey,
        Syntax: ProblemCodes.BadYaml, Type: ProblemCodes.FieldType, UnknownKey: ProblemCodes.UnknownKey, Date: ProblemCodes.Date, Depth: ProblemCodes.FrontMatterTooDeep);
}

/// <summary>
/// Shared plumbing for site.yml, page sidecars and front-matter: parse to the YAML representation model (which keeps
/// line numbers), never throw, and word every problem as "中文 (English)" with the file, the 1-based line and a code
/// from <see cref="YamlCodes"/> (or the one the caller names).
/// </summary>
public sealed class YamlProblems(string file, YamlCodes codes)
{
    public string File { get; } = file;
    public YamlCodes Codes { get; } = codes;
    public List<Problem> List { get; } = [];
    public bool HasErrors => List.Any(p => p.IsError);

    public void Add(ProblemCode code, YamlNode? at, string zh, string en) => Add(code, LineOf(at), zh, en);
    public void Add(ProblemCode code, int? line, string zh, string en) => List.Add(Problem.Of(code, File, line, zh, en));

    /// <summary>An error of the file's general kind (<see cref="YamlCodes.Error"/>).</summary>
    public void Error(YamlNode? at, string zh, string en) => Add(Codes.Error, at, zh, en);
    public void Error(int? line, string zh, string en) => Add(Codes.Error, line, zh, en);
    /// <summary>A warning of the file's general kind (<see cref="YamlCodes.Warning"/>).</summary>
    public void Warning(YamlNode? at, string zh, string en) => Add(Codes.Warning, at, zh, en);

    public static int? LineOf(YamlNode? node) =>
        node is null || node.Start.Line <= 0 ? null : (int)node.Start.Line;

    /// <summary>The document's root node; null (and an error) for malformed YAML, null (no error) for an empty document.</summary>
    public YamlNode? Parse(string yaml)
    {
        if (YamlBounds.TooDeepAt(yaml) is { } deep)
        {
            Add(Codes.DepthCode, deep, $"YAML 嵌套太深（超过 {YamlBounds.MaxDepth} 层），没有读取这个文件",
                $"YAML nested more than {YamlBounds.MaxDepth} levels deep; the file was not read");
            return null;
        }
        var scanner = new Scanner(new StringReader(yaml));
        var stream = new YamlStream();
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException ex) when (ex.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && YamlBounds.TabIndentAt(yaml) is { } tab)
        {
            // YamlDotNet names where the enclosing block started (often line 1), not the tab itself.
            Add(Codes.SyntaxCode, tab, "YAML 格式错误：这一行用了 Tab 缩进，YAML 只能用空格缩进",
                $"malformed YAML: this line is indented with a tab; YAML allows only spaces ({ex.Message})");
            return null;
        }
        catch (YamlException ex)
        {
            var line = ex.Start.Line > 0 ? (int?)ex.Start.Line : null;
            Add(Codes.SyntaxCode, line, "YAML 格式错误", $"malformed YAML: {ex.Message}");
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // YamlDotNet occasionally fails outside YamlException (e.g. InvalidOperationException for an unclosed flow
            // sequence): report where the scanner stopped.
            var line = scanner.CurrentPosition.Line > 0 ? (int?)scanner.CurrentPosition.Line : null;
            Add(Codes.SyntaxCode, line, "YAML 格式错误，在这一行或上一行附近，常见原因是 [ 或 { 没有闭合",
                "malformed YAML at or just before this line, often an unclosed [ or {");
            return null;
        }

        if (stream.Documents.Count > 1)
            Add(Codes.SyntaxCode, LineOf(stream.Documents[1].RootNode), "文件里只能有一个 YAML 文档", "only one YAML document is allowed");
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s
        && (string.IsNullOrEmpty(s.Value) || s.Value is "~" or "null" or "Null" or "NULL");

    /// <summary>The mapping's entries with string keys; warns about keys not in <paramref name="known"/>.</summary>
    public Dictionary<string, (YamlScalarNode Key, YamlNode Value)> Entries(YamlMappingNode map, Label where, params string[] known)
    {
        var result = new Dictionary<string, (YamlScalarNode, YamlNode)>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
            {
                Add(Codes.SyntaxCode, keyNode, $"{where.Zh}的键必须是文字", $"keys in {where.En} must be plain text");
                continue;
            }
            if (known.Length > 0 && !known.Contains(key, StringComparer.Ordinal))
                Add(Codes.UnknownKeyCode, keyNode, $"{where.Zh}里有不认识的键“{key}”，已忽略（可用：{string.Join("、", known)}）",
                    $"unknown key '{key}' in {where.En} ignored; expected one of: {string.Join(", ", known)}");
            result[key] = (scalarKey, value);
        }
        return result;
    }

    /// <summary>A text value; null (and an error) when the node is not a scalar.</summary>
    public string? Text(YamlNode node, Label what)
    {
        if (node is YamlScalarNode s && !IsNull(node)) return s.Value ?? "";
        Add(Codes.TypeCode, node, $"{what.Zh}应该是一段文字", $"{what.En} must be text");
        return null;
    }

    public int? Integer(YamlNode node, Label what)
    {
        if (node is YamlScalarNode { Value: { } v } && !IsNull(node)
            && int.TryParse(v.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            return n;
        Add(Codes.TypeCode, node, $"{what.Zh}应该是整数", $"{what.En} must be a whole number");
        return null;
    }

    public DateOnly? Date(YamlNode node, Label what)
    {
        if (node is YamlScalarNode { Value: { } v } && !IsNull(node)
            && DateOnly.TryParseExact(v.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        var shown = node is YamlScalarNode { Value: { } raw } ? raw : node.NodeType.ToString();
        Add(Codes.DateCode, node, $"{what.Zh}“{shown}”不是有效日期，应写成 2022-11-22 这样", $"{what.En} '{shown}' is not a valid date; write it as 2022-11-22");
        return null;
    }

    public List<(string Text, YamlNode Node)>? TextList(YamlNode node, Label what)
    {
        if (IsNull(node)) return [];
        if (node is not YamlSequenceNode seq)
        {
            Add(Codes.TypeCode, node, $"{what.Zh}应该是列表", $"{what.En} must be a list");
            return null;
        }
        var list = new List<(string, YamlNode)>();
        foreach (var item in seq.Children)
        {
            var t = Text(item, new($"{what.Zh}的每一项", $"each entry of {what.En}"));
            if (t is null) continue;
            if (t.Trim().Length == 0) { Error(item, $"{what.Zh}里有空项", $"{what.En} has an empty entry"); continue; }
            list.Add((t.Trim(), item));
        }
        return list;
    }
}
