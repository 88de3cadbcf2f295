using Baoku.Config;
using Baoku.Import;
using Baoku.Import.Assembly;

namespace Baoku.Cli;

static class DebugDump
{
    public static void Run(string path)
    {
        var lines = File.ReadAllLines(path).Select((t, i) => new RawLine(i + 1, t)).ToList();
        var page = new RawPage(Path.GetFileName(path), lines, []);
        var a = PageAssembler.Assemble(page, SiteConfig.Empty with { Columns = ["二十大精神在基层", "时政·要闻"] });
        foreach (var s in a.Stories)
        {
            Console.WriteLine($"=== story {s.Index} photo={s.IsPhotoStory} cont={s.IsContinuation} col={s.Column} lines={s.LineNumbers.Min()}-{s.LineNumbers.Max()}");
            Console.WriteLine($"  HEAD: {(s.Headline is null ? "-" : string.Join(" | ", s.Headline.Parts))}");
            Console.WriteLine($"  BY: before={s.BylineBefore?.Raw} dl={s.DatelineByline?.Raw} after={s.BylineAfter?.Raw} photo={string.Join(",", s.PhotoCredits.Select(p => p.Raw))}");
            foreach (var b in s.Body) Console.WriteLine($"  {(b.IsIntertitle ? "## " : "")}[{b.Lines.Min()}-{b.Lines.Max()}] {b.Text}");
            foreach (var n in s.Notes) Console.WriteLine($"  NOTE {n}");
        }
        foreach (var h in a.Headlines) Console.WriteLine($"LOOSE HEADLINE [{h.Unit.First}-{h.Unit.Last}] {string.Join(" | ", h.Parts)}");
        foreach (var o in a.Others) Console.WriteLine($"OTHER {o.Kind} [{o.First}-{o.Last}] {o.Text}");
    }
}
