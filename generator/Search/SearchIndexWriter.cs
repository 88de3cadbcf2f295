using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Baoku.Render;

namespace Baoku.Search;

public sealed record SearchIndexOptions
{
    /// <summary>Aimed-at size of a bucket file of small streams: what a query for a rare gram downloads.</summary>
    public int BucketBytes { get; init; } = 8 * 1024;
    /// <summary>A stream longer than this gets a file of its own, so it never rides along with another gram's query.</summary>
    public int OwnFileBytes { get; init; } = 3 * 1024;
    /// <summary>Characters of document text per pass over the documents (bounds the memory the builder holds at once).</summary>
    public long CharsPerPass { get; init; } = 60_000_000;
}

public sealed record SearchIndexStats(int Documents, int Grams, int DocsBuckets, int PositionsBuckets, int OwnFiles, int Files, long Bytes, int Passes);

/// <summary>
/// Search documents → the static index of docs/search-index.md: unigram and bigram streams in hashed bucket files,
/// long streams in files of their own, one file per document for the result list, and meta.js.
/// Deterministic: the same documents give byte-identical files.
/// </summary>
public static class SearchIndexWriter
{
    public const string Folder = "search/";
    const long UnigramFlag = 1L << 42;
    const int PosBits = 20;
    const int MaxPos = (1 << PosBits) - 1;

    static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    sealed class Gram(string text, uint hash)
    {
        public readonly string Text = text;
        public readonly uint Hash = hash;
        public ByteBuffer? Docs;
        public ByteBuffer? Positions;
        public int LastDoc = -1;
    }

    /// <summary>A document's grams as sortable keys (gram &lt;&lt; 20 | position) and where its fields end.</summary>
    readonly record struct DocGrams(long[] Keys, int Count, int TitleEnd, int HeadEnd);

    public static SearchIndexStats Write(IReadOnlyList<SearchDocument> docs, IReadOnlyList<(string Name, string Url)> campaigns, ISiteOutput output, SearchIndexOptions? options = null) =>
        Write(docs.Count, i => docs[i], docs.Sum(d => (long)d.Segments.Sum(s => s.Text.Length)), campaigns, output, options);

    /// <summary>
    /// Documents are made on demand, a batch at a time, and dropped after use: at 50,000 articles their text would
    /// otherwise double the build's memory. <paramref name="textLength"/> (an estimate is fine) sets the number of passes.
    /// </summary>
    public static SearchIndexStats Write(int count, Func<int, SearchDocument> document, long textLength, IReadOnlyList<(string Name, string Url)> campaigns,
        ISiteOutput output, SearchIndexOptions? options = null)
    {
        options ??= new SearchIndexOptions();
        int passes = (int)Math.Max(1, (textLength + options.CharsPerPass - 1) / options.CharsPerPass);
        var grams = new Dictionary<long, Gram>();
        var years = new int[count];
        var campaignMasks = new long[count];
        int files = 0, ownFiles = 0, ib = 0, pb = 0;
        long bytes = 0;
        var gate = new object();

        void Emit(string path, string content)
        {
            output.Write(Folder + path, content);
            lock (gate)
            {
                files++;
                bytes += Encoding.UTF8.GetByteCount(content);
            }
        }

        for (int pass = 0; pass < passes; pass++)
        {
            const int batch = 256;
            for (int start = 0; start < count; start += batch)
            {
                int n = Math.Min(batch, count - start);
                var tokenised = new DocGrams[n];
                int p = pass;
                Parallel.For(0, n, k =>
                {
                    var d = document(start + k);
                    tokenised[k] = Tokenise(d);
                    if (p > 0) return;
                    years[d.Id] = d.Date.Year;
                    foreach (var c in d.Campaigns) campaignMasks[d.Id] |= 1L << c;
                    Emit($"d/{d.Id}.js", $"BaokuSearch.d({d.Id},{JsonSerializer.Serialize(new DocView(d.Url, d.Title, d.Kicker, d.Subtitle, Dates.Iso(d.Date), d.Campaigns, d.BodyText), Json)});\n");
                });
                for (int k = 0; k < n; k++) Append(start + k, tokenised[k], grams, pass, passes);
            }

            var mine = grams.Values.Where(g => g.Docs is not null).ToList();
            if (pass == 0)
            {
                // Bucket counts are multiples of the pass count, so every bucket's grams fall in one pass.
                long smallDocs = mine.Where(g => g.Docs!.Length <= options.OwnFileBytes).Sum(g => (long)g.Docs!.Length + g.Text.Length + 6);
                long smallPos = mine.Where(g => g.Positions is { } p && p.Length <= options.OwnFileBytes).Sum(g => (long)g.Positions!.Length + g.Text.Length + 6);
                ib = RoundUp((int)Math.Max(1, smallDocs * passes / options.BucketBytes), passes);
                pb = RoundUp((int)Math.Max(1, smallPos * passes / options.BucketBytes), passes);
            }
            ownFiles += WriteBuckets("i", ib, pass, passes, mine.Select(g => (g.Text, g.Hash, g.Docs!)), options, Emit);
            ownFiles += WriteBuckets("p", pb, pass, passes, mine.Where(g => g.Positions is not null).Select(g => (g.Text, g.Hash, g.Positions!)), options, Emit);
            foreach (var g in mine) { g.Docs = null; g.Positions = null; g.LastDoc = -1; }
        }

        Emit("meta.js", $"BaokuSearch.meta({JsonSerializer.Serialize(Meta(years, campaignMasks, campaigns, ib, pb), Json)});\n");
        return new SearchIndexStats(count, grams.Count, ib, pb, ownFiles, files, bytes, passes);
    }

