using System.Globalization;

namespace Baoku.Import.Read;

/// <summary>
/// Chinese words and how telling each one is: jieba.NET's segmenter and its IDF table (a word found in few documents
/// of a large corpus, such as a place or a person's name, says more about what a text is about than 发展 or 工作).
/// The segmenter is the process's one <see cref="Lexicon"/>; the IDF table is read once, on first use, from the same folder.
/// </summary>
public static class Words
{
    static readonly Lazy<(Dictionary<string, double> Idf, double Median)> Table = new(LoadIdf, LazyThreadSafetyMode.ExecutionAndPublication);

    static (Dictionary<string, double>, double) LoadIdf()
    {
        var path = Path.Combine(AppContext.BaseDirectory, Lexicon.FolderName, "idf.txt");
        var idf = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            int space = line.LastIndexOf(' ');
            if (space > 0 && double.TryParse(line.AsSpan(space + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                idf[line[..space]] = v;
        }
        var sorted = idf.Values.Order().ToArray();
        return (idf, sorted.Length == 0 ? 10 : sorted[sorted.Length / 2]);
    }

    /// <summary>The words of a text, as jieba cuts it (with its HMM for words it does not know, such as names).</summary>
    public static IReadOnlyList<string> Cut(string text) => Lexicon.Shared.Cut(text);

    /// <summary>How rare a word is; words jieba's table does not know (new names) count as the table's median.</summary>
    public static double Idf(string word) => Table.Value.Idf.TryGetValue(word, out var v) ? v : Table.Value.Median;

    /// <summary>
    /// How much two texts are about the same things: the cosine of their TF-IDF vectors over words of two or more
    /// characters that contain an ideograph.
    /// </summary>
    public static double Similarity(string a, string b) => Cosine(Vector(a), Vector(b));

    /// <summary>The text's words with their TF-IDF weight.</summary>
    public static Dictionary<string, double> Vector(string text)
    {
        var v = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var w in Cut(text))
            if (w.Length >= 2 && w.Any(Hanzi.IsIdeograph))
                v[w] = v.GetValueOrDefault(w) + Idf(w);
        return v;
    }

    public static double Cosine(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        double dot = 0;
        foreach (var (w, x) in a)
            if (b.TryGetValue(w, out var y)) dot += x * y;
        return dot / (Norm(a) * Norm(b));
    }

    static double Norm(IReadOnlyDictionary<string, double> v) => Math.Sqrt(v.Values.Sum(x => x * x));
}

/// <summary>
/// The word vectors of one page's paragraphs, each cut once: a page's decisions compare the same paragraphs again and
/// again (the story so far grows by a paragraph at a time).
/// </summary>
public sealed class PageWords
{
    readonly Dictionary<string, Dictionary<string, double>> _paragraphs = new(StringComparer.Ordinal);

    /// <summary>How much two runs of paragraphs are about the same things (<see cref="Words.Similarity"/>).</summary>
    public double Similarity(IEnumerable<string> a, IEnumerable<string> b) => Words.Cosine(Sum(a), Sum(b));

    Dictionary<string, double> Sum(IEnumerable<string> paragraphs)
    {
        var total = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in paragraphs)
        {
            if (!_paragraphs.TryGetValue(p, out var v)) _paragraphs[p] = v = Words.Vector(p);
            foreach (var (w, x) in v) total[w] = total.GetValueOrDefault(w) + x;
        }
        return total;
    }
}
