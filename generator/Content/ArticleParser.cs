using System.Text;
using Baoku.Config;
using YamlDotNet.RepresentationModel;

namespace Baoku.Content;

/// <summary>
/// One article file's text → <see cref="Article"/> and problems. Line numbers are file lines: the YAML is parsed with
/// a blank line in place of the opening <c>---</c>, so YamlDotNet's line numbers are the file's.
/// </summary>
internal sealed class ArticleParser
{
    /// <summary>The front-matter keys of the content format (README, "Content format"), in documented order.</summary>
    public static readonly string[] KnownKeys =
    [
        "title", "kicker", "subtitle", "date", "date_confidence", "date_evidence", "authors", "photographers", "editors", "origin", "byline",
        "column", "campaigns", "campaign_evidence", "tags", "people", "roles", "orgs", "places", "source", "slug", "aliases", "draft", "review",
    ];

    static readonly string[] DateConfidences = ["explicit", "high", "medium", "low"];

    readonly ParsedFile f;
    readonly YamlProblems p;
    readonly SiteConfig config;
    Dictionary<string, (YamlScalarNode Key, YamlNode Value)> entries = [];

    ArticleParser(ParsedFile f, YamlProblems p, SiteConfig config) => (this.f, this.p, this.config) = (f, p, config);

    /// <summary>Parses a file's text (a leading BOM and CRLF line ends are accepted).</summary>
    public static ParsedFile Parse(string relativePath, string shownPath, string text, SiteConfig config) =>
        Guarded(relativePath, shownPath, config, parser => parser.RunText(text));

    /// <summary>
    /// Parses a file's bytes, already checked to be UTF-8 without BOM. The front-matter and the body are decoded
    /// separately, so the file is never held as one more string; anything unusual goes the way of the text.
    /// </summary>
    public static ParsedFile Parse(string relativePath, string shownPath, ReadOnlySpan<byte> utf8, SiteConfig config)
    {
        if (!FrontMatterSplit.TryFind(utf8, out var split))
            return Parse(relativePath, shownPath, Encoding.UTF8.GetString(utf8), config);
        // From the \n that ends line 1: a blank line stands in for the opening ---, so YAML lines are file lines.
        var yaml = Encoding.UTF8.GetString(utf8[split.FirstLineEnd..split.CloseStart]);
        var markdown = Encoding.UTF8.GetString(utf8[split.BodyStart..]);
        if (markdown.Contains('\r')) markdown = markdown.Replace("\r\n", "\n");
        return Guarded(relativePath, shownPath, config, parser => parser.Run(yaml, markdown, split.CloseLine));
    }

    static ParsedFile Guarded(string relativePath, string shownPath, SiteConfig config, Action<ArticleParser> run)
    {
        var p = new YamlProblems(shownPath, YamlCodes.FrontMatter);
        var f = new ParsedFile(relativePath, shownPath, p.List);
        try
        {
            run(new ArticleParser(f, p, config));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            f.Article = null;
            f.Add(ProblemCodes.ArticleInternal, null, "读取这篇文章时出现内部错误", $"internal error while reading this article: {ex.GetType().Name}: {ex.Message}");
        }
        return f;
    }

    void RunText(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (text.Contains('\r')) text = text.Replace("\r\n", "\n");
        if (string.IsNullOrWhiteSpace(text))
        {
            f.Add(ProblemCodes.EmptyFile, null, "文件是空的", "the file is empty");
            return;
        }
        if (!FrontMatterSplit.TryFind(text.AsSpan(), out var split))
        {
            ReportNoFrontMatter(text);
            return;
        }
        Run(text[split.FirstLineEnd..split.CloseStart], text[split.BodyStart..], split.CloseLine);
    }

