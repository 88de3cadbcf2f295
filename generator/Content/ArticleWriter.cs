using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Baoku.Content;

/// <summary>Renders an article file: YAML front-matter between --- lines, then the Markdown body. Output is deterministic.</summary>
public static partial class ArticleWriter
{
    public static string Render(ArticleFrontMatter fm, IReadOnlyList<BodyBlock> body)
    {
        var sb = new StringBuilder();
        sb.Append("---\n");
        Field(sb, "title", fm.Title);
        if (fm.Kicker is not null) Field(sb, "kicker", fm.Kicker);
        if (fm.Subtitle is not null) Field(sb, "subtitle", fm.Subtitle);
        sb.Append("date: ").Append(fm.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        if (fm.DateConfidence is not null) Field(sb, "date_confidence", fm.DateConfidence);
        if (fm.DateEvidence.Count > 0) BlockList(sb, "date_evidence", fm.DateEvidence);
        sb.Append("authors: ").Append(YamlText.FlowList(fm.Authors)).Append('\n');
        sb.Append("photographers: ").Append(YamlText.FlowList(fm.Photographers)).Append('\n');
        if (fm.Editors.Count > 0) sb.Append("editors: ").Append(YamlText.FlowList(fm.Editors)).Append('\n');
        if (fm.Origin is not null) Field(sb, "origin", fm.Origin);
        if (fm.Byline is not null) Field(sb, "byline", fm.Byline);
        if (fm.Column is not null) Field(sb, "column", fm.Column);
        sb.Append("campaigns: ").Append(YamlText.FlowList(fm.Campaigns)).Append('\n');
        BlockMap(sb, "campaign_evidence", fm.CampaignEvidence.Select(e => (e.Key, YamlText.FlowList(e.Value))));
        sb.Append("tags: ").Append(YamlText.FlowList(fm.Tags)).Append('\n');
        sb.Append("people: ").Append(YamlText.FlowList(fm.People)).Append('\n');
        BlockMap(sb, "roles", fm.Roles.Select(r => (r.Key, YamlText.Scalar(r.Value))));
        sb.Append("orgs: ").Append(YamlText.FlowList(fm.Orgs)).Append('\n');
        if (fm.Places.Count > 0) sb.Append("places: ").Append(YamlText.FlowList(fm.Places)).Append('\n');
        if (fm.Source is { } src)
        {
            sb.Append("source:\n");
            sb.Append("  file: ").Append(YamlText.Scalar(src.File)).Append('\n');
            sb.Append("  lines: ").Append(YamlText.Scalar(src.Lines)).Append('\n');
            if (src.Page is not null) sb.Append("  page: ").Append(YamlText.Scalar(src.Page)).Append('\n');
        }
        if (fm.Slug is not null) Field(sb, "slug", fm.Slug);
        if (fm.Aliases.Count > 0) sb.Append("aliases: ").Append(YamlText.FlowList(fm.Aliases)).Append('\n');
        sb.Append("draft: ").Append(fm.Draft ? "true" : "false").Append('\n');
        if (fm.Review.Count > 0) BlockList(sb, "review", fm.Review);
        sb.Append("---\n");
        foreach (var block in body)
        {
            sb.Append('\n');
            sb.Append(block.IsHeading ? "## " + block.Text : EscapeParagraph(block.Text)).Append('\n');
        }
        return sb.ToString();
    }

    static void Field(StringBuilder sb, string key, string value) =>
        sb.Append(key).Append(": ").Append(YamlText.Scalar(value)).Append('\n');

    /// <summary>A block mapping; values arrive already rendered as YAML. Omitted when empty.</summary>
    static void BlockMap(StringBuilder sb, string key, IEnumerable<(string Key, string Value)> entries)
    {
        var list = entries.ToList();
        if (list.Count == 0) return;
        sb.Append(key).Append(":\n");
        foreach (var (k, v) in list) sb.Append("  ").Append(YamlText.Scalar(k)).Append(": ").Append(v).Append('\n');
    }

    static void BlockList(StringBuilder sb, string key, IEnumerable<string> items)
    {
        sb.Append(key).Append(":\n");
        foreach (var item in items) sb.Append("  - ").Append(YamlText.Scalar(item)).Append('\n');
    }

    [GeneratedRegex(@"^(?:#|>|[-+*](?:\s|$)|\d+[.)](?:\s|$)|={3,}|-{3,}|`{3,}|~{3,}|<)")]
    private static partial Regex BlockStartRx();

    /// <summary>
    /// Printed text that happens to start like Markdown syntax (a list marker, #, &gt;, &lt;) is escaped so it renders
    /// as printed; newspaper text is never meant as markup.
    /// </summary>
    public static string EscapeParagraph(string text)
    {
        if (!BlockStartRx().IsMatch(text)) return text;
        int digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits])) digits++;
        // Only punctuation can be backslash-escaped: 2023. → 2023\. ; # → \#
        return digits > 0 ? text[..digits] + "\\" + text[digits..] : "\\" + text;
    }
}
