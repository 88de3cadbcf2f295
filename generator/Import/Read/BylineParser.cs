using System.Text.RegularExpressions;

namespace Baoku.Import.Read;

/// <summary>Who wrote or photographed a piece. <see cref="Raw"/> is the byline as printed, kept so nothing is lost.</summary>
public sealed record Byline(IReadOnlyList<string> Authors, IReadOnlyList<string> Photographers, string Raw);

/// <summary>
/// Reads the byline forms this paper prints: 本报讯（融媒记者 潘燕佳）, □记者 颜元滔 on its own line,
/// 融媒记者 张曼欣 after the body, 记者 林群心 摄 for photos, and the common 记者 X 通讯员 Y / 文/X 图/Y variants.
/// Part of reading, not of assembly: a line's kind (byline, photo credit, story start) is told from these forms.
/// </summary>
public static partial class BylineParser
{
    const string Role = "(?:本报|融媒|首席|见习|实习|特约|摄影)*(?:记者|通讯员|实习生)";
    const string Name = @"\p{IsCJKUnifiedIdeographs}{2,4}";

    // Names in a byline are separated by spaces or 、; a comma means prose (记者会上，市长表示).
    [GeneratedRegex($@"^[□■◇◆]?\s*(?<segs>(?:{Role}\s*{Name}(?:[\s、]+{Name})*\s*)+?)\s*(?<photo>摄)?$")]
    private static partial Regex StandaloneRx();

    [GeneratedRegex($@"{Role}\s*(?<names>{Name}(?:[\s、]+{Name})*?)(?=\s*(?:{Role}|摄|$))")]
    private static partial Regex SegmentRx();

    [GeneratedRegex($@"^文\s*[/／]\s*(?<a>{Name}(?:[\s、]+{Name})*)\s+图\s*[/／]\s*(?<p>{Name}(?:[\s、]+{Name})*)$")]
    private static partial Regex TextPhotoRx();

    [GeneratedRegex(@"^本报讯\s*[（(](?<inner>[^）)]{2,40})[）)]\s*")]
    private static partial Regex DatelineBylineRx();

    [GeneratedRegex(Role + @"(?=\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex RoleGapRx();

    [GeneratedRegex(@"^本报讯\s*")]
    private static partial Regex DatelineRx();

    [GeneratedRegex($@"^(?<text>.*[。！？”])\s+(?<credit>{Role}\s*{Name}(?:\s+{Name})*\s*摄)\s*$")]
    private static partial Regex TrailingCreditRx();

    /// <summary>A line that is only a byline (or photo credit). Null when the line is anything else.</summary>
    public static Byline? ParseStandalone(string rawLine)
    {
        var text = rawLine.Trim();
        if (text.Length is < 3 or > 40) return null;
        var tp = TextPhotoRx().Match(text);
        if (tp.Success)
            return new Byline(SplitNames(tp.Groups["a"].Value), SplitNames(tp.Groups["p"].Value), text);
        var m = StandaloneRx().Match(text);
        if (!m.Success) return null;
        var names = new List<string>();
        foreach (Match seg in SegmentRx().Matches(m.Groups["segs"].Value))
            names.AddRange(SplitNames(seg.Groups["names"].Value));
        if (names.Count == 0) return null;
        return m.Groups["photo"].Success
            ? new Byline([], names, text)
            : new Byline(names, [], text);
    }

    /// <summary>Splits a leading 本报讯（…） off a cleaned paragraph. The byline keeps its printed form.</summary>
    public static (Byline? Byline, string Remainder) SplitDateline(string paragraph)
    {
        var m = DatelineBylineRx().Match(paragraph);
        if (m.Success)
        {
            var inner = ParseStandalone(m.Groups["inner"].Value);
            // Print sets a gap between role and name (融媒记者 潘燕佳); cleaning removed it, so put it back.
            var raw = "本报讯（" + RoleGapRx().Replace(m.Groups["inner"].Value, "$0 ").Replace("  ", " ").Trim() + "）";
            return (new Byline(inner?.Authors ?? [], inner?.Photographers ?? [], raw), paragraph[m.Length..]);
        }
        var d = DatelineRx().Match(paragraph);
        return d.Success ? (null, paragraph[d.Length..]) : (null, paragraph);
    }

    /// <summary>Splits a photo credit printed at the end of a caption line: “…红领巾。 记者 林群心 摄”.</summary>
    public static (string Text, Byline? Credit) SplitTrailingCredit(string rawLine)
    {
        var m = TrailingCreditRx().Match(rawLine.Trim());
        if (!m.Success) return (rawLine, null);
        var credit = ParseStandalone(m.Groups["credit"].Value);
        return credit is null ? (rawLine, null) : (m.Groups["text"].Value, credit);
    }

    public static bool StartsWithDateline(string cleaned) => cleaned.StartsWith("本报讯", StringComparison.Ordinal);

    static List<string> SplitNames(string s) =>
        s.Split([' ', '、', '，'], StringSplitOptions.RemoveEmptyEntries).Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
}
