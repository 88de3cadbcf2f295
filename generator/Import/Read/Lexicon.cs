using System.Diagnostics;
using JiebaNet.Segmenter;

namespace Baoku.Import.Read;

/// <summary>
/// The Chinese segmenter (jieba.NET) and its dictionary's part-of-speech tags, loaded once per process on first use.
/// The extractors cut only short windows around candidates (a few characters before a suffix, a clause before a
/// speech verb): cutting whole articles costs ~3 ms per 1,000 characters, a 12-character window ~0.01 ms.
/// </summary>
/// <remarks>
/// jieba.NET reads its files (dict.txt, prob_emit.json…) from <see cref="ConfigManager.ConfigFileBaseDir"/>, which
/// defaults to "Resources" and may resolve against the current folder: it is set explicitly to the folder the build
/// copies the package's Resources/ to (<c>jieba/</c> beside baoku.dll, also inside the dotnet tool package), so the
/// importer works from any current folder. The tags (nr person, ns place, nt organisation, v verb, p preposition…)
/// are the third column of the same dict.txt, which jieba.NET loads without keeping them; they are read once here.
/// With BAOKU_TIMINGS=1 the load time is printed on stderr (bench/import-bench.sh reads it).
/// </remarks>
public sealed class Lexicon
{
    /// <summary>The folder, beside the program, that holds jieba's dictionaries.</summary>
    public const string FolderName = "jieba";

    static readonly Lazy<Lexicon> shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The process's lexicon, loaded on first use (thread-safe; about half a second).</summary>
    public static Lexicon Shared => shared.Value;

    readonly JiebaSegmenter segmenter;
    readonly Dictionary<string, string> tags;
    readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    Lexicon(JiebaSegmenter segmenter, Dictionary<string, string> tags)
    {
        this.segmenter = segmenter;
        this.tags = tags;
        lookup = tags.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The words of a short text, with jieba's HMM for words not in the dictionary (names, small places).</summary>
    public IReadOnlyList<string> Cut(string text)
    {
        if (text.Length == 0) return [];
        // Cut only reads jieba's dictionaries and HMM tables (its state is local to the call); nothing here adds words
        // to them, so pages are cut in parallel without a lock.
        return segmenter.Cut(text, false, true).ToList();
    }

    /// <summary>The dictionary's part-of-speech tag of a word (n, v, nr, ns, nt, nz, p…), or null when it is not a dictionary word.</summary>
    public string? Tag(string word) => tags.GetValueOrDefault(word);

    /// <summary><see cref="Tag(string)"/> without making a string (the scans call it at every position).</summary>
    public string? Tag(ReadOnlySpan<char> word) => lookup.TryGetValue(word, out var tag) ? tag : null;

    /// <summary>The tag of <paramref name="word"/> followed by <paramref name="suffix"/> (杭州 + 市).</summary>
    public string? Tag(ReadOnlySpan<char> word, char suffix)
    {
        Span<char> buffer = stackalloc char[word.Length + 1];
        word.CopyTo(buffer);
        buffer[^1] = suffix;
        return Tag(buffer);
    }

    /// <summary>
    /// A city or county name: a proper name (ns, nz, nr) that the dictionary also knows with 市 or 县 after it
    /// (杭州 → 杭州市, 义乌 → 义乌市). Neither test alone is enough: 上市, 城市, 美丽 are ns; 示范县, 重点县 are words.
    /// </summary>
    public bool IsCityName(ReadOnlySpan<char> w) =>
        w.Length is 2 or 3 && w[^1] is not ('市' or '县' or '省' or '区') && Tag(w) is "ns" or "nz" or "nr" or "nrt"
        && (Tag(w, '市') is not null || Tag(w, '县') is not null);

    static Lexicon Load()
    {
        var watch = Stopwatch.StartNew();
        var dir = Path.Combine(AppContext.BaseDirectory, FolderName);
        if (!File.Exists(Path.Combine(dir, "dict.txt")))
            throw new FileNotFoundException($"jieba dictionaries not found in {dir} (the build copies them from the jieba.NET package)");
        ConfigManager.ConfigFileBaseDir = dir;
        // The tag table and jieba's own dictionary are read from the same file: read them side by side.
        var tagTask = Task.Run(() => ReadTags(Path.Combine(dir, "dict.txt")));
        var segmenter = new JiebaSegmenter();
        segmenter.Cut("预热");
        var lexicon = new Lexicon(segmenter, tagTask.GetAwaiter().GetResult());
        if (Environment.GetEnvironmentVariable("BAOKU_TIMINGS") == "1")
            Console.Error.WriteLine($"segmenter loaded in {watch.Elapsed.TotalMilliseconds:0} ms");
        return lexicon;
    }

    /// <summary>dict.txt: one "word frequency tag" a line.</summary>
    static Dictionary<string, string> ReadTags(string path)
    {
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new Dictionary<string, string>(400_000, StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var a = line.IndexOf(' ');
            var b = a < 0 ? -1 : line.IndexOf(' ', a + 1);
            if (b < 0) continue;
            var tag = line[(b + 1)..].Trim();
            if (!interned.TryGetValue(tag, out var shared)) interned[tag] = shared = tag;
            result[line[..a]] = shared;
        }
        return result;
    }
}