    /// <param name="yaml">The front-matter with a blank first line in place of the opening ---.</param>
    /// <param name="markdown">The body after the closing --- line, LF line ends.</param>
    /// <param name="closeLine">The file line of the closing ---.</param>
    void Run(string yaml, string markdown, int closeLine)
    {
        var root = p.Parse(yaml);
        if (p.HasErrors) return;
        if (root is null || YamlProblems.IsNull(root))
        {
            f.Add(ProblemCodes.BadYaml, 1, "front-matter 是空的，至少要写 title（标题）和 date（日期）", "the front-matter is empty; it needs at least title and date");
            return;
        }
        if (root is not YamlMappingNode map)
        {
            p.Add(ProblemCodes.BadYaml, root, "front-matter 应该是“键: 值”的映射，例如 title: 标题", "the front-matter must be a mapping of keys to values, such as title: …");
            return;
        }

        entries = p.Entries(map, new("front-matter ", "the front-matter"), KnownKeys);
        var meta = ReadMeta();

        int bodyStartLine = closeLine + 1;
        markdown = ContentSafety.RemoveControls(markdown, bodyStartLine, f);
        if (string.IsNullOrWhiteSpace(markdown))
            f.Add(ProblemCodes.EmptyBody, closeLine, "正文是空的", "the article has no body text");
        else
        {
            ContentSafety.ScanBody(markdown, bodyStartLine, f);
            MarkdownBounds.Check(markdown, bodyStartLine, f);
        }

        if (meta is not null && !f.HasErrors)
            f.Article = new Article(f.RelativePath, meta, markdown, bodyStartLine);
    }

    /// <summary>Says why a (non-empty, LF) text has no front-matter.</summary>
    void ReportNoFrontMatter(string text)
    {
        int firstEnd = text.IndexOf('\n');
        var first = (firstEnd < 0 ? text.AsSpan() : text.AsSpan(0, firstEnd)).TrimEnd(" \t");
        if (first.SequenceEqual("---"))
            f.Add(ProblemCodes.NoFrontMatter, 1, "front-matter 没有结束：找不到第二个 --- 行", "the front-matter is not closed: no second --- line");
        else if (first.Trim().IsEmpty)
            f.Add(ProblemCodes.NoFrontMatter, 1, "文件开头有空行：第一行必须是 ---（front-matter 的开始）", "the file starts with a blank line: the first line must be --- (start of the front-matter)");
        else if (first.SequenceEqual("+++"))
            f.Add(ProblemCodes.NoFrontMatter, 1, "不支持 TOML front-matter（+++），请改用 --- 之间的 YAML", "TOML front-matter (+++) is not supported; use YAML between --- lines");
        else
            f.Add(ProblemCodes.NoFrontMatter, 1, "没有 front-matter：文件第一行必须是 ---，然后是 title、date 等，再以 --- 结束",
                "no front-matter: the first line must be ---, followed by title, date, … and a closing ---");
    }

    ArticleFrontMatter? ReadMeta()
    {
        var title = RequiredTitle();
        var date = RequiredDate();
        var kicker = OptionalText("kicker", new("kicker（引题）", "kicker"));
        var subtitle = OptionalText("subtitle", new("subtitle（副题）", "subtitle"));
        var confidence = OptionalText("date_confidence", new("date_confidence（日期可信度）", "date_confidence"));
        if (confidence is not null && !DateConfidences.Contains(confidence))
            f.Add(ProblemCodes.DateConfidence, LineOf("date_confidence"), $"date_confidence“{confidence}”应该是 explicit、high、medium 或 low",
                $"date_confidence '{confidence}' should be explicit, high, medium or low");
        var evidence = List("date_evidence", new("date_evidence（日期依据）", "date_evidence"));
        var authors = List("authors", new("authors（作者）", "authors"));
        var photographers = List("photographers", new("photographers（摄影）", "photographers"));
        var editors = List("editors", new("editors（编辑）", "editors"));
        var origin = OptionalText("origin", new("origin（来源）", "origin"));
        var byline = OptionalText("byline", new("byline（署名）", "byline"));
        var column = OptionalText("column", new("column（栏目）", "column"));
        if (column is not null && config.Columns.Count > 0 && !config.Columns.Contains(column, StringComparer.Ordinal))
            f.Add(ProblemCodes.UnknownColumn, LineOf("column"), $"栏目“{column}”不在 site.yml 的 columns 里（已有：{string.Join("、", config.Columns)}）",
                $"column '{column}' is not listed under columns in site.yml (listed: {string.Join(", ", config.Columns)})");
        var campaigns = Campaigns();
        var evidenceByCampaign = CampaignEvidence();
        var tags = List("tags", new("tags（标签）", "tags"));
        var people = List("people", new("people（人物）", "people"));
        var roles = Roles();
        var orgs = List("orgs", new("orgs（单位）", "orgs"));
        var places = List("places", new("places（地点）", "places"));
        var source = Source();
        var slug = Slug();
        var aliasNodes = ListWithNodes("aliases", new("aliases（旧网址）", "aliases"));
        var draft = Draft();
        var review = List("review", new("review（待核对）", "review"));
        if (review.Length > 0)
            f.Add(ProblemCodes.NeedsReview, LineOf("review"), $"导入程序请编辑核对这篇文章：{string.Join("；", review)}（核对后删去 review 这一项）",
                $"the importer asks an editor to check this article: {string.Join("; ", review)} (delete the review field once checked)");

        if (title is null || date is null) return null;
        var urlSlug = slug ?? Path.GetFileNameWithoutExtension(f.RelativePath);
        f.UrlKey = $"{date.Value.Year:D4}/{date.Value.Month:D2}/{urlSlug}";
        f.UrlLine = LineOf("slug") ?? LineOf("date");
        var aliases = Aliases(aliasNodes);

        return new ArticleFrontMatter
        {
            Title = title,
            Kicker = kicker,
            Subtitle = subtitle,
            Date = date.Value,
            DateConfidence = confidence,
            DateEvidence = evidence,
            Authors = authors,
            Photographers = photographers,
            Editors = editors,
            Origin = origin,
            Byline = byline,
            Column = column,
            Campaigns = campaigns,
            CampaignEvidence = evidenceByCampaign,
            Tags = tags,
            People = people,
            Roles = roles,
            Orgs = orgs,
            Places = places,
            Source = source,
            Slug = slug,
            Draft = draft,
            Review = review,
            Aliases = aliases,
        };
    }

