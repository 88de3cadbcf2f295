namespace Baoku.Tests.Support;

/// <summary>An article cut by hand from a seed page (tests/Fixtures/SeedArticles/NNN.txt): de-spaced, lines joined, one paragraph per line.</summary>
public sealed record SeedArticle(string Page, string Id, IReadOnlyList<string> HeadlineParts, IReadOnlyList<string> Paragraphs)
{
    /// <summary>Kicker + title + subtitle.</summary>
    public string Headline => string.Join(" ", HeadlineParts);
    public string Body => string.Join("\n", Paragraphs);
    public string FirstParagraph => Paragraphs[0];
    /// <summary>Headline and body, as the importer hands an article to date inference.</summary>
    public string FullText => HeadlineParts.Count == 0 ? Body : Headline + "\n" + Body;
}

public static class SeedArticles
{
    public static readonly string[] Pages = ["000", "001", "002", "003", "004"];

    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "seeds")) && File.Exists(Path.Combine(dir.FullName, "site.yml")))
                return dir.FullName;
        throw new InvalidOperationException("repository root (with seeds/ and site.yml) not found above " + AppContext.BaseDirectory);
    }

    public static string SeedPath(string page) =>
        Directory.GetFiles(Path.Combine(RepoRoot, "seeds"), page + "_*.txt").Single();

    public static IReadOnlyList<SeedArticle> Load(string page)
    {
        var path = Path.Combine(RepoRoot, "tests", "Fixtures", "SeedArticles", page + ".txt");
        var result = new List<SeedArticle>();
        string? id = null;
        List<string> headline = [];
        List<string> paragraphs = [];
        void Flush()
        {
            if (id is not null) result.Add(new SeedArticle(page, id, headline, paragraphs));
            headline = [];
            paragraphs = [];
        }
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal)) { Flush(); id = line[3..].Trim(); }
            else if (line.StartsWith('#') || line.Trim().Length == 0) continue;
            else if (line.StartsWith("headline:", StringComparison.Ordinal))
                headline = line["headline:".Length..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            else paragraphs.Add(line.Trim());
        }
        Flush();
        return result;
    }

    public static SeedArticle Get(string page, string id) => Load(page).Single(a => a.Id == id);

    public static IEnumerable<SeedArticle> All() => Pages.SelectMany(Load);
}