    static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

#pragma warning disable IDE1006 // JSON names are the format's
    sealed record DocView(string u, string t, string? k, string? s, string d, IReadOnlyList<int> c, string x);
    sealed record MetaView(int v, int docs, int ib, int pb, IReadOnlyList<int[]> years, IReadOnlyList<string[]> campaigns, int cw, string cm);
#pragma warning restore IDE1006

    static MetaView Meta(int[] yearOf, long[] campaignMasks, IReadOnlyList<(string Name, string Url)> campaigns, int ib, int pb)
    {
        var years = new List<int[]>();
        for (int i = 0; i < yearOf.Length; i++)
        {
            if (years.Count > 0 && years[^1][0] == yearOf[i]) years[^1][2]++;
            else years.Add([yearOf[i], i, 1]);
        }
        int cw = Math.Max(1, (campaigns.Count + 5) / 6);
        var cm = new StringBuilder(yearOf.Length * cw);
        foreach (var mask in campaignMasks)
            for (int j = 0; j < cw; j++) cm.Append(CharVarint.Alphabet[(int)(mask >> (6 * j)) & 63]);
        return new MetaView(1, yearOf.Length, ib, pb, years, campaigns.Select(c => new[] { c.Name, c.Url }).ToList(), cw, cm.ToString());
    }

    /// <summary>Every unigram and bigram occurrence of a document, sorted by gram then position.</summary>
    static DocGrams Tokenise(SearchDocument d)
    {
        var units = new List<int>(256);
        var keys = new List<long>(4096);
        int pos = 0, titleEnd = -1, headEnd = -1;
        foreach (var (f, text) in d.Segments)
        {
            // Fields come in order title, head, other: positions below titleEnd are the title's, below headEnd the head's.
            if (f != SearchField.Title && titleEnd < 0) titleEnd = pos;
            if (f == SearchField.Other && headEnd < 0) headEnd = pos;
            units.Clear();
            SearchText.AppendUnits(text, units);
            if (units.Count == 0) continue;
            for (int i = 0; i < units.Count; i++)
            {
                int p = Math.Min(pos + i, MaxPos);
                keys.Add(((UnigramFlag | (uint)units[i]) << PosBits) | (uint)p);
                if (i + 1 < units.Count) keys.Add((((long)units[i] << 21 | (uint)units[i + 1]) << PosBits) | (uint)p);
            }
            pos += units.Count + 1;   // a gap: no gram crosses into the next segment
        }
        if (titleEnd < 0) titleEnd = pos;
        if (headEnd < 0) headEnd = pos;
        var array = keys.ToArray();
        Array.Sort(array);
        return new DocGrams(array, array.Length, titleEnd, headEnd);
    }