    // ───────────── fields ─────────────

    YamlNode? Value(string key) => entries.TryGetValue(key, out var e) ? e.Value : null;

    int? LineOf(string key) => entries.TryGetValue(key, out var e) ? YamlProblems.LineOf(e.Key) : null;

    string? RequiredTitle()
    {
        if (Value("title") is not { } node)
        {
            f.Add(ProblemCodes.Title, 1, "缺少 title（标题）", "title is missing");
            return null;
        }
        if (YamlProblems.IsNull(node) || node is YamlScalarNode { Value: var v } && string.IsNullOrWhiteSpace(v))
        {
            f.Add(ProblemCodes.Title, LineOf("title"), "title（标题）是空的", "title is empty");
            return null;
        }
        return Text(node, new("title（标题）", "title"));
    }

    DateOnly? RequiredDate()
    {
        if (Value("date") is not { } node)
        {
            f.Add(ProblemCodes.Date, 1, "缺少 date（日期），应写成 date: 2022-11-22", "date is missing; write it as date: 2022-11-22");
            return null;
        }
        if (YamlProblems.IsNull(node))
        {
            f.Add(ProblemCodes.Date, LineOf("date"), "date（日期）是空的，应写成 2022-11-22 这样", "date is empty; write it as 2022-11-22");
            return null;
        }
        return p.Date(node, new("date（日期）", "date"));
    }

    /// <summary>Trimmed text; null when absent, empty or not text (an error for the latter).</summary>
    string? OptionalText(string key, Label what, bool keepControls = false) =>
        Value(key) is { } node && !YamlProblems.IsNull(node) && Text(node, what, keepControls) is { Length: > 0 } t ? t : null;

    /// <param name="keepControls">Leave control characters in (the slug: its own check refuses them rather than change a URL).</param>
    string? Text(YamlNode node, Label what, bool keepControls = false)
    {
        if (node is not YamlScalarNode { Value: var raw })
        {
            p.Add(ProblemCodes.FieldType, node, $"{what.Zh}应该是一段文字", $"{what.En} must be text");
            return null;
        }
        var t = (raw ?? "").Trim();
        if (!keepControls && ContentSafety.WithoutControls(t) is { } clean)
        {
            p.Add(ProblemCodes.ControlCharacter, node, $"{what.Zh}里有控制字符 {ContentSafety.FirstControl(t)}，已去掉",
                $"control character {ContentSafety.FirstControl(t)} in {what.En} removed");
            t = clean.Trim();
        }
        WarnHtml(node, t, what);
        return t;
    }

