using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Baoku.Site;

/// <summary>Where an article's page HTML, search text and lead are in a <see cref="BodyStore"/>.</summary>
public readonly record struct BodyRef(long Offset, int HtmlChars, int TextChars, int LeadChars);

/// <summary>
/// The HTML and plain text of every article's body, made in the model's one parse of each body and read back by the
/// page and by search, and the start of its Markdown (what related articles compare). In memory (check, preview, tests), or in a temporary file (a build): then a build's memory
/// does not grow with the bodies of the archive, and no body is parsed twice. The file holds UTF-16 as is, so
/// nothing is encoded or decoded; parallel writers each reserve their own range.
/// </summary>
public sealed class BodyStore : IDisposable
{
    readonly SafeFileHandle? _file;
    readonly List<string>? _memory;
    long _end;

    BodyStore(SafeFileHandle? file) => (_file, _memory) = (file, file is null ? [] : null);

    public static BodyStore InMemory() => new(null);

    /// <summary>
    /// A store in a new file in <paramref name="folder"/>. Where the system allows, the file's name is removed at once
    /// (the open handle keeps it), so not even a killed build leaves it behind; elsewhere it goes when disposed.
    /// </summary>
    public static BodyStore InTempFile(string folder) => Guarded(folder, () =>
    {
        var path = Path.Combine(folder, $"baoku-bodies-{Guid.NewGuid():N}.tmp");
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None);
        if (!OperatingSystem.IsWindows()) File.Delete(path);
        return new BodyStore(handle);
    });

    /// <summary>A full disk or a folder that cannot be written is the build's problem (BK471), never a stack trace.</summary>
    static T Guarded<T>(string where, Func<T> io)
    {
        try { return io(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ProblemException(Problem.Of(ProblemCodes.BodyStore, where, null,
                $"构建暂存正文的临时文件写不进去或读不出来：{e.Message}（可用 TMPDIR 换一个临时文件夹）",
                $"the temporary file where the build keeps the bodies cannot be written or read: {e.Message} (TMPDIR chooses another temporary folder)"));
        }
    }

    public BodyRef Put(string html, string text, string lead)
    {
        if (_memory is not null)
            lock (_memory)
            {
                _memory.Add(html);
                _memory.Add(text);
                _memory.Add(lead);
                return new BodyRef(_memory.Count - 3, html.Length, text.Length, lead.Length);
            }
        var all = string.Concat(html, text, lead);   // one write
        long bytes = 2L * all.Length;
        long at = Interlocked.Add(ref _end, bytes) - bytes;
        return Guarded(Path.GetTempPath(), () =>
        {
            RandomAccess.Write(_file!, MemoryMarshal.AsBytes(all.AsSpan()), at);
            return new BodyRef(at, html.Length, text.Length, lead.Length);
        });
    }

    public string Html(BodyRef r) => _memory is not null ? Memory(r.Offset) : Read(r.Offset, r.HtmlChars);

    public string Text(BodyRef r) => _memory is not null ? Memory(r.Offset + 1) : Read(r.Offset + 2L * r.HtmlChars, r.TextChars);

    public string Lead(BodyRef r) => _memory is not null ? Memory(r.Offset + 2) : Read(r.Offset + 2L * (r.HtmlChars + r.TextChars), r.LeadChars);

    string Memory(long index)
    {
        lock (_memory!) return _memory[(int)index];
    }

    string Read(long offset, int chars) => Guarded(Path.GetTempPath(), () => string.Create(chars, (this, offset), static (span, s) =>
    {
        var bytes = MemoryMarshal.AsBytes(span);
        int done = 0;
        while (done < bytes.Length)
        {
            int read = RandomAccess.Read(s.Item1._file!, bytes[done..], s.offset + done);
            if (read <= 0) throw new IOException("the body store ended early");
            done += read;
        }
    }));

    public void Dispose() => _file?.Dispose();
}
