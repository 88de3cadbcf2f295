using System.Buffers;
using System.Text.Unicode;
using Baoku.Config;

namespace Baoku.Content;

/// <summary>The articles that loaded (in path order) and every problem found, errors and warnings, in path and line order.</summary>
public sealed record ContentLoadResult(IReadOnlyList<Article> Articles, IReadOnlyList<Problem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
}

/// <summary>
/// Reads content/: every <c>*.md</c> file becomes an <see cref="Article"/>, or problems naming the file and line.
/// Files are parsed in parallel; the result is in ordinal order of the relative paths and does not depend on timing.
/// Never throws for bad content: an article with an error is left out and the error says why.
/// </summary>
public static class ContentLoader
{
    /// <summary>
    /// Loads every <c>*.md</c> under <paramref name="contentDir"/> (recursively). Dot-files and dot-folders
    /// (e.g. <c>.import-manifest.json</c>) and files whose name starts with <c>_</c> are skipped. Problems name the file as
    /// <paramref name="contentDir"/>/relative path (<c>content/2023/01/x.md</c> when called with <c>content</c>).
    /// </summary>
    /// <param name="bodiesOnDisk">Keep no article's body in memory: each is read from its file again when asked for
    /// (<see cref="MarkdownOnDisk"/>), so what the articles hold does not grow with the bodies.</param>
    public static ContentLoadResult Load(string contentDir, SiteConfig config, bool bodiesOnDisk = false)
    {
        var display = contentDir.Replace('\\', '/').TrimEnd('/');
        if (!Directory.Exists(contentDir))
            return new([], [new(ProblemCodes.ContentFolder, display, null, $"找不到内容文件夹 {display} (content folder not found: {display})")]);

        var walkProblems = new List<Problem>();
        var paths = new List<string>();
        Walk(contentDir, "", display, paths, walkProblems);
        paths.Sort(StringComparer.Ordinal);

        var parsed = new ParsedFile[paths.Count];
        Parallel.For(0, paths.Count, i =>
        {
            var rel = paths[i];
            var shown = DisplayPath(display, rel);
            parsed[i] = ReadAndParse(contentDir, rel, shown, config, bodiesOnDisk);
        });

        ContentCollisions.Check(parsed);

        var articles = new List<Article>(parsed.Length);
        var problems = new List<Problem>(walkProblems);
        foreach (var f in parsed)
        {
            if (f.Article is not null && !f.HasErrors) articles.Add(f.Article);
            problems.AddRange(f.SortedProblems());
        }
        return new(articles, problems);
    }

    /// <summary>One file's text (a leading BOM and CRLF line ends are accepted). The article is null when there is an error.</summary>
    public static (Article? Article, IReadOnlyList<Problem> Problems) Parse(string relativePath, string text, SiteConfig config)
    {
        var f = ArticleParser.Parse(relativePath, relativePath, text, config);
        return (f.HasErrors ? null : f.Article, f.SortedProblems());
    }

    /// <summary>One file's bytes: must be UTF-8 (with or without BOM).</summary>
    public static (Article? Article, IReadOnlyList<Problem> Problems) Parse(string relativePath, byte[] bytes, SiteConfig config)
    {
        var f = ParseBytes(relativePath, relativePath, bytes, config);
        return (f.HasErrors ? null : f.Article, f.SortedProblems());
    }

    static string DisplayPath(string display, string rel) => display is "" or "." ? rel : display + "/" + rel;

    static void Walk(string root, string relDir, string display, List<string> paths, List<Problem> problems) =>
        Walk(root, relDir, display, paths, problems, new HashSet<string>(StringComparer.Ordinal) { Path.GetFullPath(root) }, FolderLinks.RealRoot(root));

