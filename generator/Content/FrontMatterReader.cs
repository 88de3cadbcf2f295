using YamlDotNet.RepresentationModel;

namespace Baoku.Content;

/// <summary>Reads the YAML front-matter block of an article file. Returns null when the file has none or it does not parse.</summary>
public static class FrontMatterReader
{
    public static YamlMappingNode? Read(string text)
    {
        var (yaml, _) = Split(text);
        if (yaml is null) return null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return null;
        }
    }

    /// <summary>The front-matter text (between the --- lines) and the body after it.</summary>
    public static (string? Yaml, string Body) Split(string text)
    {
        var t = text.Replace("\r\n", "\n");
        if (t.StartsWith('\uFEFF')) t = t[1..];
        if (!t.StartsWith("---\n", StringComparison.Ordinal)) return (null, t);
        int end = t.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (end < 0)
            return t.EndsWith("\n---", StringComparison.Ordinal) ? (t[4..^4], "") : (null, t);
        return (t[4..(end + 1)], t[(end + 5)..]);
    }

    public static IReadOnlyList<string>? ReadList(YamlMappingNode? map, string key)
    {
        if (map is null || !map.Children.TryGetValue(new YamlScalarNode(key), out var node)) return null;
        return node is YamlSequenceNode seq
            ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(v => v.Length > 0).ToList()
            : null;
    }
}