    void WarnHtml(YamlNode node, string text, Label what)
    {
        if (ContentSafety.FindHtml(text) is { } tag)
            p.Add(ProblemCodes.RawHtml, node, $"{what.Zh}里有 HTML 标签 {tag}，网站上会作为文字显示", $"raw HTML {tag} in {what.En} will be shown as text");
    }

    string[] List(string key, Label what) => Texts(ListWithNodes(key, what));

    /// <summary>The texts as an exact-size array (the shared empty array when there are none): 50,000 articles keep these.</summary>
    static string[] Texts(List<(string Text, YamlNode Node)> items)
    {
        if (items.Count == 0) return [];
        var result = new string[items.Count];
        for (int i = 0; i < result.Length; i++) result[i] = items[i].Text;
        return result;
    }

    /// <summary>
    /// A list of text: a YAML sequence of scalars, or one scalar as a one-item list. Items are trimmed, empty items
    /// dropped and repeats removed (first kept). A mapping, or an item that is not text, is an error.
    /// </summary>
    List<(string Text, YamlNode Node)> ListWithNodes(string key, Label what) => Value(key) is { } node ? ReadList(node, what) : [];

    List<(string Text, YamlNode Node)> ReadList(YamlNode node, Label what)
    {
        var result = new List<(string, YamlNode)>();
        if (YamlProblems.IsNull(node)) return result;
        IEnumerable<YamlNode> items;
        if (node is YamlScalarNode) items = [node];
        else if (node is YamlSequenceNode seq) items = seq.Children;
        else
        {
            p.Add(ProblemCodes.FieldType, node, $"{what.Zh}应该是列表，例如 [甲, 乙]，不能是“键: 值”的映射", $"{what.En} must be a list such as [a, b], not a mapping");
            return result;
        }
        HashSet<string>? seen = null;
        foreach (var item in items)
        {
            if (YamlProblems.IsNull(item)) continue;
            if (item is not YamlScalarNode)
            {
                // A flow pair such as [a: b] has no position of its own; its key has.
                var at = item is YamlMappingNode { Children.Count: > 0 } pair ? pair.Children.First().Key : item;
                p.Add(ProblemCodes.FieldType, at, $"{what.Zh}的每一项都应该是一段文字（这一项是{(item is YamlMappingNode ? "“键: 值”" : "列表")}）",
                    $"each item of {what.En} must be text, not a {(item is YamlMappingNode ? "mapping" : "list")}");
                continue;
            }
            var t = Text(item, what);
            if (string.IsNullOrEmpty(t)) continue;
            seen ??= new(StringComparer.Ordinal);
            if (seen.Add(t)) result.Add((t, item));
        }
        return result;
    }

    string[] Campaigns()
    {
        var result = new List<string>();
        foreach (var (name, node) in ListWithNodes("campaigns", new("campaigns（专题）", "campaigns")))
        {
            if (config.Campaigns.Any(c => c.Name == name)) { result.Add(name); continue; }
            var known = config.Campaigns.Select(c => c.Name).ToList();
            p.Add(ProblemCodes.UnknownCampaign, node,
                known.Count == 0 ? $"专题“{name}”没有在 site.yml 里定义（site.yml 没有定义任何专题）" : $"专题“{name}”没有在 site.yml 里定义（已定义：{string.Join("、", known)}）",
                known.Count == 0 ? $"campaign '{name}' is not defined in site.yml (it defines no campaigns)" : $"campaign '{name}' is not defined in site.yml (defined: {string.Join(", ", known)})");
        }
        return result.Count == 0 ? [] : [.. result];
    }

    YamlMappingNode? Mapping(string key, Label what, string example)
    {
        if (Value(key) is not { } node || YamlProblems.IsNull(node)) return null;
        if (node is YamlMappingNode map) return map;
        p.Add(ProblemCodes.FieldType, node, $"{what.Zh}应该是“键: 值”的映射，例如 {example}", $"{what.En} must be a mapping, such as {example}");
        return null;
    }