    /// <param name="seen">Full paths of the folders read so far (link targets resolved), so a folder link that points back cannot loop.</param>
    /// <param name="realRoot">The content folder, links followed: a link leading outside it is an error and is not read (BK174).</param>
    static void Walk(string root, string relDir, string display, List<string> paths, List<Problem> problems, HashSet<string> seen, string realRoot)
    {
        bool Outside(string path, string rel)
        {
            if (FolderLinks.OutsideTarget(path, realRoot) is not { } target) return false;
            problems.Add(Problem.Of(ProblemCodes.ContentLinkOutside, DisplayPath(display, rel), null,
                $"这是指向内容文件夹以外的链接（{target}），不会读取；请换成真正的文件或文件夹",
                $"this link points outside the content folder ({target}); it is not read: put a real file or folder here"));
            return true;
        }

        var dir = relDir.Length == 0 ? root : Path.Combine(root, relDir);
        var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false };
        try
        {
            foreach (var file in Directory.EnumerateFiles(dir, "*", options))
            {
                var name = Path.GetFileName(file);
                var relFile = relDir.Length == 0 ? name : relDir + "/" + name;
                if (name.StartsWith('.') || Outside(file, relFile)) continue;
                if (name.StartsWith('_') || !name.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) continue;
                paths.Add(relFile);
            }
            foreach (var sub in Directory.EnumerateDirectories(dir, "*", options))
            {
                var name = Path.GetFileName(sub);
                if (name.StartsWith('.')) continue;
                var rel = relDir.Length == 0 ? name : relDir + "/" + name;
                if (Outside(sub, rel)) continue;
                var real = Directory.ResolveLinkTarget(sub, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(sub);
                if (!seen.Add(real))
                {
                    problems.Add(new(ProblemCodes.FolderLink, DisplayPath(display, rel), null,
                        "这个文件夹链接指向已经读过的文件夹，已跳过 (this folder link points to a folder already read; skipped)"));
                    continue;
                }
                Walk(root, rel, display, paths, problems, seen, realRoot);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var shown = relDir.Length == 0 ? display : DisplayPath(display, relDir);
            problems.Add(new(ProblemCodes.ContentFolder, shown, null, $"无法读取文件夹 (cannot read the folder: {ex.Message})"));
        }
    }

    static ParsedFile ReadAndParse(string contentDir, string rel, string shown, SiteConfig config, bool bodiesOnDisk)
    {
        var fullPath = Path.Combine(contentDir, rel);
        byte[]? buffer = null;
        try
        {
            int length;
            using (var handle = File.OpenHandle(fullPath))
            {
                long size = RandomAccess.GetLength(handle);
                if (size > MarkdownBounds.MaxFileBytes)
                {
                    var (zh, en) = MarkdownBounds.TooLarge(size);
                    return ParsedFile.Failed(ProblemCodes.ArticleTooLarge, rel, shown, null, zh, en);
                }
                buffer = ArrayPool<byte>.Shared.Rent((int)size);
                length = 0;
                int read;
                while (length < buffer.Length && (read = RandomAccess.Read(handle, buffer.AsSpan(length), length)) > 0) length += read;
            }
            var file = buffer.AsSpan(0, length);
            var parsed = ParseBytes(rel, shown, file, config);
            if (bodiesOnDisk && parsed.Article is { } a && MarkdownOnDisk.For(contentDir, a.RelativePath, file, a.Markdown) is { } onDisk)
                parsed.Article = a.WithBodyOnDisk(onDisk);
            return parsed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ParsedFile.Failed(ProblemCodes.Encoding, rel, shown, null, "无法读取文件", $"cannot read the file: {ex.Message}");
        }
        finally
        {
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    internal static ParsedFile ParseBytes(string rel, string shown, ReadOnlySpan<byte> bytes, SiteConfig config)
    {
        var span = bytes;
        if (span.StartsWith("\uFEFF"u8)) span = span[3..];
        if (!Utf8.IsValid(span))
        {
            var at = FirstInvalidUtf8(span);
            bool utf16 = bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));
            return ParsedFile.Failed(ProblemCodes.Encoding, rel, shown, LineAt(span, at),
                utf16 ? "不是 UTF-8 编码，看起来是 UTF-16，请另存为 UTF-8" : "不是 UTF-8 编码（可能是 GB18030/GBK），请另存为 UTF-8",
                utf16 ? "not UTF-8 encoded: this looks like UTF-16; save the file as UTF-8" : "not UTF-8 encoded (perhaps GB18030/GBK); save the file as UTF-8");
        }
        int nul = span.IndexOf((byte)0);
        if (nul >= 0)
            return ParsedFile.Failed(ProblemCodes.Encoding, rel, shown, LineAt(span, nul), "不是 UTF-8 编码的文本文件（含有 NUL 字节，可能是 UTF-16 或二进制文件）",
                "not a UTF-8 text file: it contains NUL bytes (UTF-16 or binary?)");
        return ArticleParser.Parse(rel, shown, span, config);
    }

    static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var buffer = new char[bytes.Length + 16];
        Utf8.ToUtf16(bytes, buffer, out int read, out _, replaceInvalidSequences: false);
        return read;
    }

    static int LineAt(ReadOnlySpan<byte> bytes, int index) => bytes[..Math.Min(index, bytes.Length)].Count((byte)'\n') + 1;
}
