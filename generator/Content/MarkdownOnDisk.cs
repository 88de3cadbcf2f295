using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Baoku.Content;

/// <summary>
/// Where an article's body is when it is not held in memory: its file, the file's length and hash as loaded, and
/// where the body starts in it. <see cref="Read"/> gives the very Markdown the loader made, or refuses (BK470) when the
/// file changed or went away since: a site is never built from two versions of one file.
/// </summary>
/// <param name="Folder">The content folder (one string for all articles).</param>
/// <param name="RelativePath">The file in it (the article's own <see cref="Article.RelativePath"/>, not a copy).</param>
public sealed record MarkdownOnDisk(string Folder, string RelativePath, int Length, UInt128 Hash, int BodyStart)
{
    public string FilePath => Path.Combine(Folder, RelativePath);

    /// <summary>
    /// For a file whose bytes (as read, BOM and all) made <paramref name="markdown"/>: where to read it again, or null
    /// when <see cref="BodyOf"/> would not give the same text (an unusual file: its body then stays in memory).
    /// </summary>
    public static MarkdownOnDisk? For(string folder, string relativePath, ReadOnlySpan<byte> file, string markdown)
    {
        if (!FrontMatterSplit.TryFind(WithoutBom(file), out var split)) return null;
        if (BodyOf(file, split.BodyStart) != markdown) return null;
        return new MarkdownOnDisk(folder, relativePath, file.Length, HashOf(file), split.BodyStart);
    }

    public string Read()
    {
        byte[]? buffer = null;
        try
        {
            using var handle = File.OpenHandle(FilePath);
            if (RandomAccess.GetLength(handle) != Length) throw Changed();
            buffer = ArrayPool<byte>.Shared.Rent(Length);
            int length = 0, read;
            while (length < Length && (read = RandomAccess.Read(handle, buffer.AsSpan(length, Length - length), length)) > 0) length += read;
            var file = buffer.AsSpan(0, length);
            if (length != Length || HashOf(file) != Hash) throw Changed();
            return BodyOf(file, BodyStart);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Changed();
        }
        finally
        {
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    ProblemException Changed() => new(Problem.Of(ProblemCodes.ArticleChangedDuringBuild, FilePath, null,
        "这篇文章在构建过程中被修改、移走或删除了，网站没有更新；请再构建一次",
        "the article changed, moved or was deleted during the build; the site was not updated: build again"));

    /// <summary>The body as <see cref="ArticleParser"/> makes it from a file's bytes: decoded after the front-matter, LF line ends, no stray controls.</summary>
    static string BodyOf(ReadOnlySpan<byte> file, int bodyStart)
    {
        var markdown = Encoding.UTF8.GetString(WithoutBom(file)[bodyStart..]);
        if (markdown.Contains('\r')) markdown = markdown.Replace("\r\n", "\n");
        return ContentSafety.WithoutControls(markdown) ?? markdown;
    }

    static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> file) => file.StartsWith("\uFEFF"u8) ? file[3..] : file;

    static UInt128 HashOf(ReadOnlySpan<byte> file)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(file, hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}
