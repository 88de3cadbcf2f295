using System.Numerics;

namespace Baoku.Core;

/// <summary>
/// Where the front-matter of an article file is: the first line is <c>---</c>, the front-matter runs to the next
/// <c>---</c> line (spaces, tabs and a CR after the dashes are allowed on both). Works on UTF-8 bytes and on text alike.
/// </summary>
/// <param name="FirstLineEnd">Index of the \n that ends line 1.</param>
/// <param name="CloseStart">Index where the closing --- line starts.</param>
/// <param name="CloseLine">1-based line number of the closing --- line.</param>
/// <param name="BodyStart">Index just after the closing line (the end of the input when it is the last line).</param>
public readonly record struct FrontMatterSplit(int FirstLineEnd, int CloseStart, int CloseLine, int BodyStart)
{
    public static bool TryFind<T>(ReadOnlySpan<T> s, out FrontMatterSplit split) where T : unmanaged, IBinaryInteger<T>
    {
        split = default;
        var nl = T.CreateTruncating('\n');
        int firstEnd = s.IndexOf(nl);
        if (firstEnd < 0 || !IsDelimiter(s[..firstEnd])) return false;
        int pos = firstEnd + 1, line = 2;
        while (pos < s.Length)
        {
            int len = s[pos..].IndexOf(nl);
            int end = len < 0 ? s.Length : pos + len;
            if (IsDelimiter(s[pos..end]))
            {
                split = new(firstEnd, pos, line, len < 0 ? s.Length : end + 1);
                return true;
            }
            pos = end + 1;
            line++;
        }
        return false;
    }

    /// <summary>
    /// A file's text split into its front-matter (the lines between the <c>---</c> lines) and the body after it; a BOM
    /// and CRLF line ends are accepted. <c>Yaml</c> is null when the text has no front-matter.
    /// </summary>
    public static (string? Yaml, string Body) Split(string text)
    {
        var t = text.Replace("\r\n", "\n");
        if (t.StartsWith('\uFEFF')) t = t[1..];
        if (!TryFind(t.AsSpan(), out var split)) return (null, t);
        return (t[(split.FirstLineEnd + 1)..split.CloseStart], t[split.BodyStart..]);
    }

    static bool IsDelimiter<T>(ReadOnlySpan<T> line) where T : unmanaged, IBinaryInteger<T>
    {
        if (line.Length < 3) return false;
        var dash = T.CreateTruncating('-');
        if (line[0] != dash || line[1] != dash || line[2] != dash) return false;
        foreach (var c in line[3..])
            if (c != T.CreateTruncating(' ') && c != T.CreateTruncating('\t') && c != T.CreateTruncating('\r')) return false;
        return true;
    }
}
