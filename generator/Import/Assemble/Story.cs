using Baoku.Import.Read;

namespace Baoku.Import.Assemble;

/// <summary>A paragraph or an intertitle (##) of a story body, with the raw lines it came from.</summary>
public sealed record BodyPart(bool IsIntertitle, string Text, IReadOnlyList<int> Lines);

/// <summary>What the assembler says about a story; <see cref="NeedsReview"/> when it placed something by a guess an editor should check.</summary>
public sealed record StoryNote(string Text, bool NeedsReview = false);

/// <summary>A story being put together from the units of one page.</summary>
public sealed class Story
{
    public required int Index { get; set; }
    public List<BodyPart> Body { get; } = [];
    public List<Unit> Units { get; } = [];
    public Byline? BylineBefore { get; set; }
    public Byline? BylineAfter { get; set; }
    public Byline? DatelineByline { get; set; }
    public List<Byline> PhotoCredits { get; } = [];
    /// <summary>Credits printed after the body besides the byline: 来源：…, 编辑：X, （X局）.</summary>
    public List<Byline> Credits { get; } = [];
    public string? Column { get; set; }
    public bool IsContinuation { get; set; }
    public bool IsPhotoStory { get; set; }
    public LooseHeadline? Headline { get; set; }
    public List<StoryNote> Notes { get; } = [];

    public bool HasWriterByline => BylineBefore is not null || BylineAfter is not null || DatelineByline is not null;
    public IEnumerable<int> LineNumbers => Units.SelectMany(u => u.LineNumbers);
    public string BodyText => string.Join("\n", Body.Select(b => b.Text));
    public int FirstLine => Units.Min(u => u.First);
}

/// <summary>
/// A headline not yet tied to a story. <see cref="StoryBefore"/> is the story it was printed right after,
/// <see cref="StoryAfter"/> the one that starts right after it: both only hints, the text decides.
/// </summary>
public sealed class LooseHeadline
{
    public required Unit Unit { get; init; }
    public required List<string> Parts { get; init; }
    public Story? StoryBefore { get; set; }
    public Story? StoryAfter { get; set; }
    public string Text => string.Concat(Parts);
}
