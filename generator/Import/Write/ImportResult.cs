using Baoku.Content;
using Baoku.Import.Assemble;
using Baoku.Import.Enrich;
using Baoku.Import.Read;

namespace Baoku.Import.Write;

/// <summary>What one page held: each item found, in print order, and the date given to the page.</summary>
public sealed record PageReport(string File, string? DateLine, IReadOnlyList<ReportItem> Items, IReadOnlyList<string> Notes)
{
    /// <summary>The raw page's lines (numbered from 1), for the review page; the report itself does not print them.</summary>
    public IReadOnlyList<RawLine> RawLines { get; init; } = [];

    /// <summary>Every headline between body paragraphs and why it was read as a new story or an intertitle.</summary>
    public IReadOnlyList<BoundaryDecision> Boundaries { get; init; } = [];

    /// <summary>The page's date with its confidence and evidence (<see cref="DateLine"/> is its one-line form).</summary>
    public InferredDate? Date { get; init; }
}

public enum ItemKind { Article, PhotoStory, Continuation, OrphanHeadline, Fragment, ColumnLabel, Caption, Ad, Byline, Furniture }

/// <summary>One thing on a raw page. <see cref="Lines"/> covers its raw lines, blank lines included.</summary>
public sealed record ReportItem(ItemKind Kind, string Text, string Lines, IReadOnlyList<string> Notes)
{
    public string? ArticleKey { get; init; }

    /// <summary>The notes that say the importer guessed (a headline placed by content or position, none found, an
    /// unsure headline structure): what the review page flags. Each is also in <see cref="Notes"/>.</summary>
    public IReadOnlyList<string> Doubts { get; init; } = [];
}

/// <summary>An article ready to be written, with the key that identifies its source across imports.</summary>
public sealed record ImportedArticle(string RelativePath, string SourceKey, ArticleFrontMatter FrontMatter, IReadOnlyList<BodyBlock> Body,
    IReadOnlyList<string> AutoCampaigns);

public enum FileOutcome { Created, Updated, Unchanged, KeptEdited, Replaced, Renamed, Conflict }

public sealed record FileResult(string RelativePath, FileOutcome Outcome, string? Note);

public sealed record ImportResult(
    IReadOnlyList<PageReport> Pages,
    IReadOnlyList<ImportedArticle> Articles,
    IReadOnlyList<FileResult> Files,
    IReadOnlyList<Problem> Problems,
    bool Written)
{
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
}
