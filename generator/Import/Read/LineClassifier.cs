using System.Text.RegularExpressions;
using Baoku.Config;

namespace Baoku.Import.Read;

/// <summary>Marks the lines whose kind can be told from the line itself: labels, captions, bylines, ads.</summary>
public static partial class LineClassifier
{
    static readonly string[] AdHeaders = ["分类信息", "分类广告"];

    [GeneratedRegex(@"^[A-Z]\s+(?<label>\S.{1,15})$")]
    private static partial Regex PageLetterLabelRx();

    public static List<LineInfo> Read(IReadOnlyList<RawLine> raw)
    {
        var result = new List<LineInfo>();
        bool blankBefore = true;
        foreach (var line in raw)
        {
            if (string.IsNullOrWhiteSpace(line.Text)) { blankBefore = true; continue; }
            var clean = TextCleaner.CleanBody(line.Text);
            result.Add(new LineInfo(line.Number, line.Text, clean, TextCleaner.Width(clean), TextCleaner.HasLayoutSpaces(line.Text), blankBefore));
            blankBefore = false;
        }
        MoveBrokenDateDigits(result);
        return result;
    }

    [GeneratedRegex(@"^(?<head>.*\S)\s+(?<digits>\d{1,2})\s*$")]
    private static partial Regex TrailingDigitsRx();

    /// <summary>
    /// OCR breaks a date across lines as "记者 刘某 文/摄 2" + "月18日，…": the digits belong to the next line, where they
    /// start its date (a paragraph's lines are joined without a gap anyway, so only where the line break falls changes).
    /// </summary>
    static void MoveBrokenDateDigits(List<LineInfo> lines)
    {
        for (int i = 0; i + 1 < lines.Count; i++)
        {
            var next = lines[i + 1];
            if (!(next.Clean.StartsWith('月') || next.Clean.StartsWith('日'))) continue;
            var m = TrailingDigitsRx().Match(lines[i].Raw);
            if (!m.Success) continue;
            var head = m.Groups["head"].Value;
            var digits = m.Groups["digits"].Value;
            var clean = TextCleaner.CleanBody(head);
            lines[i] = lines[i] with { Raw = head, Clean = clean, Width = TextCleaner.Width(clean) };
            var moved = TextCleaner.CleanBody(digits + next.Raw.TrimStart());
            lines[i + 1] = next with { Raw = digits + next.Raw.TrimStart(), Clean = moved, Width = TextCleaner.Width(moved) };
        }
    }

    public static List<LineInfo> Classify(List<LineInfo> lines, SiteConfig config, PaperProfile profile)
    {
        var output = new List<LineInfo>(lines.Count);
        bool inAds = false;
        foreach (var l in lines)
        {
            var kind = KindOf(l, config, profile, out var byline, out var furniture);
            if (kind == LineKind.Ad) inAds = true;
            else if (inAds)
            {
                // Ads run until the next piece of journalism announces itself with a byline, dateline or label.
                bool journalism = kind is LineKind.Byline or LineKind.ColumnLabel or LineKind.PhotoCredit or LineKind.Furniture
                    || BylineParser.StartsWithLead(l.Raw, profile);
                if (journalism) inAds = false; else kind = LineKind.Ad;
            }
            output.Add(l with { Kind = kind, Byline = byline, Furniture = furniture });
        }
        MarkTopLabel(output);
        MarkRelatedNewsLists(output);
        return output;
    }

    /// <summary>
    /// A short topic label printed above the first headline of a page (营商环境, 两新党建): at most four characters,
    /// before any body text, followed by a display line. A wrapped headline line is longer, a kicker is a phrase.
    /// </summary>
    static void MarkTopLabel(List<LineInfo> lines)
    {
        int first = lines.FindIndex(l => l.Kind != LineKind.Furniture && l.Kind != LineKind.ColumnLabel);
        if (first < 0 || first + 1 >= lines.Count) return;
        var l = lines[first];
        var next = lines[first + 1];
        bool short4 = l.Kind == LineKind.Text && l.Clean.Length is >= 2 and <= 4 && l.Clean.All(Hanzi.IsIdeograph);
        bool nextIsDisplay = next.Kind == LineKind.Text && !TextCleaner.HasSentencePunctuation(next.Clean) && !StoryOpeners.Opens(next.Clean);
        if (short4 && nextIsDisplay) lines[first] = l with { Kind = LineKind.Furniture, Furniture = FurnitureKind.Label };
    }

    /// <summary>The headlines listed under 相关新闻 are links to other stories, not headlines of this page.</summary>
    static void MarkRelatedNewsLists(List<LineInfo> lines)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Furniture != FurnitureKind.RelatedNews) continue;
            for (int k = i + 1; k < lines.Count && lines[k].Kind == LineKind.Text && lines[k].Clean.Length <= 40
                && !TextCleaner.HasSentencePunctuation(lines[k].Clean) && !TextCleaner.EndsSentence(lines[k].Clean); k++)
                lines[k] = lines[k] with { Kind = LineKind.Furniture, Furniture = FurnitureKind.RelatedNews };
        }
    }

    static LineKind KindOf(LineInfo l, SiteConfig config, PaperProfile profile, out Byline? byline, out FurnitureKind? furniture)
    {
        byline = null;
        furniture = null;
        var c = l.Clean;
        if (AdHeaders.Contains(c)) return LineKind.Ad;
        if (IsColumnLabel(l, config)) return LineKind.ColumnLabel;
        if (PageFurniture.Of(c, profile) is { } f)
        {
            furniture = f;
            return LineKind.Furniture;
        }
        // Before the caption marks: ●记者 X and ◆记者 X are bylines.
        var standalone = BylineParser.ParseLine(l.Raw, profile);
        if (standalone is not null)
        {
            byline = standalone;
            bool photoOnly = standalone.Authors.Count == 0 && (standalone.Photographers.Count > 0 || standalone.PhotoSource is not null);
            return photoOnly ? LineKind.PhotoCredit : LineKind.Byline;
        }
        if (c.Length > 0 && "▲△▶►◀▼◆●".Contains(c[0])) return LineKind.Caption;
        if (c.StartsWith("图为", StringComparison.Ordinal)) return LineKind.Caption;
        if (IsDoubled(c)) return LineKind.Caption;
        var (_, credit) = BylineParser.SplitTrailingCredit(l.Raw, profile);
        if (credit is not null) { byline = credit; return LineKind.PhotoCaption; }
        return LineKind.Text;
    }

    /// <summary>The column label printed over a story. Editors list known ones in site.yml; 时政·要闻 style is recognised too.</summary>
    public static string? ColumnName(LineInfo l)
    {
        var m = PageLetterLabelRx().Match(l.Raw.Trim());
        return TextCleaner.CleanHeadline(m.Success ? m.Groups["label"].Value : l.Raw);
    }

    static bool IsColumnLabel(LineInfo l, SiteConfig config)
    {
        var name = ColumnName(l);
        if (name is null) return false;
        if (config.Columns.Contains(name)) return true;
        if (PageLetterLabelRx().IsMatch(l.Raw.Trim()) && !TextCleaner.HasSentencePunctuation(name)) return true;
        return name.Length is >= 3 and <= 8 && name.Contains('·') && !TextCleaner.HasSentencePunctuation(name);
    }

    /// <summary>OCR reads a photo's overlaid title twice: 会议现场会议现场.</summary>
    static bool IsDoubled(string s) =>
        s.Length >= 4 && s.Length % 2 == 0 && s[..(s.Length / 2)] == s[(s.Length / 2)..];
}
