using System.Text.Json;

namespace Baoku.Search;

/// <summary>How often one query term occurs in one document, per field.</summary>
public readonly record struct TermCounts(int Title, int Head, int Other)
{
    public int Total => Title + Head + Other;
}

public sealed record SearchHit(int Id, int TitleTerms, int HeadTerms, int Occurrences);

/// <summary>A query's answer: the ranked hits after filters, and the counts shown beside the filters.</summary>
public sealed record SearchResult(
    IReadOnlyList<string> Terms, IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<int> CampaignCounts, IReadOnlyList<(int Year, int Count)> YearCounts);

/// <summary>
/// Answers queries from a built index folder exactly as assets/search.js does in the browser (docs/search-index.md):
/// the C# side of the tests and benchmarks. It reads only the files a query needs and counts their bytes.
/// </summary>
public sealed class SearchEngine
{
    readonly Func<string, string?> _read;
    readonly Dictionary<string, JsonElement> _buckets = [];
    readonly Dictionary<string, string?> _streams = [];
    readonly Dictionary<string, DocsList> _docsLists = [];

    public int DocumentCount { get; }
    public int DocsBuckets { get; }
    public int PositionsBuckets { get; }
    public IReadOnlyList<string> Campaigns { get; }
    public IReadOnlyList<(int Year, int FirstId, int Count)> Years { get; }
    readonly long[] _campaignMasks;

    /// <summary>Bytes of every index file read so far (meta.js included).</summary>
    public long BytesRead { get; private set; }
    public HashSet<string> FilesRead { get; } = [];

    public static SearchEngine Open(string siteFolder) =>
        new(path =>
        {
            var file = Path.Combine(siteFolder, "search", path.Replace('/', Path.DirectorySeparatorChar));
            return File.Exists(file) ? File.ReadAllText(file) : null;
        });

    /// <param name="read">Reads a file of the search folder by its path relative to it ("i/12.js"); null when missing.</param>
    public SearchEngine(Func<string, string?> read)
    {
        _read = read;
        var meta = Payload(Load("meta.js") ?? throw new FileNotFoundException("search/meta.js"))[0];
        DocumentCount = meta.GetProperty("docs").GetInt32();
        DocsBuckets = meta.GetProperty("ib").GetInt32();
        PositionsBuckets = meta.GetProperty("pb").GetInt32();
        Campaigns = meta.GetProperty("campaigns").EnumerateArray().Select(c => c[0].GetString()!).ToList();
        Years = meta.GetProperty("years").EnumerateArray().Select(y => (y[0].GetInt32(), y[1].GetInt32(), y[2].GetInt32())).ToList();
        int cw = meta.GetProperty("cw").GetInt32();
        var cm = meta.GetProperty("cm").GetString()!;
        _campaignMasks = new long[DocumentCount];
        for (int i = 0; i < DocumentCount; i++)
            for (int j = 0; j < cw; j++)
                _campaignMasks[i] |= (long)CharVarint.Alphabet.IndexOf(cm[i * cw + j]) << (6 * j);
    }

    string? Load(string path)
    {
        var text = _read(path);
        if (text is not null && FilesRead.Add(path)) BytesRead += System.Text.Encoding.UTF8.GetByteCount(text);
        return text;
    }

