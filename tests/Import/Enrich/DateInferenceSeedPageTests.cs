using System.Text.RegularExpressions;
using Baoku.Import.Enrich;
using Baoku.Tests.Support;

namespace Baoku.Tests.Import.Enrich;

/// <summary>Publication dates of the five seed pages, from their articles (tests/Fixtures/SeedArticles).</summary>
public class DateInferenceSeedPageTests
{
    /// <summary>The seed page's articles under the seed's own file name (a hash: no date in it).</summary>
    private static PageText Text(string page) => new(
        Path.GetFileName(SeedArticles.SeedPath(page)),
        SeedArticles.Load(page).Select(a => new StoryText(a.Headline, a.Paragraphs)).ToList(), []);

    private static InferredDate Infer(string page) => DateInference.InferPageDate(Text(page), DateOverrides.None);

    [Fact]
    public void SeedFixturesAreCutVerbatimFromTheSeedPages()
    {
        foreach (var page in SeedArticles.Pages)
        {
            var seed = Regex.Replace(File.ReadAllText(SeedArticles.SeedPath(page)), @"\s+", "");
            var articles = SeedArticles.Load(page);
            articles.ShouldNotBeEmpty();
            foreach (var a in articles)
            {
                a.Paragraphs.ShouldNotBeEmpty($"{page}/{a.Id}");
                foreach (var text in a.HeadlineParts.Concat(a.Paragraphs))
                    seed.ShouldContain(Regex.Replace(text, @"\s+", ""), customMessage: $"{page}/{a.Id}: not in the seed page: {text}");
            }
        }
    }

    [Theory]
    [InlineData("000", "2022-11-22")]
    [InlineData("001", "2023-01-12")]
    [InlineData("002", "2024-11-12")]
    [InlineData("003", "2020-05-29")]
    [InlineData("004", "2024-08-01")]
    public void SeedPageDateIsInferredWithHighConfidence(string page, string expected)
    {
        var d = Infer(page);
        d.Date.ShouldBe(DateOnly.Parse(expected), string.Join("\n", d.Evidence));
        d.Confidence.ShouldBe(DateConfidence.High, string.Join("\n", d.Evidence));
    }

    [Fact]
    public void Page000TakesItsDateFromTheSectionOpening11月21日BecauseEveryLeadSays日前()
    {
        SeedArticles.Load("000").Select(a => Datelines.FindDateline(a.FirstParagraph)).ShouldAllBe(d => d == null);
        var d = Infer("000");
        d.Evidence.ShouldContain(e => e.StartsWith("段首日期 11月21日") || e.StartsWith("正文句首日期 11月21日"));
        d.Evidence.ShouldContain(e => e.StartsWith("「党的二十大」"));
        d.Evidence.ShouldContain(e => e.StartsWith("「疫情」"));
    }

    [Fact]
    public void Page001YearComesFromConfidenceIn2023AndTheSeasonAgrees()
    {
        Datelines.FindDateline(SeedArticles.Get("001", "zhang-xusheng").FirstParagraph).ShouldBe((1, 11));
        Datelines.FindDateline(SeedArticles.Get("001", "hu-yongchun").FirstParagraph).ShouldBeNull();
        var d = Infer("001");
        d.Evidence.ShouldContain("「对某年发展充满信心」“对2023年发展充满信心” → 2023 年");
        d.Evidence.ShouldContain(e => e.StartsWith("「中央经济工作会议」") && e.EndsWith("相符"));
    }

    [Fact]
    public void Page002YearComesFromTheFortiethAnniversaryOfNationalDevelopmentZones()
    {
        var d = Infer("002");
        d.Evidence.ShouldContain("「国家级经开区周年」“国家级经济技术开发区建设40周年” → 2024 年");
        d.Evidence.ShouldContain(e => e.StartsWith("段首日期 11月11日") || e.StartsWith("正文句首日期 11月11日"));
    }

    [Fact]
    public void Page003LatestDatelineIs5月28日AndTheYearIs2020()
    {
        SeedArticles.Load("003").Select(a => Datelines.FindDateline(a.FirstParagraph)).OfType<(int, int)>()
            .ShouldBe([(5, 27), (5, 28), (5, 27), (5, 26), (5, 28)]);
        var d = Infer("003");
        d.Evidence.ShouldContain("报道日期 5月28日 → 次日见报");
        d.Evidence.ShouldContain(e => e.StartsWith("「全国科技工作者日」"));
        d.Evidence.ShouldContain(e => e.StartsWith("「十三五回头看」"));
        d.Evidence.ShouldContain(e => e.StartsWith("「十四五规划编制」"));
    }

    [Fact]
    public void Page004YearComesFromTheThirdPlenumAnd2023AnnualResultsCalledThePastYear()
    {
        var d = Infer("004");
        d.Evidence.ShouldContain("「二十届全会」“二十届三中全会” → 2024-07-18 至 2027-10-31");
        d.Evidence.ShouldContain("「年度与过去一年」“2023年度” → 2024 年");
        d.Evidence.ShouldNotContain(e => e.StartsWith("「党的二十大」"));
    }

    [Fact]
    public void SeedPageWithAnExplicitDateUsesIt()
    {
        var d = DateInference.InferPageDate(Text("000"), new DateOverrides(Stated: new DateOnly(2022, 11, 23)));
        d.ShouldBe(d with { Date = new DateOnly(2022, 11, 23), Confidence = DateConfidence.Explicit });
    }

    [Fact]
    public void SeedFileNamesAreHashesNotDates()
    {
        foreach (var page in SeedArticles.Pages)
            PathDates.Find(Path.GetFileName(SeedArticles.SeedPath(page))).ShouldBeNull(page);
    }
}
