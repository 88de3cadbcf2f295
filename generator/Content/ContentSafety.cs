using System.Text.RegularExpressions;

namespace Baoku.Content;

/// <summary>
/// Checks on values that end up in URLs, output paths or HTML: aliases, raw HTML and unsafe link schemes.
/// The renderer escapes HTML and drops unsafe links anyway; these checks tell the editor before that happens.
/// </summary>
internal static partial class ContentSafety
{
    /// <summary>An HTML tag, closing tag, comment, CDATA, declaration or processing instruction; not an autolink such as &lt;https://…&gt;.</summary>
    [GeneratedRegex(@"(?<!\\)<(?:/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)|!--|!\[CDATA\[|![A-Za-z]|\?[A-Za-z])")]
    private static partial Regex HtmlRx();

    [GeneratedRegex(@"(?<!\\)<\s*/?\s*script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptRx();

    /// <summary>An inline link or image destination, a reference definition or an autolink using a scheme that can run code.</summary>
    [GeneratedRegex(@"(?:\]\(\s*<?|^ {0,3}\[[^\]]+\]:\s*<?|(?<!\\)<)\s*(javascript|vbscript|data):", RegexOptions.IgnoreCase)]
    private static partial Regex UnsafeLinkRx();

    /// <summary>
    /// An alias must be a path inside the site, e.g. <c>2022/11/old-name/</c>. A leading / is allowed and removed
    /// (<paramref name="normalized"/>). Returns what is wrong, or null.
    /// </summary>
    public static (string Zh, string En)? AliasProblem(string alias, out string normalized)
    {
        normalized = alias;
        if (alias.Any(char.IsControl))
            return ($"旧网址（alias）“{Shown(alias)}”含有控制字符", $"alias '{Shown(alias)}' contains control characters");
        if (alias.StartsWith("//", StringComparison.Ordinal) || alias.Contains("://") || SchemeRx().IsMatch(alias))
            return ($"旧网址（alias）“{alias}”必须是站内路径，如 2022/11/old-name/，不能是完整网址",
                $"alias '{alias}' must be a path inside the site such as 2022/11/old-name/, not a full URL");
        if (alias.Contains('\\'))
            return ($"旧网址（alias）“{alias}”不能含有反斜杠 \\，路径请用 /", $"alias '{alias}' must not contain backslashes; use /");
        var path = alias.StartsWith('/') ? alias[1..] : alias;
        if (path.Trim('/').Length == 0)
            return ($"旧网址（alias）“{alias}”是网站首页，不能用作旧网址", $"alias '{alias}' is the home page of the site");
        var segments = path.TrimEnd('/').Split('/');
        if (segments.Contains(".."))
            return ($"旧网址（alias）“{alias}”会跳出输出文件夹：不能含有 ..", $"alias '{alias}' would leave the output folder: it must not contain ..");
        if (segments.Any(s => s is "" or "."))
            return ($"旧网址（alias）“{alias}”里有空的或“.”的路径段", $"alias '{alias}' has an empty or '.' path segment");
        var bad = path.Where(c => char.IsWhiteSpace(c) || "?#:*\"<>|".Contains(c)).Distinct().ToArray();
        if (bad.Length > 0)
            return ($"旧网址（alias）“{alias}”含有不能用在路径里的字符：{string.Join(" ", bad.Select(Visible))}",
                $"alias '{alias}' contains characters not allowed in a path: {string.Join(" ", bad.Select(Visible))}");
        normalized = path;
        return null;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex SchemeRx();

    static string Visible(char c) => char.IsWhiteSpace(c) ? "空格(space)" : c.ToString();

    static string Shown(string s) => string.Concat(s.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    /// <summary>A control character that is not a line end or tab (form feed, \u0001, DEL, C1 controls).</summary>
    static bool IsStrayControl(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    /// <summary>The text without stray control characters, or null when it has none.</summary>
    public static string? WithoutControls(string text) =>
        text.Any(IsStrayControl) ? string.Concat(text.Where(c => !IsStrayControl(c))) : null;

    /// <summary>The first stray control character of the text, shown as \u000c.</summary>
    public static string FirstControl(string text) => text.FirstOrDefault(IsStrayControl) is var c ? $"\\u{(int)c:x4}" : "";

    /// <summary>
    /// The body without stray control characters (PDF-to-text page breaks, Word pastes), with one warning at the first
    /// line that had them: they mean nothing on a web page and no feed may contain them.
    /// </summary>
    public static string RemoveControls(string markdown, int firstLine, ParsedFile f)
    {
        if (WithoutControls(markdown) is not { } clean) return markdown;
        int at = 0;
        while (!IsStrayControl(markdown[at])) at++;
        int line = firstLine + markdown.AsSpan(0, at).Count('\n');
        int count = markdown.Count(IsStrayControl);
        f.Add(ProblemCodes.ControlCharacter, line, $"正文里有 {count} 个控制字符（第一个是 {FirstControl(markdown)}，如 PDF 转文字留下的换页符），已去掉",
            $"control characters in the body removed: {count}, the first {FirstControl(markdown)} (such as a page break left by PDF-to-text)");
        return clean;
    }

    /// <summary>The first HTML-looking thing in a text value, shown as e.g. "&lt;b&gt;", or null.</summary>
    public static string? FindHtml(string text)
    {
        if (!text.Contains('<')) return null;
        if (ScriptRx().IsMatch(text)) return "<script>";
        var m = HtmlRx().Match(text);
        return m.Success ? Describe(m.Value) : null;
    }

    static string Describe(string matched) => matched switch
    {
        "<!--" => "<!-- -->",
        _ when matched.StartsWith("<![CDATA[", StringComparison.Ordinal) => "<![CDATA[",
        _ => matched.ToLowerInvariant() + ">",
    };

    /// <summary>
    /// Warns about raw HTML and unsafe links in a Markdown body, once per line and kind, with file line numbers
    /// (<paramref name="firstLine"/> is the file line of the body's first line). Fenced code blocks and code spans are skipped.
    /// </summary>
    public static void ScanBody(string markdown, int firstLine, ParsedFile f)
    {
        if (markdown.AsSpan().IndexOfAny('<', ']') < 0) return;
        int line = firstLine, pos = 0;
        string? fence = null;
        while (pos <= markdown.Length)
        {
            int end = markdown.IndexOf('\n', pos);
            if (end < 0) end = markdown.Length;
            var span = markdown.AsSpan(pos, end - pos);
            var trimmed = span.TrimStart(' ');
            if (span.Length - trimmed.Length <= 3 && (trimmed.StartsWith("```") || trimmed.StartsWith("~~~")))
            {
                var marker = trimmed[..3].ToString();
                if (fence is null) fence = marker;
                else if (fence == marker) fence = null;
            }
            else if (fence is null && span.IndexOfAny('<', ']') >= 0)
                ScanLine(StripCodeSpans(span.ToString()), line, f);
            pos = end + 1;
            line++;
        }
    }

    static void ScanLine(string text, int line, ParsedFile f)
    {
        if (text.Contains('<'))
        {
            if (ScriptRx().IsMatch(text))
                f.Add(ProblemCodes.RawHtml, line, "正文里有 <script>，不会执行，网站上会作为文字显示", "<script> in the body will not run; it will be shown as text");
            else if (HtmlRx().Match(text) is { Success: true } m)
                f.Add(ProblemCodes.RawHtml, line, $"正文里有 HTML 标签 {Describe(m.Value)}，网站上会作为文字显示",
                    $"raw HTML {Describe(m.Value)} in the body will be shown as text");
        }
        if (text.Contains(':') && UnsafeLinkRx().Match(text) is { Success: true } link)
        {
            var scheme = link.Groups[1].Value.ToLowerInvariant();
            f.Add(ProblemCodes.UnsafeLink, line, $"正文里的链接用了不安全的 {scheme}: 地址，生成网站时会去掉这个链接",
                $"unsafe {scheme}: link in the body; the link will be removed");
        }
    }

    /// <summary>The line with `code spans` blanked out (their content is shown literally, never as HTML or links).</summary>
    static string StripCodeSpans(string line)
    {
        if (!line.Contains('`')) return line;
        var chars = line.ToCharArray();
        int i = 0;
        while (i < line.Length)
        {
            if (line[i] != '`') { i++; continue; }
            int run = Backticks(line, i);
            // the span ends at the next run of exactly as many backticks
            int j = i + run, close = -1;
            while (j < line.Length)
            {
                if (line[j] != '`') { j++; continue; }
                int other = Backticks(line, j);
                if (other == run) { close = j; break; }
                j += other;
            }
            if (close < 0) { i += run; continue; }
            Array.Fill(chars, ' ', i, close + run - i);
            i = close + run;
        }
        return new string(chars);
    }

    static int Backticks(string s, int at)
    {
        int n = 0;
        while (at + n < s.Length && s[at + n] == '`') n++;
        return n;
    }
}
