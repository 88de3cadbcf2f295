namespace Baoku.Content;

/// <summary>
/// Limits that keep one hostile article from tying up check, build or CI. Markdig is linear on ordinary text but
/// not on some shapes: each unclosed <c>](</c> scans on to the end of its paragraph for a link destination or title,
/// emphasis delimiters and reference definitions are matched against the rest of the paragraph, and headings with
/// the same text each search for a free id. So <c>[](</c> ×100,000 (300 KB) took 22.5 s and 20,000 "# a" lines 40 s.
/// This linear scan estimates that work, over-counting, and refuses the article before Markdig sees it. Ordinary
/// articles (a few links per paragraph, a few dozen headings) stay orders of magnitude below the limits.
/// </summary>
internal static class MarkdownBounds
{
    /// <summary>The largest article file: 1 MB, twenty times the longest article of the archive.</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Headings per article; each search for a free id is linear in the headings before it.</summary>
    public const int MaxHeadings = 1000;

    /// <summary>The budget of Σ (paragraph length × link, emphasis and reference marks in it): well under a second.</summary>
    const long MaxCost = 50_000_000;

    public static (string Zh, string En) TooLarge(long bytes) =>
        ($"文章文件太大（{bytes:N0} 字节），一篇文章最多 1 MB（{MaxFileBytes:N0} 字节）；请分成几篇",
            $"the article file is too large ({bytes:N0} bytes); an article may have at most 1 MB ({MaxFileBytes:N0} bytes); split it");

    /// <param name="firstLine">The file line of the body's first line.</param>
    public static void Check(string markdown, int firstLine, ParsedFile f)
    {
        if (markdown.Length > MaxFileBytes)
        {
            var (zh, en) = TooLarge(System.Text.Encoding.UTF8.GetByteCount(markdown));
            f.Add(ProblemCodes.ArticleTooLarge, null, zh, en);
            return;
        }
        long total = 0, worst = -1, paraLength = 0, paraMarks = 0;
        int line = firstLine, paraStart = firstLine, worstLine = firstLine, headings = 0, headingLine = 0;
        void Close()
        {
            long cost = paraLength * paraMarks;
            total += cost;
            if (cost > worst) (worst, worstLine) = (cost, paraStart);
            paraLength = paraMarks = 0;
        }
        foreach (var text in markdown.AsSpan().EnumerateLines())
        {
            if (text.IsWhiteSpace()) Close();
            else
            {
                if (paraLength == 0) paraStart = line;
                paraLength += text.Length + 1;
                paraMarks += Marks(text);
                if (IsHeading(text) && ++headings == MaxHeadings + 1) headingLine = line;
            }
            line++;
        }
        Close();
        if (total > MaxCost)
            f.Add(ProblemCodes.MarkdownTooComplex, worstLine,
                "从这一行开始的段落里有大量没有闭合的链接括号、星号或下划线，解析会非常慢，没有读取；请删去多余的符号或把段落分开",
                "the paragraph starting here has so many unclosed [](, * or _ marks that parsing it would take very long; it was not read: remove the stray marks or split the paragraph");
        if (headings > MaxHeadings)
            f.Add(ProblemCodes.MarkdownTooComplex, headingLine, $"正文里的小标题太多（{headings} 个，最多 {MaxHeadings} 个），这是第 {MaxHeadings + 1} 个",
                $"the body has too many headings ({headings}; at most {MaxHeadings}); this is heading {MaxHeadings + 1}");
    }

    /// <summary>What makes Markdig look ahead through the paragraph: ]( and emphasis marks, and a line opening a reference definition.</summary>
    static int Marks(ReadOnlySpan<char> line)
    {
        int n = line.TrimStart(' ').StartsWith('[') ? 1 : 0;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c is '*' or '_' || (c == ']' && i + 1 < line.Length && line[i + 1] == '(')) n++;
        }
        return n;
    }

    /// <summary>An ATX heading (# …) or a setext underline (=== or ---), indented at most three spaces.</summary>
    static bool IsHeading(ReadOnlySpan<char> line)
    {
        var t = line.TrimStart(' ');
        if (line.Length - t.Length > 3 || t.IsEmpty) return false;
        if (t[0] == '#') return true;
        var u = t.TrimEnd(' ');
        return u.Length > 0 && (u.IndexOfAnyExcept('=') < 0 || u.IndexOfAnyExcept('-') < 0);
    }
}
