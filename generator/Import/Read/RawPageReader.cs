using System.Globalization;
using System.Text;

namespace Baoku.Import.Read;

/// <summary>The outcome of reading one raw page: either <see cref="Page"/> is set, or <see cref="Problems"/> says why not.</summary>
public sealed record RawPageReadResult(RawPage? Page, IReadOnlyList<Problem> Problems);

/// <summary>
/// Reads raw newspaper page text from disk: works out the encoding (UTF-8, UTF-16, GB18030),
/// normalises line ends and special spaces, and numbers the lines. Never throws for bad input.
/// </summary>
public static class RawPageReader
{
    /// <summary>Larger files are not newspaper pages (a page is typically ~10 KB of text).</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    /// <summary>Share of control characters (other than \t \r \n \f) above which a file counts as binary.</summary>
    private const double MaxControlShare = 0.05;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> StrictGb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>Messages for editors: Chinese first, English in parentheses.</summary>
    internal static class Messages
    {
        public const string NoPath = "没有给出文件路径 (no file path given)";
        public const string Missing = "文件不存在 (the file does not exist)";
        public const string IsFolder = "无法读取：这是文件夹，不是页面文件 (cannot read: the path is a folder, not a page file)";
        public const string AccessDenied = "无法读取文件：没有读取权限 (cannot read the file: permission denied)";
        public static string ReadFailed(string detail) => $"无法读取文件，读取时出错 (cannot read the file: {detail})";
        public static string TooLarge(long bytes) =>
            $"文件大小 {Mb(bytes)} MB，超过 20 MB 上限，不像是报纸版面 (the file is {Mb(bytes)} MB, over the 20 MB limit; not a newspaper page)";
        public const string Empty = "文件为空，没有可导入的内容 (the file is empty)";
        public const string WhitespaceOnly = "文件只有空白字符，没有可导入的内容 (the file contains only whitespace)";
        public const string NulBytes = "文件含有 NUL 字节，像是二进制文件，不是文本 (the file contains NUL bytes; it looks like a binary file, not text)";
        public static string ControlChars(double share) =>
            $"文件中控制字符占 {Percent(share)}，像是二进制文件，不是文本 (control characters make up {Percent(share)} of the file; it looks like a binary file, not text)";
        public const string Undecodable = "文件既不是有效的 UTF-8 也不是有效的 GB18030，像是二进制文件 (the file is neither valid UTF-8 nor valid GB18030; it looks like a binary file)";
        public const string BadUtf8AfterBom = "文件以 UTF-8 BOM 开头，但内容不是有效的 UTF-8 (the file starts with a UTF-8 byte-order mark but is not valid UTF-8)";
        public static string BadUtf16AfterBom(string name) =>
            $"文件以 {name} BOM 开头，但内容不是有效的 {name} (the file starts with a {name} byte-order mark but is not valid {name})";

        public const string BomRemoved = "已去除 BOM (byte-order mark removed)";
        public const string DecodedGb18030 = "按 GB18030 编码读取 (decoded as GB18030)";
        public static string DecodedUtf16(string name) => $"按 {name} 编码读取 (decoded as {name})";
        public static string DecodedUtf16NoBom(string name) =>
            $"按 {name} 编码读取，文件没有 BOM，按 NUL 字节位置判断 (decoded as {name}; no byte-order mark, detected from the NUL-byte pattern)";
        public const string CrlfNormalised = "行尾为 CRLF，已统一 (CRLF line ends normalised)";
        public const string CrNormalised = "行尾为 CR，已统一 (CR line ends normalised)";
        public static string MixedNormalised(IReadOnlyList<string> kinds) =>
            $"行尾混用 {string.Join("、", kinds)}，已统一 (mixed {string.Join("/", kinds)} line ends normalised)";

        public const string NoFolder = "没有给出文件夹路径 (no folder path given)";
        public static string FolderMissing(string folder) => $"文件夹不存在：{folder} (the folder does not exist: {folder})";
        public static string NotAFolder(string folder) => $"这不是文件夹：{folder} (not a folder: {folder})";
        public static string FolderUnreadable(string folder, string detail) =>
            $"无法读取文件夹：{folder} (cannot read the folder {folder}: {detail})";
        public const string NoTxtFiles = "文件夹中没有 .txt 页面文件 (no .txt page files in the folder)";

