namespace Baoku.Tests.Search;

/// <summary>
/// One query of the query set: the text a reader types, optional filters (campaign by name, year), and facts about
/// the real content/ checked by hand (article file names, without .md) that must hold whatever else is found.
/// The full expected answer is brute-force substring search over the same text (<see cref="SearchIndexTests.Oracle"/>).
/// </summary>
public sealed record SearchCase(string Name, string Query, string? Campaign = null, int? Year = null,
    string[]? MustInclude = null, string[]? MustExclude = null, bool NoResults = false, string? SameAs = null, string? FirstHit = null)
{
    public override string ToString() => Name;
}

/// <summary>The query set over the repository's content/, used by the C# index tests and the Chromium tests.</summary>
public static class SearchQuerySet
{
    // Articles of content/ (file names) that the cases name.
    const string QinqingTrain = "20200529-d0e767fd";      // 首场“亲清直通车·政企恳谈会”举行 (清廉民企)
    const string DevZoneMeeting = "20240801-5999897e";    // 开发区召开上半年经济工作会议 (清廉民企 in the body)
    const string Xueshen = "20241112-96d81fd3";           // 学深悟透聚合力 挺膺担当走在前 (清廉园区)
    const string Tech = "20200529-b33b3a29";              // 用科技为经济社会发展注入新活力 (mentions 5G)
    const string Ershida = "20221122-018d1bbd";           // 开发区企业推动党的二十大精神落地见效
    const string Jan2023A = "20230112-2bf55882";
    const string Jan2023B = "20230112-c58276a3";

    public static readonly SearchCase[] Cases =
    [
        new("substring of a campaign name", "清廉", MustInclude: [QinqingTrain, DevZoneMeeting, Xueshen]),
        new("campaign name", "清廉民企", MustInclude: [QinqingTrain, DevZoneMeeting]),
        new("word boundary inside a phrase", "廉民", MustInclude: [QinqingTrain, DevZoneMeeting]),
        new("single character", "廉", MustInclude: [QinqingTrain, DevZoneMeeting, Xueshen]),
        new("Latin and digit", "5G", MustInclude: [Tech]),
        new("full-width and lower case", "５ｇ", SameAs: "5G"),
        new("year with 年", "2023年", MustInclude: [Jan2023A, Jan2023B]),
        new("long phrase", "世界五金之都", MustInclude: [Jan2023A, Jan2023B, DevZoneMeeting, Xueshen]),
        new("punctuation ignored", "“世界·五金，之都”", SameAs: "世界五金之都"),
        new("title match ranks first", "二十大", FirstHit: Ershida),
        new("two words", "开发区 清廉", MustInclude: [DevZoneMeeting], MustExclude: [Tech]),
        new("two words, full-width space", "开发区　清廉", SameAs: "开发区 清廉"),
        new("no result", "火星殖民地", NoResults: true),
        new("no result, one word missing", "清廉 火星", NoResults: true),
        new("filter by campaign", "企业", Campaign: "清廉民企", MustInclude: [QinqingTrain], MustExclude: [Ershida]),
        new("filter by year", "开发区", Year: 2022, MustInclude: [Ershida], MustExclude: [DevZoneMeeting]),
        new("filter by campaign and year", "发展", Campaign: "二十大学习", Year: 2022, MustInclude: [Ershida]),
        new("person", "何志云"),
        new("organisation", "经济开发区"),
    ];
}
