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
    public static double Similarity(string a, string b)
    {
        var va = Vector(a);
        var vb = Vector(b);
        if (va.Count == 0 || vb.Count == 0) return 0;
        double dot = 0;
        foreach (var (w, x) in va)
            if (vb.TryGetValue(w, out var y)) dot += x * y;
        return dot / (Norm(va) * Norm(vb));
    }

    static Dictionary<string, double> Vector(string text)
    {
        var v = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var w in Cut(text))
            if (w.Length >= 2 && w.Any(Hanzi.IsIdeograph))
                v[w] = v.GetValueOrDefault(w) + Idf(w);
        return v;
    }

    static double Norm(Dictionary<string, double> v) => Math.Sqrt(v.Values.Sum(x => x * x));
}
