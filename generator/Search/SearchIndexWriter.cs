using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Baoku.Search;

public sealed record SearchIndexOptions
{
    /// <summary>Aimed-at size of a bucket file of small streams: what a query for a rare gram downloads.</summary>
    public int BucketBytes { get; init; } = 8 * 1024;
    /// <summary>A stream longer than this gets a file of its own, so it never rides along with another gram's query.</summary>
    public int OwnFileBytes { get; init; } = 3 * 1024;
    /// <summary>Units of normalised text per pass over the documents: bounds the grams the builder holds at once.</summary>
    public long CharsPerPass { get; init; } = 6_000_000;
    /// <summary>Called after each step with a short note (the build's memory trace).</summary>
    public Action<string>? Trace { get; init; }
}

public sealed record SearchIndexStats(int Documents, int Grams, int DocsBuckets, int PositionsBuckets, int OwnFiles, int Files, long Bytes, int Passes);

/// <summary>
/// Search documents → the static index of docs/search-index.md: unigram, bigram and trigram streams in hashed bucket files,
/// long streams in files of their own, one file per document for the result list, and meta.js.
/// Deterministic: the same documents give byte-identical files.
/// </summary>
public static class SearchIndexWriter
{
    public const string Folder = "search/";

    /// <summary>The index's first file, and how it starts (a later build knows a Baoku site by it).</summary>
    public const string MetaFile = "meta.js", MetaStart = "BaokuSearch.meta(";

    /// <summary>Longest gram indexed; positions are kept for grams of exactly this length.</summary>
    public const int MaxGram = 3;

    static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One gram of the current pass: its streams as ASCII bytes (char-varints), grown by doubling.</summary>
    sealed class Gram(uint hash)
    {
        public readonly uint Hash = hash;
        public byte[] Docs = new byte[8];
        public int DocsLength;
        public byte[]? Positions;
        public int PositionsLength;
        public int LastDoc = -1;
    }

    /// <summary>
    /// A document's text as search sees it, kept for all passes: its units as a string (code points, with a NUL
    /// between segments) and the unit positions where title and head end.
    /// </summary>
    readonly record struct DocText(string Units, int TitleEnd, int HeadEnd);


    public static SearchIndexStats Write(IReadOnlyList<SearchDocument> docs, IReadOnlyList<(string Name, string Url)> campaigns, ISiteOutput output, SearchIndexOptions? options = null) =>
        Write(docs.Count, i => docs[i], campaigns, output, options);

