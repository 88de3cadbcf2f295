using Baoku.Config;
using Baoku.Import.Read;

namespace Baoku.Import.Assemble;

/// <summary>Everything found on a page after assembly: stories, headlines still loose, and the other items.</summary>
public sealed record AssembledPage(List<Story> Stories, List<LooseHeadline> Headlines, List<Unit> Others)
{
    /// <summary>Every headline that stood between body paragraphs, and whether it was read as an intertitle or a new story.</summary>
    public List<BoundaryDecision> Boundaries { get; init; } = [];
}

/// <summary>
/// Walks a page's units in print order and groups paragraphs into stories. Story starts are a lead (本报讯…), （紧接…）,
/// a byline before a body, or a paragraph after a closed story; a byline after a body closes it. A headline inside
/// an open story followed by more of its text is an intertitle; any other headline stays loose for the matcher.
/// A closing credit (（记者 X）, 来源：…, 编辑：X) belongs to the story printed just before it; byline lines one under
/// another (记者 X / 市委报道组 Y / 宣传部供图) are one byline.
/// </summary>
public static class StoryAssembler
{
    public static AssembledPage Assemble(IReadOnlyList<Unit> units, PaperProfile paper)
    {
        var stories = new List<Story>();
        var loose = new List<LooseHeadline>();
        var others = new List<Unit>();
        Story? current = null;
        Byline? pendingByline = null;
        Unit? pendingBylineUnit = null;
        string? pendingColumn = null;
        var waiting = new List<LooseHeadline>();   // headlines printed just before the next story
        var boundaries = new List<BoundaryDecision>();
        var words = new PageWords();
        Story? justClosed = null;                   // the story a byline or credit right before this unit closed
        int pendingAt = -1;                         // the unit the pending byline ends with

        void Close() => current = null;

        Story Open(bool continuation)
        {
            Close();
            var s = new Story { Index = stories.Count, IsContinuation = continuation, Column = pendingColumn };
            pendingColumn = null;
            if (pendingByline is not null)
            {
                s.BylineBefore = pendingByline;
                s.Units.Add(pendingBylineUnit!);
                pendingByline = null;
                pendingBylineUnit = null;
            }
            foreach (var h in waiting) h.StoryAfter = s;
            waiting.Clear();
            stories.Add(s);
            return current = s;
        }

        for (int i = 0; i < units.Count; i++)
        {
            var u = units[i];
            var next = i + 1 < units.Count ? units[i + 1] : null;
            var closedBefore = justClosed;
            justClosed = null;
            bool underPending = pendingBylineUnit is not null && pendingAt == i - 1;
            switch (u.Kind)
            {
                case UnitKind.ColumnLabel:
                    others.Add(u);
                    pendingColumn = u.Text;
                    waiting.Clear();
                    break;

                case UnitKind.Furniture when u.Furniture is FurnitureKind.PageHeader or FurnitureKind.Label or FurnitureKind.WebNav:
                    // The top of a page or of a new column: headlines before it are not the next story's.
                    others.Add(u);
                    waiting.Clear();
                    break;

                case UnitKind.Furniture when u.Furniture is FurnitureKind.JumpOut:
                    // The story goes on on another page: what follows here is another story.
                    others.Add(u);
                    if (current is not null) current.Notes.Add(new($"正文转到其他版面继续：{u.Text} (the story goes on on another page)"));
                    Close();
                    break;

                case UnitKind.Furniture:
                case UnitKind.Caption:
                case UnitKind.Ad:
                    others.Add(u);
                    break;

                case UnitKind.Byline:
                    if (u.Byline is { Form: BylineForm.Closing } closing && (current is { Body.Count: > 0 } ? current : closedBefore) is { } target)
                    {
                        if (closing.HasPeople && target.BylineAfter is null) target.BylineAfter = closing;
                        else target.Credits.Add(closing);
                        target.Units.Add(u);
                        Close();
                        justClosed = target;
                        break;
                    }
                    if (underPending)
                    {
                        (pendingByline, pendingBylineUnit) = Merged(pendingByline!, pendingBylineUnit!, u);
                        pendingAt = i;
                        break;
                    }
                    if (u.Byline is { HasPeople: false })
                    {
                        others.Add(u);   // an editor or a source with no story before it
                        break;
                    }
                    bool boxed = u.Byline?.Top == true;
                    // A byline after a story's text that no text follows (a headline, a label or the page's end does) ends
                    // that text, even when the story has a lead byline: the text may be another story run on, which
                    // its headline printed after it splits off (HeadlineAnchors), byline and all.
                    bool endsText = current is { Body.Count: > 0 } && next is not { Kind: UnitKind.Paragraph or UnitKind.Byline };
                    if (!boxed && current is { Body.Count: > 0 } && (!current.HasWriterByline || endsText && current.BylineAfter is null))
                    {
                        current.BylineAfter = u.Byline;
                        current.Units.Add(u);
                        justClosed = current;
                        Close();
                    }
                    else
                    {
                        Close();
                        if (pendingBylineUnit is not null) others.Add(pendingBylineUnit);
                        pendingByline = u.Byline;
                        pendingBylineUnit = u;
                        pendingAt = i;
                    }
                    break;

                case UnitKind.PhotoCredit:
                    if (current is { Body.Count: > 0 })
                    {
                        current.PhotoCredits.Add(u.Byline!);
                        current.Units.Add(u);
                        justClosed = current;
                        Close();
                    }
                    else if (underPending)
                    {
                        (pendingByline, pendingBylineUnit) = Merged(pendingByline!, pendingBylineUnit!, u);
                        pendingAt = i;
                    }
                    else others.Add(u);
                    break;

                case UnitKind.Headline:
                    bool moreTextFollows = next is { Kind: UnitKind.Paragraph } && !StartsStory(next, paper);
                    BoundaryDecision? decision = null;
                    if (current is { Body.Count: > 0 } && moreTextFollows)
                    {
                        decision = SectionBoundary.Judge(current, u, Section(units, i + 1, paper), words);
                        boundaries.Add(decision);
                        if (!decision.NewStory)
                        {
                            current.Body.Add(new BodyPart(true, HeadlineComposer.Intertitle(u.Lines), u.LineNumbers.ToList()));
                            current.Units.Add(u);
                            break;
                        }
                    }
                    // Printed right after a story's text, or after the byline or credit that closed it.
                    var h = new LooseHeadline { Unit = u, Parts = HeadlineComposer.Parts(u.Lines), StoryBefore = current is { Body.Count: > 0 } ? current : closedBefore };
                    loose.Add(h);
                    waiting.Add(h);
                    Close();
                    break;

                case UnitKind.Paragraph:
                    if (StartsStory(u, paper) || current is null)
                        Open(PageFurniture.IsContinuedFrom(u.Text));
                    var text = u.Text;
                    if (current!.Body.Count == 0 && BylineParser.SplitLead(Printed(u), text, paper) is ({ } lead, var rest))
                    {
                        current.DatelineByline = lead;
                        text = rest;
                    }
                    current.Body.Add(new BodyPart(false, text, u.LineNumbers.ToList()));
                    current.Units.Add(u);
                    break;
            }
        }
        Close();
        if (pendingBylineUnit is not null) others.Add(pendingBylineUnit);
        return new AssembledPage(stories, loose, others) { Boundaries = boundaries };
    }

    /// <summary>The paragraphs from <paramref name="start"/> up to the next unit that is not a paragraph.</summary>
    static List<Unit> Section(IReadOnlyList<Unit> units, int start, PaperProfile paper)
    {
        var section = new List<Unit>();
        for (int k = start; k < units.Count && units[k].Kind == UnitKind.Paragraph; k++)
        {
            if (k > start && StartsStory(units[k], paper)) break;
            section.Add(units[k]);
        }
        return section;
    }

    static bool StartsStory(Unit u, PaperProfile paper) =>
        PageFurniture.IsContinuedFrom(u.Text) || BylineParser.StartsWithLead(string.Join("\n", Printed(u)), paper);

    static List<string> Printed(Unit u) => u.Lines.Select(l => l.Raw).ToList();

    /// <summary>A byline line right under a pending byline continues it.</summary>
    static (Byline, Unit) Merged(Byline pending, Unit pendingUnit, Unit u) =>
        u.Byline is null ? (pending, pendingUnit) : (pending.Merge(u.Byline),
            pendingUnit with { Lines = [.. pendingUnit.Lines, .. u.Lines], Text = pendingUnit.Text + " " + u.Text, Byline = pending.Merge(u.Byline) });
}
