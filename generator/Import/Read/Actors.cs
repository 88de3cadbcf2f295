using System.Text.RegularExpressions;

namespace Baoku.Import.Read;

/// <summary>
/// Who or where a news headline or clause is about, told by the ending of its name: a place or a body (新浦镇, 县图书馆,
/// 市人民医院, 宁波某某有限公司). A news headline names its actor; an intertitle or a slogan seldom does.
/// </summary>
public static partial class Actors
{
    const string Endings = "镇|乡|街道|村|社区|县|区|局|委|公司|集团|学院|学校|医院|中心|协会|商会|图书馆|博物馆|园区|开发区";

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{1,6}?(?:" + Endings + ")")]
    private static partial Regex NamedRx();

    [GeneratedRegex(@"^(?:我市|我县|我区|我镇|全市|全县|全区|全省|本市|本县|本区|“|\p{IsCJKUnifiedIdeographs}{1,5}?(?:" + Endings + "))")]
    private static partial Regex OpeningRx();

    /// <summary>The first place or body a text names, or null.</summary>
    public static string? Named(string text) => NamedRx().Match(text) is { Success: true } m ? m.Value : null;

    /// <summary>A line that names its own actor first (我市…, 六石街道…, “兰溪制造”…): it opens a clause of its own.</summary>
    public static bool OpensClause(string text) => OpeningRx().IsMatch(text);
}
