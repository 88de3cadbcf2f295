namespace Baoku.Import.Enrich;

public enum DateConfidence { Low, Medium, High, Explicit }

public static class DateConfidenceNames
{
    /// <summary>As the front-matter writes it: low, medium, high, explicit.</summary>
    public static string Name(this DateConfidence c) => c.ToString().ToLowerInvariant();
}

/// <summary>
/// A page's publication date, how sure we are, and why (one short line of evidence per clue, in Chinese with English in
/// parentheses). <see cref="YearUnknown"/>: nothing on or about the page tells the year, the year is a guess
/// (<see cref="Review"/> then asks an editor to check it).
/// </summary>
public sealed record InferredDate(DateOnly Date, DateConfidence Confidence, IReadOnlyList<string> Evidence)
{
    public bool YearUnknown { get; init; }
    public IReadOnlyList<string> Review { get; init; } = [];
}

/// <summary>One story of a page as the date inference reads it: its headline and its paragraphs, in print order.</summary>
public sealed record StoryText(string Headline, IReadOnlyList<string> Paragraphs)
{
    public string FullText => Headline.Length == 0 ? string.Join("\n", Paragraphs) : Headline + "\n" + string.Join("\n", Paragraphs);
}

/// <summary>
/// Everything on a page that can date it: the raw file's path below the import folder ('/' separated), its stories,
/// and the text of every other item (labels, page headers, web meta lines, captions, ads, headlines without a body).
/// </summary>
public sealed record PageText(string RelativePath, IReadOnlyList<StoryText> Stories, IReadOnlyList<string> Others)
{
    public IEnumerable<string> AllTexts => Stories.Select(s => s.FullText).Concat(Others);
}

/// <summary>
/// What a person stated about the date. <see cref="Stated"/>: this page's date in site.yml <c>pages:</c> or its sidecar;
/// <see cref="RunDate"/> / <see cref="RunYear"/>: <c>import --date</c> / <c>--year</c>, for every page of the run.
/// </summary>
public sealed record DateOverrides(DateOnly? Stated = null, DateOnly? RunDate = null, int? RunYear = null)
{
    public static DateOverrides None { get; } = new();
}

/// <summary>The year to assume for a page with no clue to its year at all, and where it comes from (shown as evidence).</summary>
public sealed record YearHint(int Year, string Why);
