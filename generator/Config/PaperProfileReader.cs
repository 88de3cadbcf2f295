using YamlDotNet.RepresentationModel;

namespace Baoku.Config;

/// <summary>site.yml's <c>papers:</c> list: one <see cref="PaperProfile"/> per paper whose pages are imported.</summary>
internal static class PaperProfileReader
{
    public static List<PaperProfile> Read(YamlProblems p, YamlNode node)
    {
        var result = new List<PaperProfile>();
        if (YamlProblems.IsNull(node)) return result;
        if (node is not YamlSequenceNode seq)
        {
            p.Error(node, "papers 应该是列表，每项是一份报纸的 name、files、lead_prefixes、roles、labels",
                "papers must be a list of entries with name, files, lead_prefixes, roles and labels");
            return result;
        }
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode m)
            {
                p.Error(item, "papers 的每一项要写 name（报名）等键", "each entry of papers needs a name and other keys");
                continue;
            }
            var e = p.Entries(m, new("papers 的一项", "an entry of papers"), "name", "files", "lead_prefixes", "roles", "labels");
            var name = e.TryGetValue("name", out var n) ? p.Text(n.Value, new("papers.name（报名）", "papers name"))?.Trim() : null;
            if (string.IsNullOrEmpty(name))
            {
                p.Error(item, "papers 的每一项都要有 name（报名）", "each entry of papers needs a name");
                continue;
            }
            IReadOnlyList<string> List(string key, string zh) =>
                e.TryGetValue(key, out var v) ? (p.TextList(v.Value, new($"{name} 的 {key}（{zh}）", $"{key} of {name}")) ?? []).Select(x => x.Text).ToList() : [];
            result.Add(new PaperProfile(name, List("files", "版面文件"), List("lead_prefixes", "电头"), List("roles", "署名身份"), List("labels", "版名和栏目名")));
        }
        if (result.Count(x => x.Files.Count == 0) > 1)
            p.Warning(node, "papers 里有几份报纸都没写 files，只有第一份会用于其他报纸的版面",
                "several papers have no files patterns; only the first applies to pages no other paper claims");
        return result;
    }
}
