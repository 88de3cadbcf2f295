namespace Baoku.Content;

/// <summary>One content file after parsing: the article (when it has no error), its problems, and what the
/// cross-file checks need (its URL and aliases, with the lines to report them on).</summary>
internal sealed class ParsedFile(string relativePath, string shownPath, List<Problem> problems)
{
    public string RelativePath { get; } = relativePath;
    /// <summary>The file as problems name it, e.g. content/2023/01/x.md.</summary>
    public string ShownPath { get; } = shownPath;
    public List<Problem> Problems { get; } = problems;
    public Article? Article { get; set; }

    /// <summary>The article's site path without slashes at the ends: YYYY/MM/slug.</summary>
    public string? UrlKey { get; set; }
    public int? UrlLine { get; set; }
    public List<(string Key, int? Line)> AliasKeys { get; } = [];

    public bool HasErrors => Problems.Exists(p => p.IsError);

    public void Add(ProblemCode code, int? line, string zh, string en) => Problems.Add(Problem.Of(code, ShownPath, line, zh, en));

    /// <summary>Problems by line (problems without a line first), keeping the order they were found in on one line.</summary>
    public IReadOnlyList<Problem> SortedProblems() => Problems.Count < 2 ? Problems : Problems.OrderBy(p => p.Line ?? 0).ToList();

    public static ParsedFile Failed(ProblemCode code, string relativePath, string shownPath, int? line, string zh, string en)
    {
        var f = new ParsedFile(relativePath, shownPath, []);
        f.Add(code, line, zh, en);
        return f;
    }
}