    static void Append(int id, DocGrams dg, Dictionary<long, Gram> grams, int pass, int passes)
    {
        var keys = dg.Keys;
        int i = 0;
        while (i < dg.Count)
        {
            long gramKey = keys[i] >> PosBits;
            int j = i;
            while (j < dg.Count && keys[j] >> PosBits == gramKey) j++;
            if (!grams.TryGetValue(gramKey, out var gram))
            {
                var text = GramText(gramKey);
                gram = new Gram(text, SearchText.Fnv1a(text));
                grams.Add(gramKey, gram);
            }
            if (gram.Hash % (uint)passes == pass)
            {
                bool bigram = (gramKey & UnigramFlag) == 0;
                gram.Docs ??= new ByteBuffer();
                if (bigram) gram.Positions ??= new ByteBuffer();
                int t = 0, h = 0, o = 0;
                for (int k = i; k < j; k++)
                {
                    int p = (int)(keys[k] & MaxPos);
                    if (p < dg.TitleEnd) t++; else if (p < dg.HeadEnd) h++; else o++;
                }
                CharVarint.Write(gram.Docs, gram.LastDoc < 0 ? id : id - gram.LastDoc);
                CharVarint.Write(gram.Docs, o << 2 | (t > 0 ? 1 : 0) | (h > 0 ? 2 : 0));
                if (t > 0) CharVarint.Write(gram.Docs, t);
                if (h > 0) CharVarint.Write(gram.Docs, h);
                gram.LastDoc = id;
                if (bigram)
                {
                    int last = 0;
                    for (int k = i; k < j; k++)
                    {
                        int p = (int)(keys[k] & MaxPos);
                        CharVarint.Write(gram.Positions!, k == i ? p : p - last);
                        last = p;
                    }
                }
            }
            i = j;
        }
    }

    static string GramText(long gramKey) =>
        (gramKey & UnigramFlag) != 0
            ? char.ConvertFromUtf32((int)(gramKey & 0x1FFFFF))
            : char.ConvertFromUtf32((int)(gramKey >> 21)) + char.ConvertFromUtf32((int)(gramKey & 0x1FFFFF));

    /// <summary>Writes this pass's buckets of one kind; returns how many streams got a file of their own.</summary>
    static int WriteBuckets(string kind, int buckets, int pass, int passes, IEnumerable<(string Text, uint Hash, ByteBuffer Stream)> grams,
        SearchIndexOptions options, Action<string, string> emit)
    {
        var byBucket = new List<(string Text, ByteBuffer Stream)>[buckets];
        foreach (var g in grams) (byBucket[g.Hash % (uint)buckets] ??= []).Add((g.Text, g.Stream));
        int own = 0;
        for (int b = pass; b < buckets; b += passes)
        {
            var sb = new StringBuilder($"BaokuSearch.{kind}({b},{{");
            var list = byBucket[b] ?? [];
            list.Sort((x, y) => string.CompareOrdinal(x.Text, y.Text));
            for (int k = 0; k < list.Count; k++)
            {
                var (text, stream) = list[k];
                if (k > 0) sb.Append(',');
                sb.Append('"').Append(text).Append("\":");
                if (stream.Length > options.OwnFileBytes)
                {
                    var name = $"{kind}{b}-{k}";
                    emit($"g/{name}.js", $"BaokuSearch.g(\"{name}\",\"{stream.ToAscii()}\");\n");
                    sb.Append("{\"f\":\"g/").Append(name).Append("\"}");
                    own++;
                }
                else sb.Append('"').Append(stream.ToAscii()).Append('"');
            }
            sb.Append("});\n");
            emit($"{kind}/{b}.js", sb.ToString());
        }
        return own;
    }
}
