using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Baoku.Config;

/// <summary>
/// Reads site.yml into a <see cref="SiteConfig"/>. Never throws: every problem (malformed YAML, wrong types,
/// missing or duplicate campaign slugs, bad thresholds, bad page dates…) comes back as an <see cref="Problem"/>
/// naming the file and, where known, the 1-based line. The config is null when there is at least one error.
/// </summary>
public static partial class SiteConfigLoader
{
    public const string FileName = "site.yml";

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex SlugPattern();


    /// <summary>
    /// YAML folds a long text's line breaks into spaces; between Chinese characters that space is not in the text
    /// the editor meant (…的报道， 包括…), so it goes. Spaces next to Latin words stay.
    /// </summary>
    public static string UnfoldChinese(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i])) { sb.Append(text[i]); continue; }
            int end = i;
            while (end < text.Length && char.IsWhiteSpace(text[end])) end++;
            bool betweenWide = i > 0 && end < text.Length && Hanzi.IsWide(text[i - 1]) && Hanzi.IsWide(text[end]);
            if (!betweenWide) sb.Append(text, i, end - i);
            i = end - 1;
        }
        return sb.ToString();
    }

    public static (SiteConfig? Config, IReadOnlyList<Problem> Problems) Load(string path)
    {
        string yaml;
        try
        {
            if (!File.Exists(path))
                return (null, [new(ProblemCodes.SiteConfigError, path, null, $"找不到站点配置文件 {path} (site configuration file not found: {path})")]);
            yaml = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return (null, [new(ProblemCodes.SiteConfigError, path, null, $"无法读取站点配置文件 (cannot read the site configuration: {ex.Message})")]);
        }
        return LoadFromString(yaml, path);
    }

    public static (SiteConfig? Config, IReadOnlyList<Problem> Problems) LoadFromString(string yaml, string fileName)
    {
        var p = new YamlProblems(fileName, YamlCodes.SiteConfig);
        var root = p.Parse(yaml);
        if (p.HasErrors) return (null, p.List);
        if (root is null || YamlProblems.IsNull(root))
        {
            p.Error((int?)null, "站点配置文件是空的，至少要写 title", "the site configuration is empty; it needs at least a title");
            return (null, p.List);
        }
        if (root is not YamlMappingNode map)
        {
            p.Error(root, "站点配置文件的最外层应该是“键: 值”的映射", "the top level of the site configuration must be a mapping of keys to values");
            return (null, p.List);
        }

        var e = p.Entries(map, new("站点配置", "the site configuration"), "title", "base_url", "description", "campaigns", "tags", "columns", "pages", "build", "menu", "papers");

        string? title = null;
        if (e.TryGetValue("title", out var t)) title = p.Text(t.Value, new("title（站点名称）", "title"));
        else p.Error(map, "缺少 title（站点名称）", "missing title");

        var baseUrl = "/";
        if (e.TryGetValue("base_url", out var b) && !YamlProblems.IsNull(b.Value))
            baseUrl = p.Text(b.Value, new("base_url", "base_url")) ?? "/";

        var campaigns = e.TryGetValue("campaigns", out var c) ? ReadCampaigns(p, c.Value) : [];
        var tags = e.TryGetValue("tags", out var tg) ? ReadTags(p, tg.Value) : [];
        var columns = e.TryGetValue("columns", out var col)
            ? (p.TextList(col.Value, new("columns（栏目）", "columns")) ?? []).Select(x => x.Text).ToList()
            : [];
        var pages = e.TryGetValue("pages", out var pg) ? ReadPages(p, pg.Value) : new Dictionary<string, PageOverride>();

        var description = e.TryGetValue("description", out var d) && !YamlProblems.IsNull(d.Value)
            ? UnfoldChinese(p.Text(d.Value, new("description（站点简介）", "description")) ?? "") : "";
        var build = e.TryGetValue("build", out var bd) ? ReadBuild(p, bd.Value) : BuildSettings.Default;
        var menu = e.TryGetValue("menu", out var mn) ? ReadMenu(p, mn.Value) : [];
        var papers = e.TryGetValue("papers", out var pp) ? PaperProfileReader.Read(p, pp.Value) : [];

        if (p.HasErrors) return (null, p.List);
        return (new SiteConfig(title!, baseUrl, campaigns, tags, columns, pages) { Description = description, Build = build, Menu = menu, Papers = papers }, p.List);
    }

    private static BuildSettings ReadBuild(YamlProblems p, YamlNode node)
    {
        var d = BuildSettings.Default;
        if (YamlProblems.IsNull(node)) return d;
        if (node is not YamlMappingNode map)
        {
            p.Error(node, "build 应该是“键: 值”的映射", "build must be a mapping");
            return d;
        }
        var e = p.Entries(map, new("build", "build"), "page_size", "home_count", "feed_count", "related");
        int Positive(string key, int fallback)
        {
            if (!e.TryGetValue(key, out var v)) return fallback;
            var n = p.Integer(v.Value, new($"build.{key}", $"build.{key}"));
            if (n is null) return fallback;
            if (n > 0) return n.Value;
            p.Error(v.Value, $"build.{key} 必须大于 0", $"build.{key} must be greater than 0");
            return fallback;
        }
        var related = d.Related;
        if (e.TryGetValue("related", out var r) && r.Value is YamlMappingNode rm)
        {
            var re = p.Entries(rm, new("build.related", "build.related"), "count", "campaigns", "people", "orgs", "tags", "text", "half_life_days");
            double Weight(string key, double fallback)
            {
                if (!re.TryGetValue(key, out var v)) return fallback;
                if (v.Value is YamlScalarNode sc && double.TryParse(sc.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x) && x >= 0)
                    return x;
                p.Error(v.Value, $"build.related.{key} 必须是不小于 0 的数", $"build.related.{key} must be a number ≥ 0");
                return fallback;
            }
            int count = related.Count;
            if (re.TryGetValue("count", out var cv)) count = p.Integer(cv.Value, new("build.related.count", "build.related.count")) ?? count;
            related = new RelatedWeights(Math.Max(0, count), Weight("campaigns", related.Campaigns), Weight("people", related.People),
                Weight("orgs", related.Orgs), Weight("tags", related.Tags), Weight("text", related.Text), Math.Max(1, Weight("half_life_days", related.HalfLifeDays)));
        }
        else if (e.TryGetValue("related", out var bad) && !YamlProblems.IsNull(bad.Value))
            p.Error(bad.Value, "build.related 应该是“键: 值”的映射", "build.related must be a mapping");
        return new BuildSettings(Positive("page_size", d.PageSize), Positive("home_count", d.HomeCount), Positive("feed_count", d.FeedCount), related);
    }

    private static List<MenuItem> ReadMenu(YamlProblems p, YamlNode node)
    {
        var result = new List<MenuItem>();
        if (YamlProblems.IsNull(node)) return result;
        if (node is not YamlSequenceNode seq)
        {
            p.Error(node, "menu 应该是列表，每项写 name 和 path", "menu must be a list of entries with name and path");
            return result;
        }
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode m) { p.Error(item, "menu 的每一项要有 name 和 path", "each menu entry needs name and path"); continue; }
            var e = p.Entries(m, new("menu", "menu"), "name", "path");
            var name = e.TryGetValue("name", out var n) ? p.Text(n.Value, new("menu.name", "menu name")) : null;
            var path = e.TryGetValue("path", out var pa) ? p.Text(pa.Value, new("menu.path", "menu path")) : null;
            if (name is null || path is null) { p.Error(m, "menu 的每一项要有 name 和 path", "each menu entry needs name and path"); continue; }
            if (path.Contains("..") || path.Contains(':') || path.StartsWith('/'))
            {
                p.Error(pa.Value, $"menu 的 path“{path}”必须是站内相对路径，如 campaigns/", $"menu path '{path}' must be a site-relative path such as campaigns/");
                continue;
            }
            result.Add(new MenuItem(name, path));
        }
        return result;
    }

    private static List<CampaignDefinition> ReadCampaigns(YamlProblems p, YamlNode node)
    {
        var result = new List<CampaignDefinition>();
        if (YamlProblems.IsNull(node)) return result;
        if (node is not YamlSequenceNode seq)
        {
            p.Error(node, "campaigns（专题）应该是列表，每项以“- name:”开头", "campaigns must be a list, each entry starting with '- name:'");
            return result;
        }

        var slugs = new Dictionary<string, int?>(StringComparer.Ordinal);
        var names = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode m)
            {
                p.Error(item, "每个专题应该是一组“键: 值”（name、slug、threshold、phrases…）",
                    "each campaign must be a mapping (name, slug, threshold, phrases…)");
                continue;
            }
            var e = p.Entries(m, new("专题", "a campaign"), "name", "slug", "description", "threshold", "phrases", "exclude");
            var ok = true;

            string? name = null;
            if (e.TryGetValue("name", out var n) && !YamlProblems.IsNull(n.Value)) name = p.Text(n.Value, new("专题的 name", "campaign name"))?.Trim();
            if (name is null || name.Length == 0)
            {
                if (name is not null || n.Value is null || YamlProblems.IsNull(n.Value)) p.Error(n.Value ?? m, "专题缺少 name（名称）", "campaign is missing its name");
                ok = false;
            }
            var label = name is { Length: > 0 } ? $"专题“{name}”" : "专题";
            var labelEn = name is { Length: > 0 } ? $"campaign '{name}'" : "campaign";

            string? slug = null;
            if (e.TryGetValue("slug", out var s) && !YamlProblems.IsNull(s.Value)) slug = p.Text(s.Value, new($"{label}的 slug", $"slug of {labelEn}"))?.Trim();
            if (slug is null || slug.Length == 0)
            {
                if (slug is not null || s.Value is null || YamlProblems.IsNull(s.Value)) p.Error(s.Value ?? m, $"{label}缺少 slug（网址名）", $"{labelEn} is missing its slug");
                ok = false;
            }
            else if (!SlugPattern().IsMatch(slug))
            {
                p.Error(s.Value, $"{label}的 slug“{slug}”只能用小写字母、数字和连字符", $"slug '{slug}' of {labelEn} must match ^[a-z0-9-]+$");
                ok = false;
            }
            else if (slugs.TryGetValue(slug, out var firstLine))
            {
                p.Error(s.Value, $"专题 slug“{slug}”重复（第一次出现在第 {firstLine} 行）", $"duplicate campaign slug '{slug}', first used on line {firstLine}");
                ok = false;
            }
            else slugs[slug] = YamlProblems.LineOf(s.Value);

            if (name is { Length: > 0 })
            {
                if (names.TryGetValue(name, out var firstNameLine))
                {
                    p.Error(n.Value, $"专题名称“{name}”重复（第一次出现在第 {firstNameLine} 行）", $"duplicate campaign name '{name}', first used on line {firstNameLine}");
                    ok = false;
                }
                else names[name] = YamlProblems.LineOf(n.Value);
            }

            var description = "";
            if (e.TryGetValue("description", out var d) && !YamlProblems.IsNull(d.Value))
                description = UnfoldChinese(p.Text(d.Value, new($"{label}的 description", $"description of {labelEn}"))?.Trim() ?? "");

            int? threshold = null;
            if (e.TryGetValue("threshold", out var th))
            {
                threshold = p.Integer(th.Value, new($"{label}的 threshold（门槛分）", $"threshold of {labelEn}"));
                if (threshold is <= 0)
                {
                    p.Error(th.Value, $"{label}的 threshold 必须大于 0，现在是 {threshold}", $"threshold of {labelEn} must be greater than 0, got {threshold}");
                    threshold = null;
                }
            }
            else p.Error(m, $"{label}缺少 threshold（门槛分）", $"{labelEn} is missing its threshold");
            ok &= threshold is not null;

            var phrases = new Dictionary<string, int>(StringComparer.Ordinal);
            if (e.TryGetValue("phrases", out var ph))
            {
                if (ph.Value is not YamlMappingNode pm || pm.Children.Count == 0)
                {
                    p.Error(ph.Value, $"{label}的 phrases 应该是“关键词: 权重”的映射，且至少一条", $"phrases of {labelEn} must be a non-empty mapping of phrase to weight");
                    ok = false;
                }
                else
                {
                    foreach (var (k, v) in pm.Children)
                    {
                        var phrase = p.Text(k, new($"{label}的关键词", $"a phrase of {labelEn}"))?.Trim();
                        var weight = p.Integer(v, new($"{label}关键词“{phrase}”的权重", $"weight of phrase '{phrase}' in {labelEn}"));
                        if (string.IsNullOrEmpty(phrase) || weight is null) { ok = false; continue; }
                        if (weight <= 0)
                        {
                            p.Error(v, $"{label}关键词“{phrase}”的权重必须大于 0", $"weight of phrase '{phrase}' in {labelEn} must be greater than 0");
                            ok = false;
                            continue;
                        }
                        phrases[phrase] = weight.Value;
                    }
                }
            }
            else { p.Error(m, $"{label}缺少 phrases（关键词及权重）", $"{labelEn} is missing its phrases"); ok = false; }

            var exclude = new List<string>();
            if (e.TryGetValue("exclude", out var ex))
            {
                var list = p.TextList(ex.Value, new($"{label}的 exclude（排除词）", $"exclude of {labelEn}"));
                if (list is null) ok = false; else exclude.AddRange(list.Select(x => x.Text));
            }

            if (ok) result.Add(new CampaignDefinition(name!, slug!, description, phrases, threshold!.Value, exclude));
        }
        return result;
    }

    private static List<TagDefinition> ReadTags(YamlProblems p, YamlNode node)
    {
        var result = new List<TagDefinition>();
        if (YamlProblems.IsNull(node)) return result;
        if (node is not YamlSequenceNode seq)
        {
            p.Error(node, "tags（标签）应该是列表", "tags must be a list");
            return result;
        }
        var names = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode m)
            {
                p.Error(item, "每个标签应该写成 { name: …, phrases: […], min: … }", "each tag must be a mapping { name, phrases, min }");
                continue;
            }
            var e = p.Entries(m, new("标签", "a tag"), "name", "phrases", "min");
            var ok = true;

            string? name = null;
            if (e.TryGetValue("name", out var n) && !YamlProblems.IsNull(n.Value)) name = p.Text(n.Value, new("标签的 name", "tag name"))?.Trim();
            if (name is null || name.Length == 0)
            {
                if (name is not null || n.Value is null || YamlProblems.IsNull(n.Value)) p.Error(n.Value ?? m, "标签缺少 name（名称）", "tag is missing its name");
                ok = false;
            }
            else if (names.TryGetValue(name, out var first))
            {
                p.Error(n.Value, $"标签“{name}”重复（第一次出现在第 {first} 行）", $"duplicate tag '{name}', first used on line {first}");
                ok = false;
            }
            else names[name] = YamlProblems.LineOf(n.Value);

            var label = new Label($"标签“{name}”的 phrases", $"phrases of tag '{name}'");
            List<string> phrases = [];
            if (e.TryGetValue("phrases", out var ph))
            {
                var list = p.TextList(ph.Value, label);
                if (list is null) ok = false;
                else if (list.Count == 0) { p.Error(ph.Value, $"{label.Zh} 至少要有一个词", $"{label.En} must not be empty"); ok = false; }
                else phrases = list.Select(x => x.Text).ToList();
            }
            else { p.Error(m, $"标签“{name}”缺少 phrases", $"tag '{name}' is missing its phrases"); ok = false; }

            var min = 1;
            if (e.TryGetValue("min", out var mn))
            {
                var v = p.Integer(mn.Value, new($"标签“{name}”的 min（最少出现次数）", $"min of tag '{name}'"));
                if (v is null) ok = false;
                else if (v <= 0) { p.Error(mn.Value, $"标签“{name}”的 min 必须大于 0", $"min of tag '{name}' must be greater than 0"); ok = false; }
                else min = v.Value;
            }

            if (ok) result.Add(new TagDefinition(name!, phrases, min));
        }
        return result;
    }

    private static Dictionary<string, PageOverride> ReadPages(YamlProblems p, YamlNode node)
    {
        var result = new Dictionary<string, PageOverride>(StringComparer.Ordinal);
        if (YamlProblems.IsNull(node)) return result;
        if (node is not YamlMappingNode map)
        {
            p.Error(node, "pages 应该是“版面文件名: { date: …, page: … }”的映射", "pages must be a mapping of raw page file name to { date, page }");
            return result;
        }
        foreach (var (k, v) in map.Children)
        {
            var file = p.Text(k, new("pages 里的文件名", "a file name under pages"))?.Trim();
            if (string.IsNullOrEmpty(file)) continue;
            if (!file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
                p.Warning(k, $"pages 里的“{file}”不像版面文件名（应以 .txt 结尾）", $"'{file}' under pages does not look like a raw page file name (expected *.txt)");
            var page = PageOverrideReader.Read(p, v, new($"版面 {file}", $"page {file}"));
            if (page is not null) result[file] = page;
        }
        return result;
    }
}

