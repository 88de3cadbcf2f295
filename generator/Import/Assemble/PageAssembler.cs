using Baoku.Config;
using Baoku.Import.Read;

namespace Baoku.Import.Assemble;

/// <summary>Raw page → stories with their headlines, plus everything else found on the page.</summary>
public static class PageAssembler
{
    const int PhotoStoryMaxChars = 200;

    public static AssembledPage Assemble(RawPage page, SiteConfig config, PaperProfile paper)
    {
        var lines = LineClassifier.Classify(LineClassifier.Read(page.Lines), config, paper);
        var units = WebLayoutReader.IsWebText(lines) ? WebLayoutReader.Read(lines, paper) : OcrLayoutReader.Read(lines, paper);
        var assembled = StoryAssembler.Assemble(units, paper);
        WrapAroundJoiner.Join(assembled);
        foreach (var s in assembled.Stories)
            s.IsPhotoStory = s.PhotoCredits.Count > 0 && !s.HasWriterByline && !s.IsContinuation
                && s.Body.Count <= 2 && s.Body.Sum(b => b.Text.Length) <= PhotoStoryMaxChars;
        HeadlineMatcher.SplitBlocks(assembled);
        HeadlineAnchors.Split(assembled);
        HeadlineMatcher.Match(assembled, assembled.Stories.Where(s => !s.IsContinuation));
        return assembled;
    }
}
