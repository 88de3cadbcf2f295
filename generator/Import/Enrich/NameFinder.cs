using Baoku.Import.Read;
using static Baoku.Import.Enrich.TextScan;

namespace Baoku.Import.Enrich;

/// <summary>
/// People the post-word rules of <see cref="PeopleExtractor"/> cannot see, found with the segmenter: a name the
/// segmenter is sure of (a dictionary name, nr, or a three-character word of its HMM starting with a surname) when the
/// context confirms it is a person: a speech verb right after it (雷金水说, 季宏亮介绍), or a post right after it
/// (习近平总书记, 胡文建副市长). And the short forms (胡市长) that refer to a full name already found.
/// </summary>
/// <remarks>
/// Only short windows are cut: the clause before each speech verb, the few characters before each post word.
/// </remarks>
public static class NameFinder
{
    /// <summary>Posts that may follow a name (习近平总书记, 胡文建副市长); the long lists of <see cref="PeopleExtractor"/> are for posts before it.</summary>
    private static readonly string[] PostsAfterName = LongestFirst(
    [
        "总书记", "书记", "副书记", "市长", "副市长", "县长", "副县长", "镇长", "副镇长", "乡长", "省长", "副省长",
        "主任", "副主任", "局长", "副局长", "部长", "副部长", "主席", "副主席", "委员长", "总理", "副总理",
    ]);

    /// <summary>Words between a name and its speech verb that do not break the link (王晓丽也说, 雷金水笑着说).</summary>
    private static readonly string[] Adverbials = ["也", "还", "则", "都", "又", "笑着", "激动地", "高兴地", "感慨地", "坦言"];

    private const int SpeechWindow = 8;

    /// <summary>
    /// The length of the person's name the segmenter reads at <paramref name="i"/> (2–4 characters, starting with a
    /// surname, tagged nr/nrfg/nrt or, for three characters, unknown to the dictionary), or 0.
    /// </summary>
    public static int NameLengthAt(Lexicon lexicon, string t, int i)
    {
        var end = i;
        while (end < t.Length && end - i < 6 && Hanzi.IsIdeograph(t[end])) end++;
        if (end - i < 2) return 0;
        var words = lexicon.Cut(t[i..end]);
        return words.Count > 0 && IsName(lexicon, words[0]) ? words[0].Length : 0;
    }

    /// <summary>A word the segmenter is sure is a person's name.</summary>
    public static bool IsName(Lexicon lexicon, string w)
    {
        if (w.Length is < 2 or > 4 || PeopleExtractor.CommonWords.Contains(w) || PeopleExtractor.CommonWords.Contains(w[..2])) return false;
        if (PeopleExtractor.Honorifics.Any(h => w.EndsWith(h, StringComparison.Ordinal))) return false; // 杨先生: no name to link
        return lexicon.Tag(w) switch
        {
            "nrfg" => true,                                // the dictionary's full names (习近平), any surname
            "nr" or "nrt" => StartsWithSurname(w),
            null => w.Length == 3 && StartsWithSurname(w) && w.All(Hanzi.IsIdeograph),
            _ => false,
        };
    }

    private static bool StartsWithSurname(string w) =>
        PeopleExtractor.Surnames.Contains(w[0]) || PeopleExtractor.DoubleSurnames.Any(d => w.StartsWith(d, StringComparison.Ordinal));

    /// <summary>People named before a speech verb or a post, in text order; <paramref name="known"/> are left out.</summary>
    public static IReadOnlyList<PersonMention> Find(Lexicon lexicon, string t, IReadOnlyCollection<PersonMention> known)
    {
        var found = new List<(PersonMention Person, int At)>();
        var seen = new HashSet<string>(known.Select(p => p.Name), StringComparer.Ordinal);
        void Add(string name, string? post, int at)
        {
            if (seen.Add(name)) found.Add((new PersonMention(name, post), at));
        }

        for (var k = 1; k < t.Length; k++)
        {
            if (StartsWithAny(t, k, PeopleExtractor.SpeechVerbs) is not null && SurnameNear(t, k) && NameBeforeSpeech(lexicon, t, k) is { } spoke)
                Add(spoke.Name, null, spoke.At);
            if (StartsWithAny(t, k, PostsAfterName) is { } post && NameBeforePost(lexicon, t, k) is { } titled)
                Add(titled, post, k - titled.Length);
        }
        return found.OrderBy(f => f.At).Select(f => f.Person).ToList();
    }

    /// <summary>A surname within the five characters before <paramref name="k"/>: no name can end there otherwise (cheap test before cutting).</summary>
    private static bool SurnameNear(string t, int k)
    {
        for (var j = Math.Max(0, k - 5); j < k; j++)
            if (PeopleExtractor.Surnames.Contains(t[j])) return true;
        return false;
    }

    /// <summary>The name that ends the clause before the speech verb at <paramref name="verbAt"/>, skipping an adverbial.</summary>
    private static (string Name, int At)? NameBeforeSpeech(Lexicon lexicon, string t, int verbAt)
    {
        var s = verbAt;
        while (s > 0 && verbAt - s < SpeechWindow && Hanzi.IsIdeograph(t[s - 1])) s--;
        var words = lexicon.Cut(t[s..verbAt]);
        var n = words.Count - 1;
        if (n >= 1 && Adverbials.Contains(words[n])) n--;
        if (n < 0 || !IsName(lexicon, words[n])) return null;
        var at = s + words.Take(n).Sum(w => w.Length);
        // The name must begin its clause or follow a role (村民吴月英说): not the tail of a longer word.
        return (words[n], at);
    }

    /// <summary>The name right before the post at <paramref name="postAt"/> (习近平总书记), or null.</summary>
    private static string? NameBeforePost(Lexicon lexicon, string t, int postAt)
    {
        var s = postAt;
        while (s > 0 && postAt - s < 6 && Hanzi.IsIdeograph(t[s - 1])) s--;
        if (postAt - s < 2) return null;
        var words = lexicon.Cut(t[s..postAt]);
        var last = words[^1];
        // A dictionary name only: an unknown word before 书记 is more often a body (党工委) than a person.
        return lexicon.Tag(last) is "nr" or "nrfg" or "nrt" && IsName(lexicon, last) ? last : null;
    }

    /// <summary>
    /// The full name a short form refers to (胡市长 → 胡勇春 when the article's only person surnamed 胡 holds a post
    /// ending in 市长), or null when none or several could be meant. Never maps one full name to another.
    /// </summary>
    public static string? ResolveShortForm(string shortForm, IReadOnlyList<PersonMention> people)
    {
        if (shortForm.Length < 2) return null;
        var surname = PeopleExtractor.DoubleSurnames.FirstOrDefault(d => shortForm.StartsWith(d, StringComparison.Ordinal))
            ?? (PeopleExtractor.Surnames.Contains(shortForm[0]) ? shortForm[..1] : null);
        if (surname is null) return null;
        var post = shortForm[surname.Length..];
        if (!PostsAfterName.Contains(post)) return null;
        var candidates = people
            .Where(p => p.Name.StartsWith(surname, StringComparison.Ordinal) && p.Name.Length > surname.Length
                && p.Post is { } full && full.Split('、').Any(part => part.EndsWith(post, StringComparison.Ordinal)))
            .Select(p => p.Name).Distinct().ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }
}