    /// <summary>The arguments of the one call an index file makes: <c>BaokuSearch.x(a, b);</c> → [a, b].</summary>
    static JsonElement[] Payload(string script)
    {
        int open = script.IndexOf('('), close = script.LastIndexOf(')');
        using var doc = JsonDocument.Parse("[" + script[(open + 1)..close] + "]");
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    public int YearOf(int id) => Years.First(y => id >= y.FirstId && id < y.FirstId + y.Count).Year;
    public bool InCampaign(int id, int campaign) => (_campaignMasks[id] >> campaign & 1) != 0;

    /// <summary>The site-relative URL and title of a document (reads its d/ file).</summary>
    public (string Url, string Title) Document(int id)
    {
        var d = Payload(Load($"d/{id}.js") ?? throw new FileNotFoundException($"search/d/{id}.js"))[1];
        return (d.GetProperty("u").GetString()!, d.GetProperty("t").GetString()!);
    }

    public SearchResult Search(string query, int? campaign = null, int? year = null)
    {
        var terms = SearchText.Terms(query);
        if (terms.Count == 0) return new SearchResult(terms, [], new int[Campaigns.Count], []);
        Dictionary<int, TermCounts[]>? matches = null;
        for (int t = 0; t < terms.Count; t++)
        {
            var found = Term(terms[t], matches?.Keys);
            var next = new Dictionary<int, TermCounts[]>();
            foreach (var (id, counts) in found)
            {
                if (matches is not null && !matches.ContainsKey(id)) continue;
                var all = matches?[id] ?? new TermCounts[terms.Count];
                all[t] = counts;
                next[id] = all;
            }
            matches = next;
            if (matches.Count == 0) break;
        }
        var hits = matches!.Select(m => new SearchHit(m.Key, m.Value.Count(c => c.Title > 0), m.Value.Count(c => c.Head > 0), m.Value.Sum(c => c.Total))).ToList();

        var campaignCounts = new int[Campaigns.Count];
        var yearCounts = new Dictionary<int, int>();
        foreach (var h in hits)
        {
            int y = YearOf(h.Id);
            if (year is null || y == year)
                for (int c = 0; c < Campaigns.Count; c++) if (InCampaign(h.Id, c)) campaignCounts[c]++;
            if (campaign is null || InCampaign(h.Id, campaign.Value)) yearCounts[y] = yearCounts.GetValueOrDefault(y) + 1;
        }
        var shown = hits.Where(h => (campaign is null || InCampaign(h.Id, campaign.Value)) && (year is null || YearOf(h.Id) == year))
            .OrderByDescending(h => h.TitleTerms).ThenByDescending(h => h.HeadTerms).ThenByDescending(h => h.Occurrences).ThenBy(h => h.Id).ToList();
        return new SearchResult(terms, shown, campaignCounts, yearCounts.OrderByDescending(y => y.Key).Select(y => (y.Key, y.Value)).ToList());
    }

    /// <summary>The documents containing one normalised term, with its counts per field.</summary>
    Dictionary<int, TermCounts> Term(string term, IEnumerable<int>? within)
    {
        var units = term.EnumerateRunes().Select(r => r.ToString()).ToArray();
        var result = new Dictionary<int, TermCounts>();
        const int g = SearchIndexWriter.MaxGram;
        if (units.Length <= g)
        {
            var list = Docs(string.Concat(units));
            for (int i = 0; i < list.Ids.Length; i++) result[list.Ids[i]] = list.Counts[i];
            return result;
        }
        // A longer term is a phrase of trigrams that together cover it: offsets 0, 3, 6, … and the last one.
        var offsets = new SortedSet<int>();
        for (int s = 0; s <= units.Length - g; s += g) offsets.Add(s);
        offsets.Add(units.Length - g);
        var lists = offsets.Select(s => (Offset: s, Gram: string.Concat(units[s..(s + g)])))
            .Select(x => (x.Offset, List: Docs(x.Gram), Positions: Positions(x.Gram))).ToList();
        if (lists.Any(l => l.List.Ids.Length == 0)) return result;
        var candidates = new HashSet<int>(lists[0].List.Ids);
        foreach (var l in lists.Skip(1)) candidates.IntersectWith(l.List.Ids);
        if (within is not null) candidates.IntersectWith(within);
        if (candidates.Count == 0) return result;

        var positions = lists.Select(l => DecodePositions(l.List, l.Positions!, candidates)).ToList();
        var first = lists[0].List;
        foreach (var id in candidates)
        {
            var p0 = positions[0][id];
            var others = positions.Skip(1).Select((p, k) => (Offset: lists[k + 1].Offset, Set: p[id].ToHashSet())).ToList();
            var c0 = first.Counts[Array.BinarySearch(first.Ids, id)];
            int t = 0, h = 0, o = 0;
            for (int k = 0; k < p0.Length; k++)
            {
                int p = p0[k];
                if (!others.All(x => x.Set.Contains(p + x.Offset))) continue;
                if (k < c0.Title) t++; else if (k < c0.Title + c0.Head) h++; else o++;
            }
            if (t + h + o > 0) result[id] = new TermCounts(t, h, o);
        }
        return result;
    }

    sealed record DocsList(int[] Ids, TermCounts[] Counts);

    DocsList Docs(string gram)
    {
        if (_docsLists.TryGetValue(gram, out var cached)) return cached;
        var stream = Stream("i", DocsBuckets, gram);
        var ids = new List<int>();
        var counts = new List<TermCounts>();
        if (stream is not null)
        {
            int at = 0, id = 0;
            while (at < stream.Length)
            {
                int delta = CharVarint.Read(stream, ref at);
                id = ids.Count == 0 ? delta : id + delta;
                int code = CharVarint.Read(stream, ref at);
                int t = (code & 1) != 0 ? CharVarint.Read(stream, ref at) : 0;
                int h = (code & 2) != 0 ? CharVarint.Read(stream, ref at) : 0;
                ids.Add(id);
                counts.Add(new TermCounts(t, h, code >> 2));
            }
        }
        return _docsLists[gram] = new DocsList([.. ids], [.. counts]);
    }

    string? Positions(string gram) => Stream("p", PositionsBuckets, gram);

    static Dictionary<int, int[]> DecodePositions(DocsList list, string stream, HashSet<int> wanted)
    {
        var result = new Dictionary<int, int[]>();
        int at = 0;
        for (int i = 0; i < list.Ids.Length; i++)
        {
            int n = list.Counts[i].Total;
            var ps = new int[n];
            int last = 0;
            for (int k = 0; k < n; k++) last = ps[k] = k == 0 ? CharVarint.Read(stream, ref at) : last + CharVarint.Read(stream, ref at);
            if (wanted.Contains(list.Ids[i])) result[list.Ids[i]] = ps;
        }
        return result;
    }

    /// <summary>A gram's stream of one kind ("i" docs, "p" positions), through its bucket and, if long, its own file.</summary>
    string? Stream(string kind, int buckets, string gram)
    {
        var key = kind + gram;
        if (_streams.TryGetValue(key, out var s)) return s;
        var bucketPath = $"{kind}/{SearchText.Fnv1a(gram) % (uint)buckets}.js";
        if (!_buckets.TryGetValue(bucketPath, out var bucket))
            _buckets[bucketPath] = bucket = Payload(Load(bucketPath) ?? throw new FileNotFoundException("search/" + bucketPath))[1];
        string? stream = null;
        if (bucket.TryGetProperty(gram, out var entry))
            stream = entry.ValueKind == JsonValueKind.String
                ? entry.GetString()
                : Payload(Load(entry.GetProperty("f").GetString() + ".js") ?? throw new FileNotFoundException("search/" + entry.GetProperty("f").GetString()))[1].GetString();
        return _streams[key] = stream;
    }
}
