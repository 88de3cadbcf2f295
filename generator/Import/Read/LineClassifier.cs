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
        return result;
    }

    public static List<LineInfo> Classify(List<LineInfo> lines, SiteConfig config, PaperProfile paper)
    {
        var output = new List<LineInfo>(lines.Count);
        bool inAds = false;
        foreach (var l in lines)
        {
            var kind = KindOf(l, config, paper, out var byline);
            if (kind == LineKind.Ad) inAds = true;
            else if (inAds)
            {
                // Ads run until the next piece of journalism announces itself with a byline, dateline or label.
                bool journalism = kind is LineKind.Byline or LineKind.ColumnLabel or LineKind.PhotoCredit
                    || BylineParser.StartsWithLead(l.Raw, paper);
                if (journalism) inAds = false; else kind = LineKind.Ad;
            }
            output.Add(l with { Kind = kind, Byline = byline });
        }
        return output;
    }

    static LineKind KindOf(LineInfo l, SiteConfig config, PaperProfile paper, out Byline? byline)
    {
        byline = null;
        var c = l.Clean;
        if (AdHeaders.Contains(c)) return LineKind.Ad;
        if (IsColumnLabel(l, config)) return LineKind.ColumnLabel;
        // Before the caption marks: ●记者 X and ◆记者 X are bylines.
        var standalone = BylineParser.ParseLine(l.Raw, paper);
        if (standalone is not null)
        {
            byline = standalone;
            bool photoOnly = standalone.Authors.Count == 0 && (standalone.Photographers.Count > 0 || standalone.PhotoSource is not null);
            return photoOnly ? LineKind.PhotoCredit : LineKind.Byline;
        }
        if (c.Length > 0 && "▲△▶►◀▼◆●".Contains(c[0])) return LineKind.Caption;
        if (c.StartsWith("图为", StringComparison.Ordinal)) return LineKind.Caption;
        if (IsDoubled(c)) return LineKind.Caption;
        var (_, credit) = BylineParser.SplitTrailingCredit(l.Raw, paper);
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
