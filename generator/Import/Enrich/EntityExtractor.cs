namespace Baoku.Import.Enrich;

/// <summary>A named person in an article. <see cref="Post"/> is the title printed before the name
/// (e.g. "副市长", "开发区党工委书记、管委会主任"), or null when none was seen.</summary>
public sealed record PersonMention(string Name, string? Post);

/// <summary>People and organisations named in one article, each list in order of first occurrence, without duplicates.</summary>
public sealed record ExtractedEntities(IReadOnlyList<PersonMention> People, IReadOnlyList<string> Orgs);

/// <summary>
/// Rule-based named-entity extraction for cleaned article text (headline + paragraphs joined with "\n"): people
/// (<see cref="PeopleExtractor"/>) and organisations (<see cref="OrgExtractor"/>). Pure and deterministic.
/// </summary>
public static class EntityExtractor
{
    public static ExtractedEntities Extract(string text)
    {
        text ??= "";
        return new ExtractedEntities(PeopleExtractor.Extract(text), OrgExtractor.Extract(text));
    }
}
