using System.Text.RegularExpressions;
using Baoku.Content;

namespace Baoku.Check;

/// <summary>
/// Warnings about text that is probably a leftover of the printed page: spaces that justification put between
/// Chinese characters, lines of OCR debris (a lone ⋯, … or □), and a body shorter than its headline, and the placeholder paragraphs `baoku new` writes.
/// Headings, tables and fenced code are not body text and are skipped; an empty body is the loader's warning (BK119).
/// </summary>
public static partial class SuspiciousTextCheck
{
    const string Cjk = Hanzi.TextClass;

    /// <summary>A run of Chinese characters with spaces (ordinary, ideographic or no-break) inside it: 党 的 二十大.</summary>
    [GeneratedRegex("[" + Cjk + "]{1,4}(?:[ \u3000\u00A0]+[" + Cjk + "]{1,4})+")]
    private static partial Regex SpacedCjkRx();

    /// <summary>What OCR leaves for unreadable glyphs and rules; '-', '*' and '_' are left out (Markdown rules).</summary>
    const string Debris = "⋯…□■◇◆○●·•.。，,、—～~?？\uFFFD";

    [GeneratedRegex(@"\]\([^)]*\)|[#*_>`|\\\s]")]
    private static partial Regex MarkupRx();

    public static IEnumerable<Problem> Check(Article article, string shownPath)
    {
        var findings = new List<Problem>();
        var lines = article.Markdown.Split('\n');
        string? fence = null;
        for (int i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            int line = article.BodyStartLine + i;
            if (text.StartsWith("```", StringComparison.Ordinal) || text.StartsWith("~~~", StringComparison.Ordinal))
            {
                if (fence is null) fence = text[..3];
                else if (text.StartsWith(fence, StringComparison.Ordinal)) fence = null;
                continue;
            }
            if (fence is not null || text.Length == 0 || text.StartsWith('#') || text.StartsWith('|')) continue;

            if (text.All(c => Debris.Contains(c) || char.IsWhiteSpace(c)))
            {
                findings.Add(Problem.Of(ProblemCodes.OcrDebris, shownPath, line,
                    $"这一行只有“{text}”，像是 OCR 识别留下的残迹，请删去或补全",
                    $"this line is only '{text}', probably OCR debris; remove it or complete it"));
                continue;
            }
            if (text.Contains(ArticleScaffold.PlaceholderMarker, StringComparison.Ordinal))
            {
                findings.Add(Problem.Of(ProblemCodes.Placeholder, shownPath, line,
                    $"这一段还是 baoku new 写的提示“{ArticleScaffold.PlaceholderMarker}……”，请换成正文",
                    $"this paragraph is still the placeholder written by baoku new; replace it with the article's text"));
                continue;
            }
            if (SpacedCjkRx().Match(text) is { Success: true } m)
                findings.Add(Problem.Of(ProblemCodes.CjkSpaces, shownPath, line,
                    $"汉字之间有空格“{m.Value}”，可能是版面排版留下的，请删去空格",
                    $"spaces between Chinese characters in '{m.Value}', probably left over from the page layout; remove them"));
        }

        int bodyLength = MarkupRx().Replace(article.Markdown, "").Length;
        int titleLength = article.Meta.Title.Count(c => !char.IsWhiteSpace(c));
        if (bodyLength > 0 && bodyLength < titleLength)
        {
            int first = Array.FindIndex(lines, l => l.Trim().Length > 0);
            findings.Add(Problem.Of(ProblemCodes.ShortBody, shownPath, article.BodyStartLine + Math.Max(first, 0),
                $"正文只有 {bodyLength} 个字，比标题（{titleLength} 个字）还短，是不是缺了正文？",
                $"the body has only {bodyLength} characters, fewer than the title's {titleLength}; is text missing?"));
        }
        return findings;
    }
}
