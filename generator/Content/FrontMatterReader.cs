using YamlDotNet.RepresentationModel;

namespace Baoku.Content;

/// <summary>Reads the YAML front-matter block of an article file. Returns null when the file has none or it does not parse.</summary>
public static class FrontMatterReader
{
    public static YamlMappingNode? Read(string text)
    {
        var (yaml, _) = FrontMatterSplit.Split(text);
        if (yaml is null || YamlBounds.TooDeepAt(yaml) is not null) return null;   // too deep would overflow the stack
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

    public static IReadOnlyList<string>? ReadList(YamlMappingNode? map, string key)
    {
        if (map is null || !map.Children.TryGetValue(new YamlScalarNode(key), out var node)) return null;
        return node is YamlSequenceNode seq
            ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(v => v.Length > 0).ToList()
            : null;
    }
}
