using Baoku.Import.Read;
namespace Baoku.Import.Enrich;

/// <summary>A named person in an article. <see cref="Post"/> is the title printed next to the name
/// (e.g. "副市长", "开发区党工委书记、管委会主任"), or null when none was seen.</summary>
public sealed record PersonMention(string Name, string? Post);

/// <summary>People, organisations and places named in one article, each list in order of first occurrence, without duplicates.</summary>
public sealed record ExtractedEntities(IReadOnlyList<PersonMention> People, IReadOnlyList<string> Orgs, IReadOnlyList<string> Places);

/// <summary>
/// Named-entity extraction for cleaned article text (headline + paragraphs joined with "\n"): the rules of
/// <see cref="PeopleExtractor"/> and <see cref="OrgExtractor"/> (posts, suffixes, lists), and with the segmenter
/// (<see cref="Lexicon"/>) what they miss: people before a speech verb or a post (<see cref="NameFinder"/>), bodies of
/// any county or town (<see cref="InstitutionExtractor"/>) and places (<see cref="PlaceExtractor"/>). Deterministic;
/// pure but for the lexicon, which is loaded once and never changed.
/// </summary>
/// <remarks>
/// Merging: a name whose every occurrence lies inside a longer name of the same kind is that longer name (市商务局 in
/// 义乌市商务局, 孙立 in 孙立强); a surname with a post (胡市长) is the one person of that surname holding that post, and
/// never a person of its own. Two different full names are never merged.
/// </remarks>
public static class EntityExtractor
{
    /// <summary>Rules and segmenter (the process's shared <see cref="Lexicon"/>, loaded on first use).</summary>
    public static ExtractedEntities Extract(string text) => Extract(text, Lexicon.Shared);

    /// <param name="lexicon">The segmenter; null for the rules alone (no places).</param>
    public static ExtractedEntities Extract(string text, Lexicon? lexicon)
    {
        text ??= "";
        if (lexicon is null)
            return new ExtractedEntities(PeopleExtractor.Extract(text), OrgExtractor.Extract(text), []);

        var orgs = OrgExtractor.Extract(text)
            .Select(o => InstitutionExtractor.Correct(lexicon, text, o, text.IndexOf(o, StringComparison.Ordinal)))
            .Concat(InstitutionExtractor.Find(lexicon, text))
            .Where(o => !OrgExtractor.Excluded.Contains(o.Name))
            .ToList();
        var orgNames = Merge(text, orgs);
        // 产业党建联盟 after 智能门（锁）产业党建联盟: a short form of a name of the article, not another body.
        orgNames = orgNames.Where(o => !(InstitutionExtractor.SelfNamed.Any(x => o.EndsWith(x, StringComparison.Ordinal))
            && orgNames.Any(l => l.Length > o.Length && l.EndsWith(o, StringComparison.Ordinal)))).ToList();

        var ruled = PeopleExtractor.Extract(text, (t, i) => NameFinder.NameLengthAt(lexicon, t, i));
        var people = ruled.Concat(NameFinder.Find(lexicon, text, ruled))
            .Where(p => NameFinder.ResolveShortForm(p.Name, ruled) is null && !IsShortForm(p.Name))
            .ToList();
        var personNames = Merge(text, people.Select(p => (p.Name, text.IndexOf(p.Name, StringComparison.Ordinal))));
        var byName = people.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Post?.Length ?? 0).First());
        var mentions = personNames.Select(n => byName[n]).ToList();

        var masked = orgNames.Concat(personNames).Concat(mentions.Select(p => p.Post).OfType<string>())
            .SelectMany(s => Occurrences(text, s).Select(k => (k, k + s.Length)))
            .ToList();
        return new ExtractedEntities(mentions, orgNames, PlaceExtractor.Extract(lexicon, text, masked));
    }

    /// <summary>A surname followed by a post (胡市长): a way of naming someone, not a name.</summary>
    private static bool IsShortForm(string name) =>
        name.Length >= 2 && PeopleExtractor.Surnames.Contains(name[0]) && PeopleExtractor.PostWords.Contains(name[1..]);

    /// <summary>Distinct names in order of first occurrence, without those found only inside a longer one.</summary>
    private static IReadOnlyList<string> Merge(string t, IEnumerable<(string Name, int At)> found)
    {
        var list = found.Where(f => f.Name.Length >= 2).ToList();
        var names = list.Select(f => f.Name).Distinct().ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return list
            .Where(f => !OnlyInside(t, f.Name, names))
            .Select(f => (f.Name, First: Math.Min(f.At < 0 ? int.MaxValue : f.At, Math.Max(0, t.IndexOf(f.Name, StringComparison.Ordinal)))))
            .OrderBy(f => f.First)
            .Where(f => seen.Add(f.Name))
            .Select(f => f.Name)
            .ToList();
    }

    /// <summary>Whether every occurrence of <paramref name="name"/> lies inside an occurrence of a longer name of <paramref name="names"/>.</summary>
    private static bool OnlyInside(string t, string name, IReadOnlyList<string> names)
    {
        var longer = names.Where(n => n.Length > name.Length && n.Contains(name, StringComparison.Ordinal)).ToList();
        if (longer.Count == 0) return false;
        var spans = longer.SelectMany(n => Occurrences(t, n).Select(k => (k, k + n.Length))).ToList();
        var any = false;
        foreach (var k in Occurrences(t, name))
        {
            any = true;
            if (!spans.Any(s => s.Item1 <= k && k + name.Length <= s.Item2)) return false;
        }
        return any;
    }

    private static IEnumerable<int> Occurrences(string t, string s)
    {
        if (s.Length == 0) yield break;
        for (var k = t.IndexOf(s, StringComparison.Ordinal); k >= 0; k = t.IndexOf(s, k + 1, StringComparison.Ordinal))
            yield return k;
    }
}