/// <summary>The <c>{ date: 2022-11-22, page: 开发区专版 }</c> block, shared by site.yml's pages and by sidecar files.</summary>
internal static class PageOverrideReader
{
    public static PageOverride? Read(YamlProblems p, YamlNode node, Label where)
    {
        if (YamlProblems.IsNull(node)) return new PageOverride(null, null);
        if (node is not YamlMappingNode m)
        {
            p.Error(node, $"{where.Zh}应该写成 {{ date: 2022-11-22, page: 版名 }}", $"{where.En} must be a mapping {{ date: 2022-11-22, page: name }}");
            return null;
        }
        var e = p.Entries(m, where, "date", "page");
        var errorsBefore = p.List.Count(x => x.IsError);
        DateOnly? date = null;
        string? pageName = null;
        if (e.TryGetValue("date", out var d) && !YamlProblems.IsNull(d.Value))
            date = p.Date(d.Value, new($"{where.Zh}的 date", $"date of {where.En}"));
        if (e.TryGetValue("page", out var pn) && !YamlProblems.IsNull(pn.Value))
            pageName = p.Text(pn.Value, new($"{where.Zh}的 page（版名）", $"page name of {where.En}"))?.Trim();
        return p.List.Count(x => x.IsError) > errorsBefore ? null : new PageOverride(date, pageName);
    }
}