        private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);
        private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>Reads one raw page. Never throws for bad input: returns either a page or problems.</summary>
    /// <param name="path">The page's path; it is used as given for <see cref="RawPage.FileName"/> and <see cref="Problem.File"/>.</param>
    public static RawPageReadResult Read(string path)
    {
        var file = path ?? "";
        try
        {
            return ReadCore(file);
        }
        catch (Exception ex)
        {
            // Last resort: nothing may escape to the caller.
            return Fail(file, Messages.ReadFailed(ex.Message));
        }
    }

    /// <summary>
    /// Lists the *.txt pages of a folder and its sub-folders (pages are often kept as <c>2023/01/12/05.txt</c>), sorted
    /// ordinal by their path below the folder, or problems when the folder is missing, unreadable or has no .txt files.
    /// Hidden files and folders (e.g. macOS "._x.txt", ".git") are skipped.
    /// </summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<Problem> Problems) ListPages(string folder)
    {
        var name = folder ?? "";
        static (IReadOnlyList<string>, IReadOnlyList<Problem>) Error(string f, string message) =>
            ([], [new Problem(ProblemCodes.RawPage, f, null, message)]);

        try
        {
            if (string.IsNullOrWhiteSpace(name)) return Error(name, Messages.NoFolder);
            if (!Directory.Exists(name))
                return File.Exists(name) ? Error(name, Messages.NotAFolder(name)) : Error(name, Messages.FolderMissing(name));

            var options = new EnumerationOptions
            {
                IgnoreInaccessible = false,
                RecurseSubdirectories = true,
                AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
                MatchCasing = MatchCasing.CaseInsensitive,
                MatchType = MatchType.Simple,
            };
            var files = Directory.EnumerateFiles(name, "*.txt", options)
                .Where(f => Path.GetExtension(f).Equals(".txt", StringComparison.OrdinalIgnoreCase))
                .Where(f => !RelativePath(name, f).Split('/').Any(part => part.StartsWith('.')))
                .OrderBy(f => RelativePath(name, f), StringComparer.Ordinal)
                .ToList();
            return files.Count == 0 ? Error(name, Messages.NoTxtFiles) : (files, []);
        }
        catch (UnauthorizedAccessException)
        {
            return Error(name, Messages.FolderUnreadable(name, "permission denied"));
        }
        catch (Exception ex)
        {
            return Error(name, Messages.FolderUnreadable(name, ex.Message));
        }
    }

    /// <summary>
    /// A file's path below <paramref name="folder"/>, '/' separated. Files listed from the folder start with it, so no
    /// full paths are worked out (each would ask the system for the current folder: 1,000 pages, thousands of calls).
    /// </summary>
    public static string RelativePath(string folder, string file)
    {
        var prefix = Path.TrimEndingDirectorySeparator(folder);
        var relative = prefix.Length > 0 && file.Length > prefix.Length + 1 && file.StartsWith(prefix, StringComparison.Ordinal)
            && file[prefix.Length] is '/' or '\\' ? file[(prefix.Length + 1)..] : Path.GetRelativePath(folder, file);
        return relative.Replace('\\', '/');
    }

