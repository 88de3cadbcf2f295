using System.Globalization;
using System.Text.RegularExpressions;
using Baoku.Import;
using Baoku.Import.Enrich;
using Baoku.Tests.Support;
using Xunit.Abstractions;

namespace Baoku.Tests.Import.Enrich;

/// <summary>
/// Page dates on the issue-12 corpus (tests/Fixtures/Papers: 24 invented pages of eight other papers, sub-folders
/// included), imported as one run: each page's date against its gold <c>page_date_range</c>, ±1 day as the scorer counts.
/// </summary>
public partial class DateInferenceCorpusTests(ITestOutputHelper output)
{
    private static readonly string Corpus = Path.Combine(SeedArticles.RepoRoot, "tests", "Fixtures", "Papers");

    [GeneratedRegex(@"^  page_date: '(\d{4}-\d{2}-\d{2})'", RegexOptions.Multiline)]
    private static partial Regex GoldDate();

    [GeneratedRegex(@"^  page_date_range: \['(\d{4}-\d{2}-\d{2})', '(\d{4}-\d{2}-\d{2})'\]", RegexOptions.Multiline)]
    private static partial Regex GoldRange();

    private static DateOnly Day(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void NinetyPercentOfPagesAreDatedWithinTheirRangeAndEveryPageWithADatedPathExactly()
    {
        var temp = Path.Combine(Path.GetTempPath(), "baoku-corpus-" + Guid.NewGuid().ToString("N"));
        var result = Importer.Run(new ImportOptions(Corpus, Path.Combine(temp, "content"), Path.Combine(temp, "report.md"),
            Path.Combine(SeedArticles.RepoRoot, "site.yml"), Force: false, DryRun: true, KeepGoing: true));
        Directory.Exists(temp).ShouldBeFalse("a dry run writes nothing");

        var dated = result.Pages.ToDictionary(p => p.File, p => Day(p.DateLine![..10]));
        var golds = Directory.GetFiles(Corpus, "*.gold.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        golds.Count.ShouldBe(24);
        int within = 0, pathPages = 0, pathExact = 0;
        var misses = new List<string>();
        foreach (var gold in golds)
        {
            var text = File.ReadAllText(gold);
            var page = Path.GetRelativePath(Corpus, gold).Replace('\\', '/')[..^".gold.yml".Length] + ".txt";
            var want = Day(GoldDate().Match(text).Groups[1].Value);
            var range = GoldRange().Match(text);
            var (from, to) = (Day(range.Groups[1].Value).AddDays(-1), Day(range.Groups[2].Value).AddDays(1));
            dated.ShouldContainKey(page);
            var got = dated[page];
            if (got >= from && got <= to) within++;
            else misses.Add($"{page}: {got:O} (gold {want:O})");
            if (PathDates.Find(page) is not null)
            {
                pathPages++;
                if (got == want) pathExact++;
                else misses.Add($"{page}: {got:O} but its path says {want:O}");
            }
        }
        output.WriteLine($"within range: {within}/{golds.Count}; dated paths exact: {pathExact}/{pathPages}");
        foreach (var m in misses) output.WriteLine(m);

        pathPages.ShouldBe(8);
        pathExact.ShouldBe(pathPages, string.Join("\n", misses));
        (within / (double)golds.Count).ShouldBeGreaterThanOrEqualTo(0.9, string.Join("\n", misses));
    }
}