    /// <summary>
    /// Documents are made on demand and dropped after use; only their normalised text is kept. Grams are split into
    /// passes by hash, so the builder holds one pass's grams at a time: at 50,000 articles all of them would not fit
    /// the build's memory budget.
    /// </summary>
    public static SearchIndexStats Write(int count, Func<int, SearchDocument> document, IReadOnlyList<(string Name, string Url)> campaigns,
        ISiteOutput output, SearchIndexOptions? options = null)
    {
        options ??= new SearchIndexOptions();
        var texts = new DocText[count];
        var years = new int[count];
        var campaignMasks = new long[count];
        int files = 0, ownFiles = 0, ib = 0, pb = 0, gramCount = 0;
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

        Parallel.For(0, count, i =>
        {
            var d = document(i);
            texts[i] = Normalise(d);
            years[i] = d.Date.Year;
            foreach (var c in d.Campaigns) campaignMasks[i] |= 1L << c;
            Emit($"d/{d.Id}.js", $"BaokuSearch.d({d.Id},{JsonSerializer.Serialize(new DocView(d.Url, d.Title, d.Kicker, d.Subtitle, Dates.Iso(d.Date), d.Campaigns, d.BodyText), Json)});\n");
        });

        options.Trace?.Invoke("search documents");
        long chars = texts.Sum(t => (long)t.Units.Length);
        int passes = (int)Math.Max(1, (chars + options.CharsPerPass - 1) / options.CharsPerPass);
        // Each worker appends the grams of its own share of hashes, so the appends run on every core and the output
        // does not depend on how many there are.
        int workers = Math.Clamp(Environment.ProcessorCount, 1, 8);
        var shares = Enumerable.Range(0, workers).Select(_ => new Dictionary<long, Gram>()).ToArray();
        for (int pass = 0; pass < passes; pass++)
        {
            const int batch = 512;
            for (int start = 0; start < count; start += batch)
            {
                int n = Math.Min(batch, count - start);
                var tokenised = new (long[] Keys, int[] Positions)[n];
                int p = pass;
                Parallel.For(0, n, k => tokenised[k] = Tokenise(texts[start + k].Units, p, passes));
                Parallel.For(0, workers, w =>
                {
                    for (int k = 0; k < n; k++) Append(start + k, tokenised[k].Keys, tokenised[k].Positions, texts[start + k], shares[w], w, workers, passes);
                });
            }

            var mine = shares.SelectMany(d => d).Select(g => (Key: g.Key, Text: GramText(g.Key), Gram: g.Value)).ToList();
            options.Trace?.Invoke($"search pass {pass + 1}/{passes}: {mine.Count} grams");
            gramCount += mine.Count;
            if (pass == 0)
            {
                // Bucket counts are multiples of the pass count, so every bucket's grams fall in one pass.
                long smallDocs = mine.Where(g => g.Gram.DocsLength <= options.OwnFileBytes).Sum(g => (long)g.Gram.DocsLength + g.Text.Length + 6);
                long smallPos = mine.Where(g => g.Gram.Positions is not null && g.Gram.PositionsLength <= options.OwnFileBytes).Sum(g => (long)g.Gram.PositionsLength + g.Text.Length + 6);
                ib = RoundUp((int)Math.Max(1, smallDocs * passes / options.BucketBytes), passes);
                pb = RoundUp((int)Math.Max(1, smallPos * passes / options.BucketBytes), passes);
            }
            ownFiles += WriteBuckets("i", ib, pass, passes, mine.Select(g => (g.Text, g.Gram.Hash, g.Gram.Docs, g.Gram.DocsLength)), options, Emit);
            ownFiles += WriteBuckets("p", pb, pass, passes, mine.Where(g => g.Gram.Positions is not null)
                .Select(g => (g.Text, g.Gram.Hash, g.Gram.Positions!, g.Gram.PositionsLength)), options, Emit);
            options.Trace?.Invoke($"search pass {pass + 1}/{passes} written");
            foreach (var share in shares) share.Clear();   // only the grams of the next pass are kept next
            mine.Clear();
            // A pass's grams lived through many collections into generation 2, where the GC would leave them until
            // memory runs short; collecting now keeps the peak at one pass's worth instead of several.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        Emit(MetaFile, $"{MetaStart}{JsonSerializer.Serialize(Meta(years, campaignMasks, campaigns, ib, pb), Json)});\n");
        return new SearchIndexStats(count, gramCount, ib, pb, ownFiles, files, bytes, passes);
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

    /// <summary>The document's units, a NUL after each segment, and where title and head end (in units).</summary>
    static DocText Normalise(SearchDocument d)
    {
        var units = new List<int>(256);
        var sb = new StringBuilder(d.BodyText.Length + 64);
        int pos = 0, titleEnd = -1, headEnd = -1;
        foreach (var (f, text) in d.Segments)
        {
            // Fields come in order title, head, other: positions below titleEnd are the title's, below headEnd the head's.
            if (f != SearchField.Title && titleEnd < 0) titleEnd = pos;
            if (f == SearchField.Other && headEnd < 0) headEnd = pos;
            units.Clear();
            SearchText.AppendUnits(text, units);
            if (units.Count == 0) continue;
            foreach (var u in units)
            {
                if (u < 0x10000) sb.Append((char)u);
                else sb.Append(char.ConvertFromUtf32(u));
            }
            sb.Append('\0');
            pos += units.Count + 1;   // a gap: no gram crosses into the next segment
        }
        if (titleEnd < 0) titleEnd = pos;
        if (headEnd < 0) headEnd = pos;
        return new DocText(sb.ToString(), titleEnd, headEnd);
    }

    /// <summary>
    /// This pass's unigram, bigram and trigram occurrences of a document, sorted by gram then position. A gram's key
    /// is its code points, 21 bits each, first in the high bits, 0 for a missing one (0 is never a unit).
    /// </summary>
    static (long[] Keys, int[] Positions) Tokenise(string text, int pass, int passes)
    {
        var keys = new List<long>(passes == 1 ? 4 * text.Length : 4 * text.Length / passes + 16);
        var positions = new List<int>(keys.Capacity);
        int c0 = 0, c1 = 0, pos = -1;   // the two units before the current one in this segment (0: none)
        for (int i = 0; i < text.Length; i++)
        {
            int u = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length) u = char.ConvertToUtf32(text[i], text[++i]);
            pos++;
            if (u == 0) { c0 = c1 = 0; continue; }
            long uni = (long)u << 42;
            Add(uni, pos);
            if (c1 != 0)
            {
                long bi = (long)c1 << 42 | (long)u << 21;
                Add(bi, pos - 1);
                if (c0 != 0) Add((long)c0 << 42 | (long)c1 << 21 | (uint)u, pos - 2);
            }
            c0 = c1;
            c1 = u;
        }
        void Add(long key, int p)
        {
            if (passes > 1 && Hash(key) % (uint)passes != pass) return;
            keys.Add(key);
            positions.Add(p);
        }
        var k = keys.ToArray();
        var ps = positions.ToArray();
        Array.Sort(k, ps);
        // Array.Sort is not stable: put each gram's positions back in order (runs are short).
        for (int i = 0, j; i < k.Length; i = j)
        {
            for (j = i + 1; j < k.Length && k[j] == k[i]; j++) { }
            if (j - i > 1) Array.Sort(ps, i, j - i);
        }
        return (k, ps);
    }

    static int Length(long key) => (key & 0x1FFFFF) != 0 ? 3 : (key >> 21 & 0x1FFFFF) != 0 ? 2 : 1;

    /// <summary>FNV-1a of the gram's UTF-16 text, straight from its key (no string for grams of other passes).</summary>
    static uint Hash(long key)
    {
        uint h = SearchText.FnvOffset;
        for (int shift = 42; shift >= 0; shift -= 21)
        {
            int cp = (int)(key >> shift & 0x1FFFFF);
            if (cp == 0) break;
            if (cp < 0x10000) h = SearchText.FnvAdd(h, (char)cp);
            else
            {
                h = SearchText.FnvAdd(h, (char)(0xD800 + ((cp - 0x10000) >> 10)));
                h = SearchText.FnvAdd(h, (char)(0xDC00 + ((cp - 0x10000) & 0x3FF)));
            }
        }
        return h;
    }

    static void Append(int id, long[] keys, int[] ps, DocText text, Dictionary<long, Gram> grams, int worker, int workers, int passes)
    {
        int i = 0;
        while (i < keys.Length)
        {
            long gramKey = keys[i];
            int j = i + 1;
            while (j < keys.Length && keys[j] == gramKey) j++;
            uint hash = Hash(gramKey);   // cheaper than a dictionary lookup: decide ownership first
            if (hash / (uint)passes % (uint)workers != worker) { i = j; continue; }
            if (!grams.TryGetValue(gramKey, out var gram)) grams.Add(gramKey, gram = new Gram(hash));
            bool positional = Length(gramKey) == MaxGram;
            int t = 0, h = 0, o = 0;
            for (int k = i; k < j; k++)
            {
                if (ps[k] < text.TitleEnd) t++; else if (ps[k] < text.HeadEnd) h++; else o++;
            }
            Put(ref gram.Docs, ref gram.DocsLength, gram.LastDoc < 0 ? id : id - gram.LastDoc);
            Put(ref gram.Docs, ref gram.DocsLength, o << 2 | (t > 0 ? 1 : 0) | (h > 0 ? 2 : 0));
            if (t > 0) Put(ref gram.Docs, ref gram.DocsLength, t);
            if (h > 0) Put(ref gram.Docs, ref gram.DocsLength, h);
            gram.LastDoc = id;
            if (positional)
            {
                gram.Positions ??= new byte[8];
                for (int k = i; k < j; k++) Put(ref gram.Positions, ref gram.PositionsLength, k == i ? ps[k] : ps[k] - ps[k - 1]);
            }
            i = j;
        }
    }

    /// <summary>Appends one char-varint to a growable byte stream.</summary>
    static void Put(ref byte[] bytes, ref int length, int value)
    {
        if (length + 7 > bytes.Length) Array.Resize(ref bytes, Math.Max(bytes.Length * 2, length + 7));
        while (value >= 32)
        {
            bytes[length++] = (byte)CharVarint.Alphabet[(value & 31) | 32];
            value >>= 5;
        }
        bytes[length++] = (byte)CharVarint.Alphabet[value];
    }

    static string GramText(long key)
    {
        var sb = new StringBuilder(6);
        for (int shift = 42; shift >= 0; shift -= 21)
        {
            int cp = (int)(key >> shift & 0x1FFFFF);
            if (cp == 0) break;
            sb.Append(char.ConvertFromUtf32(cp));
        }
        return sb.ToString();
    }

    /// <summary>Writes this pass's buckets of one kind; returns how many streams got a file of their own.</summary>
    static int WriteBuckets(string kind, int buckets, int pass, int passes, IEnumerable<(string Text, uint Hash, byte[] Bytes, int Length)> grams,
        SearchIndexOptions options, Action<string, string> emit)
    {
        var byBucket = new List<(string Text, byte[] Bytes, int Length)>[buckets];
        foreach (var g in grams) (byBucket[g.Hash % (uint)buckets] ??= []).Add((g.Text, g.Bytes, g.Length));
        int own = 0;
        for (int b = pass; b < buckets; b += passes)
        {
            var sb = new StringBuilder($"BaokuSearch.{kind}({b},{{");
            var list = byBucket[b] ?? [];
            list.Sort((x, y) => string.CompareOrdinal(x.Text, y.Text));
            for (int k = 0; k < list.Count; k++)
            {
                var (text, bytes, length) = list[k];
                var stream = Encoding.ASCII.GetString(bytes, 0, length);
                if (k > 0) sb.Append(',');
                sb.Append('"').Append(text).Append("\":");
                if (length > options.OwnFileBytes)
                {
                    var name = $"{kind}{b}-{k}";
                    emit($"g/{name}.js", $"BaokuSearch.g(\"{name}\",\"{stream}\");\n");
                    sb.Append("{\"f\":\"g/").Append(name).Append("\"}");
                    own++;
                }
                else sb.Append('"').Append(stream).Append('"');
            }
            sb.Append("});\n");
            emit($"{kind}/{b}.js", sb.ToString());
        }
        return own;
    }
}