    private static RawPageReadResult ReadCore(string file)
    {
        if (string.IsNullOrWhiteSpace(file)) return Fail(file, Messages.NoPath);
        if (Directory.Exists(file)) return Fail(file, Messages.IsFolder);

        byte[] bytes;
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.CanSeek && stream.Length > MaxFileBytes) return Fail(file, Messages.TooLarge(stream.Length));
            bytes = ReadBounded(stream, MaxFileBytes + 1);
            if (bytes.Length > MaxFileBytes) return Fail(file, Messages.TooLarge(bytes.Length));
        }
        catch (FileNotFoundException) { return Fail(file, Messages.Missing); }
        catch (DirectoryNotFoundException) { return Fail(file, Messages.Missing); }
        catch (UnauthorizedAccessException)
        {
            // On Unix, opening a folder also lands here; it is caught above unless the folder appeared meanwhile.
            return Fail(file, Directory.Exists(file) ? Messages.IsFolder : Messages.AccessDenied);
        }
        catch (IOException ex) { return Fail(file, Messages.ReadFailed(ex.Message)); }

        if (bytes.Length == 0) return Fail(file, Messages.Empty);

        var notes = new List<string>();
        var (text, error) = Decode(bytes, notes);
        if (error is not null) return Fail(file, error);
        if (text!.Length == 0) return Fail(file, Messages.Empty);

        if (text.Contains('\0')) return Fail(file, Messages.NulBytes);
        var controls = text.Count(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n' or '\f'));
        var share = (double)controls / text.Length;
        if (share > MaxControlShare) return Fail(file, Messages.ControlChars(share));

        if (string.IsNullOrWhiteSpace(text)) return Fail(file, Messages.WhitespaceOnly);

        var lines = SplitLines(text, notes);
        return new RawPageReadResult(new RawPage(file, lines, notes), []);
    }

    private static byte[] ReadBounded(Stream stream, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length))) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }

    /// <summary>Decodes the bytes, or returns the editor message saying why they are not text.</summary>
    private static (string? Text, string? Error) Decode(byte[] bytes, List<string> notes)
    {
        ReadOnlySpan<byte> span = bytes;

        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            notes.Add(Messages.BomRemoved);
            return TryDecode(StrictUtf8, span[3..], out var s) ? (s, null) : (null, Messages.BadUtf8AfterBom);
        }
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return DecodeUtf16WithBom(StrictUtf16Le, "UTF-16 LE", span[2..], notes);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return DecodeUtf16WithBom(StrictUtf16Be, "UTF-16 BE", span[2..], notes);

        if (span.Contains((byte)0))
        {
            // UTF-16 without a BOM: ASCII characters (digits, spaces, line ends) put their NUL byte
            // on odd positions (LE) or even positions (BE). Binary data scatters NULs over both.
            int even = 0, odd = 0;
            for (var i = 0; i < span.Length; i++)
                if (span[i] == 0) { if (i % 2 == 0) even++; else odd++; }
            if (span.Length % 2 == 0)
            {
                var (encoding, name) = odd > 0 && even * 4 <= odd ? (StrictUtf16Le, "UTF-16 LE")
                    : even > 0 && odd * 4 <= even ? (StrictUtf16Be, "UTF-16 BE")
                    : (null, "");
                if (encoding is not null && TryDecode(encoding, span, out var s) && !s.Contains('\0'))
                {
                    notes.Add(Messages.DecodedUtf16NoBom(name));
                    return (s, null);
                }
            }
            return (null, Messages.NulBytes);
        }

        if (TryDecode(StrictUtf8, span, out var utf8)) return (utf8, null);
        if (TryDecode(StrictGb18030.Value, span, out var gb))
        {
            notes.Add(Messages.DecodedGb18030);
            return (gb, null);
        }
        return (null, Messages.Undecodable);
    }

    private static (string? Text, string? Error) DecodeUtf16WithBom(Encoding encoding, string name, ReadOnlySpan<byte> rest, List<string> notes)
    {
        if (!TryDecode(encoding, rest, out var s)) return (null, Messages.BadUtf16AfterBom(name));
        notes.Add(Messages.DecodedUtf16(name));
        notes.Add(Messages.BomRemoved);
        return (s, null);
    }

    private static bool TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
        catch (ArgumentException)
        {
            // Some decoders report invalid input this way.
            text = "";
            return false;
        }
    }

    /// <summary>Splits on \r\n, \n or \r; a final line end does not make an extra line. NBSP and U+3000 become spaces.</summary>
    private static List<RawLine> SplitLines(string text, List<string> notes)
    {
        var lines = new List<RawLine>();
        var current = new StringBuilder();
        int lf = 0, crlf = 0, cr = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' || c == '\n')
            {
                if (c == '\n') lf++;
                else if (i + 1 < text.Length && text[i + 1] == '\n') { crlf++; i++; }
                else cr++;
                lines.Add(new RawLine(lines.Count + 1, current.ToString()));
                current.Clear();
                continue;
            }
            current.Append(c is '\u00A0' or '\u3000' ? ' ' : c);
        }
        if (current.Length > 0) lines.Add(new RawLine(lines.Count + 1, current.ToString()));

        var kinds = new List<string>();
        if (lf > 0) kinds.Add("LF");
        if (crlf > 0) kinds.Add("CRLF");
        if (cr > 0) kinds.Add("CR");
        if (kinds.Count > 1) notes.Add(Messages.MixedNormalised(kinds));
        else if (crlf > 0) notes.Add(Messages.CrlfNormalised);
        else if (cr > 0) notes.Add(Messages.CrNormalised);
        return lines;
    }

    private static RawPageReadResult Fail(string file, string message) =>
        new(null, [new Problem(ProblemCodes.RawPage, file, null, message)]);
}