    KeyValuePair<string, IReadOnlyList<string>>[] CampaignEvidence()
    {
        if (Mapping("campaign_evidence", new("campaign_evidence（专题依据）", "campaign_evidence"), "{ 四大双千: [四大双千×2] }") is not { } map)
            return [];
        var result = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        foreach (var (k, v) in map.Children)
        {
            var name = Text(k, new("campaign_evidence 的专题名", "a campaign name in campaign_evidence"));
            if (string.IsNullOrEmpty(name)) continue;
            var items = ReadList(v, new($"campaign_evidence 里“{name}”的依据", $"the evidence for '{name}' in campaign_evidence"));
            result.Add(new(name, Texts(items)));
        }
        return result.Count == 0 ? [] : [.. result];
    }

    KeyValuePair<string, string>[] Roles()
    {
        if (Mapping("roles", new("roles（职务）", "roles"), "{ 胡文建: 副市长 }") is not { } map) return [];
        var result = new List<KeyValuePair<string, string>>();
        foreach (var (k, v) in map.Children)
        {
            var name = Text(k, new("roles 的人名", "a name in roles"));
            if (string.IsNullOrEmpty(name) || YamlProblems.IsNull(v)) continue;
            var role = Text(v, new($"roles 里“{name}”的职务", $"the post of '{name}' in roles"));
            if (!string.IsNullOrEmpty(role)) result.Add(new(name, role));
        }
        return result.Count == 0 ? [] : [.. result];
    }

    SourceInfo? Source()
    {
        if (Mapping("source", new("source（来源）", "source"), "{ file: 001.txt, lines: 16-163 }") is not { } map) return null;
        var e = p.Entries(map, new("source（来源）", "source"), "file", "lines", "page");
        string? Part(string key) =>
            e.TryGetValue(key, out var x) && !YamlProblems.IsNull(x.Value) && Text(x.Value, new($"source.{key}", $"source.{key}")) is { Length: > 0 } t ? t : null;
        return new SourceInfo(Part("file") ?? "", Part("lines") ?? "", Part("page"));
    }

    string? Slug()
    {
        var slug = OptionalText("slug", new("slug（网址名）", "slug"), keepControls: true);
        if (slug is not null)
        {
            if (Core.Slug.Problem(slug) is { } problem) f.Add(ProblemCodes.Slug, LineOf("slug"), problem.Zh, problem.En);
            return slug;
        }
        if (Value("slug") is { } node && node is not YamlScalarNode) return null; // already reported as not text
        var fileSlug = Path.GetFileNameWithoutExtension(f.RelativePath);
        if (!Core.Slug.IsValid(fileSlug))
            f.Add(ProblemCodes.Slug, null, $"没有 slug，文件名“{fileSlug}”又不能用作网址：请加一行 slug:，只用小写英文字母、数字和连字符",
                $"no slug, and the file name '{fileSlug}' cannot be used in the URL: add a slug: line (lower-case ASCII letters, digits and hyphens)");
        return null;
    }

    bool Draft()
    {
        if (Value("draft") is not { } node || YamlProblems.IsNull(node)) return false;
        if (node is YamlScalarNode { Value: { } v })
        {
            if (v.Trim().Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
            if (v.Trim().Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
        }
        var shown = node is YamlScalarNode { Value: { } raw } ? raw : node is YamlMappingNode ? "{…}" : "[…]";
        p.Add(ProblemCodes.FieldType, node, $"draft（草稿）只能写 true 或 false，不能写“{shown}”", $"draft must be true or false, not '{shown}'");
        return false;
    }

    string[] Aliases(List<(string Text, YamlNode Node)> nodes)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (raw, node) in nodes)
        {
            if (ContentSafety.AliasProblem(raw, out var alias) is { } problem)
            {
                p.Add(ProblemCodes.BadAlias, node, problem.Zh, problem.En);
                continue;
            }
            var key = alias.TrimEnd('/');
            if (string.Equals(key, f.UrlKey, StringComparison.OrdinalIgnoreCase))
            {
                p.Add(ProblemCodes.OwnAlias, node, $"旧网址（alias）“{raw}”就是这篇文章自己的网址，已忽略", $"alias '{raw}' is the article's own URL; ignored");
                continue;
            }
            if (!seen.Add(key)) continue;
            result.Add(alias);
            f.AliasKeys.Add((key, YamlProblems.LineOf(node)));
        }
        return result.Count == 0 ? [] : [.. result];
    }
}
