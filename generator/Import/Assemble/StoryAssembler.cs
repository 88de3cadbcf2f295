using Baoku.Import.Read;

namespace Baoku.Import.Assemble;

/// <summary>Everything found on a page after assembly: stories, headlines still loose, and the other items.</summary>
public sealed record AssembledPage(List<Story> Stories, List<LooseHeadline> Headlines, List<Unit> Others);

/// <summary>
/// Walks a page's units in print order and groups paragraphs into stories. Story starts are 本报讯, （紧接…）,
/// a byline before a body, or a paragraph after a closed story; a byline after a body closes it. A headline inside
/// an open story followed by more of its text is an intertitle; any other headline stays loose for the matcher.
/// </summary>
public static class StoryAssembler
{
    public static AssembledPage Assemble(IReadOnlyList<Unit> units)
    {
        var stories = new List<Story>();
        var loose = new List<LooseHeadline>();
        var others = new List<Unit>();
        Story? current = null;
        Byline? pendingByline = null;
        Unit? pendingBylineUnit = null;
        string? pendingColumn = null;
        var waiting = new List<LooseHeadline>();   // headlines printed just before the next story

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

                case UnitKind.Furniture:
                case UnitKind.Caption:
                case UnitKind.Ad:
                    others.Add(u);
                    break;

                case UnitKind.Byline:
                    bool boxed = u.Lines[0].Raw.TrimStart().StartsWith('□');
                    if (!boxed && current is { Body.Count: > 0 } && !current.HasWriterByline)
                    {
                        current.BylineAfter = u.Byline;
                        current.Units.Add(u);
                        Close();
                    }
                    else
                    {
                        Close();
                        if (pendingBylineUnit is not null) others.Add(pendingBylineUnit);
                        pendingByline = u.Byline;
                        pendingBylineUnit = u;
                    }
                    break;

                case UnitKind.PhotoCredit:
                    if (current is { Body.Count: > 0 })
                    {
                        current.PhotoCredits.Add(u.Byline!);
                        current.Units.Add(u);
                        Close();
                    }
                    else others.Add(u);
                    break;

                case UnitKind.Headline:
                    bool moreTextFollows = next is { Kind: UnitKind.Paragraph } && !StartsStory(next);
                    if (current is { Body.Count: > 0 } && moreTextFollows)
                    {
                        current.Body.Add(new BodyPart(true, HeadlineComposer.Intertitle(u.Lines), u.LineNumbers.ToList()));
                        current.Units.Add(u);
                        break;
                    }
                    var h = new LooseHeadline { Unit = u, Parts = HeadlineComposer.Parts(u.Lines), StoryBefore = current is { Body.Count: > 0 } ? current : null };
                    loose.Add(h);
                    waiting.Add(h);
                    Close();
                    break;

                case UnitKind.Paragraph:
                    if (StartsStory(u) || current is null)
                        Open(u.Text.StartsWith("（紧接", StringComparison.Ordinal) || u.Text.StartsWith("(紧接", StringComparison.Ordinal));
                    var text = u.Text;
                    if (current!.Body.Count == 0 && BylineParser.StartsWithDateline(text))
                    {
                        var (byline, rest) = BylineParser.SplitDateline(text);
                        current.DatelineByline = byline ?? new Byline([], [], "本报讯");
                        text = rest.TrimStart();
                    }
                    current.Body.Add(new BodyPart(false, text, u.LineNumbers.ToList()));
                    current.Units.Add(u);
                    break;
            }
        }
        Close();
        if (pendingBylineUnit is not null) others.Add(pendingBylineUnit);
        return new AssembledPage(stories, loose, others);
    }

    static bool StartsStory(Unit u) =>
        BylineParser.StartsWithDateline(u.Text) || u.Text.StartsWith("（紧接", StringComparison.Ordinal) || u.Text.StartsWith("(紧接", StringComparison.Ordinal);
}
