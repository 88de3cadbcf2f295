using Baoku.Import.Read;

namespace Baoku.Import.Assemble;

/// <summary>A headline read as kicker (引题), title (主题) and subtitle (副题), with what the reader was unsure of.</summary>
public sealed record Headline(string? Kicker, string Title, string? Subtitle, IReadOnlyList<string> Notes)
{
    public string Display => string.Join(" ", new[] { Kicker, Title, Subtitle }.Where(s => !string.IsNullOrEmpty(s)));
}

/// <summary>
/// Reads headline lines as parts and the parts as kicker/title/subtitle. Display type is broken into short lines
/// (开发区企业推动 / 党的二十大精神落地见效), so short lines join the next one; lines of full length are parts.
/// </summary>
public static class HeadlineComposer
{
    const double ShortPart = 9;

    /// <summary>The separate display lines of a headline, wrapped lines rejoined.</summary>
    public static List<string> Parts(IReadOnlyList<LineInfo> lines)
    {
        var parts = new List<List<string>>();
        List<string>? current = null;
        foreach (var l in lines)
        {
            foreach (var segment in Segments(l))
            {
                if (current is not null && TextCleaner.Width(string.Concat(current)) < ShortPart) { current.Add(segment); continue; }
                if (current is not null) parts.Add(current);
                current = [segment];
            }
        }
        if (current is not null) parts.Add(current);
        return JoinBrokenPhrases(parts.Select(JoinFragments).ToList());
    }

    /// <summary>Characters a phrase cannot end with: a display line ending in one is broken mid-phrase (将…落实到 / 企业…).</summary>
    const string PhraseGoesOn = "到的在为和与向把将让使对从于以及被给跟同或并而之其";

    /// <summary>A display line that stops mid-phrase (将党的二十大精神落实到) is one heading with the next, not a kicker.</summary>
    static List<string> JoinBrokenPhrases(List<string> parts)
    {
        for (int i = 0; i + 1 < parts.Count; i++)
            if (parts[i].Length > 0 && PhraseGoesOn.Contains(parts[i][^1]) && !parts[i + 1].StartsWith("——", StringComparison.Ordinal))
            {
                parts[i] += parts[i + 1];
                parts.RemoveAt(i + 1);
                i--;
            }
        return parts;
    }

    /// <summary>
    /// Display type set vertically arrives as fragments of two or three characters (突破 / 迎发展 / 整合 / 谋未来):
    /// an even number of them reads as phrases of two fragments each, set apart like any parallel phrases.
    /// </summary>
    static string JoinFragments(List<string> fragments)
    {
        bool vertical = fragments.Count >= 4 && fragments.Count % 2 == 0 && fragments.All(f => TextCleaner.Width(f) <= 3);
        return vertical
            ? string.Join(" ", fragments.Chunk(2).Select(pair => string.Concat(pair)))
            : string.Concat(fragments);
    }

    /// <summary>
    /// A web headline arrives on one line: 奋勇争先结硕果 凝心聚力启新程 开发区召开上半年经济工作会议.
    /// Two parallel phrases of equal length stay one part; a following phrase of another length is another part.
    /// </summary>
    static IEnumerable<string> Segments(LineInfo l)
    {
        var clean = TextCleaner.CleanHeadline(l.Raw);
        var words = clean.Split(' ');
        if (words.Length < 3 || TextCleaner.Width(words[0]) != TextCleaner.Width(words[1]))
        {
            yield return clean;
            yield break;
        }
        yield return words[0] + " " + words[1];
        yield return string.Join(" ", words.Skip(2));
    }

    /// <summary>Composes the headline and says when short display lines were joined, which can hide a short kicker.</summary>
    public static Headline Compose(IReadOnlyList<LineInfo> lines, IReadOnlyList<string> parts)
    {
        var h = Compose(parts);
        int segments = lines.Sum(l => Segments(l).Count());
        return segments > parts.Count
            ? h with { Notes = [.. h.Notes, "短的标题行已与下一行连成一句，如果短行其实是引题，请改正 (a short display line was joined to the next; if it is a kicker, correct it)"] }
            : h;
    }

    public static Headline Compose(IReadOnlyList<string> parts)
    {
        switch (parts.Count)
        {
            case 0:
                return new Headline(null, "", null, ["没有标题 (no headline)"]);
            case 1:
                return new Headline(null, parts[0], null, []);
            case 2 when LooksLikeSubtitle(parts[1]):
                return new Headline(null, parts[0], parts[1], ["第二行含逗号或破折号，判为副题 (second line read as subtitle)"]);
            case 2:
                return new Headline(parts[0], parts[1], null,
                    ["按本报版式惯例，上行为引题、下行为主题，请核对 (kicker above title by house convention: check)"]);
            case 3:
                return new Headline(parts[0], parts[1], parts[2], ["三行标题：引题、主题、副题，请核对 (three parts read as kicker, title, subtitle: check)"]);
            default:
                return new Headline(parts[0], parts[1], string.Join(" ", parts.Skip(2)),
                    [$"标题有 {parts.Count} 行，无法确定结构，请核对 ({parts.Count} headline parts: structure unsure)"]);
        }
    }

    static bool LooksLikeSubtitle(string s) => s.Contains('，') || s.StartsWith("——", StringComparison.Ordinal);

    /// <summary>An intertitle is one heading, however many lines it was printed on.</summary>
    public static string Intertitle(IReadOnlyList<LineInfo> lines) => string.Concat(lines.Select(l => TextCleaner.CleanHeadline(l.Raw)));
}
