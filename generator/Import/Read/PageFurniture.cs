using System.Text.RegularExpressions;
using Baoku.Config;

namespace Baoku.Import.Read;

/// <summary>What a piece of page furniture is: it belongs to the page, not to a story's text.</summary>
public enum FurnitureKind
{
    PageHeader,      // A3 综合新闻 2023年6月27日 星期二 / 2023年9月14日 星期四 第3版
    Label,           // a page or column label: 要闻, 综合, 两新党建, 时政·要闻
    WebMeta,         // 发布时间: 2025-04-09 18:21 来源: … / 发布日期：… 浏览次数：…
    WebNav,          // 您当前的位置：中国义乌网>义乌新闻>即时报
    RelatedNews,     // 相关新闻 / 相关阅读 (the list under it follows)
    ImageFile,       // 548e0d318a31257c35ec2e606926bbff.jpg: a picture's file name left by copying from the web
    Teaser,          // （详见第3版）: the story is on another page
    JumpOut,         // （下转A3版）: the story goes on on another page
}

/// <summary>
/// Lines that are page furniture rather than story text, told from the line alone: page headers, labels, web
/// navigation and meta lines, image file names, "see page 3" teasers. Papers print these in many ways; the forms here
/// are those common to Chinese papers and their web sites, plus the labels a paper's profile lists.
/// </summary>
public static partial class PageFurniture
{
    /// <summary>Page and column labels that many papers print; a profile adds its own (site.yml papers: labels).</summary>
    static readonly HashSet<string> CommonLabels =
    [
        "要闻", "综合", "综合新闻", "时政", "时政新闻", "视点", "经济", "经济新闻", "社会", "社会新闻", "民生", "专版", "专题", "副刊",
        "文化", "教育", "体育", "农村", "乡镇", "城建", "党建", "法治", "理论", "评论", "关注", "聚焦", "新闻", "本地新闻", "县域",
        "区域", "今日关注", "热点", "特别报道", "深度", "基层", "文体", "科教", "健康", "财经", "图片新闻", "一线", "县情",
    ];

    [GeneratedRegex(@"^(?:[A-Z]?\d{1,2}\s*)?(?:第\s*\d{1,2}\s*版\s*)?\S{0,8}?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天]")]
    private static partial Regex DatedHeaderRx();

    [GeneratedRegex(@"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.*(?:第\s*\d{1,2}\s*版|星期[一二三四五六日天])")]
    private static partial Regex DateFirstHeaderRx();

    /// <summary>A page number and label: "A2 要闻", "2 要闻", "第5版 综合新闻".</summary>
    [GeneratedRegex(@"^(?:[A-Z]\d{1,2}|\d{1,2}|第\s*\d{1,2}\s*版)\s*(?<label>\p{IsCJKUnifiedIdeographs}[\p{IsCJKUnifiedIdeographs}·・]{1,9})$")]
    private static partial Regex NumberedLabelRx();

    [GeneratedRegex(@"^(?:发布时间|发布日期|更新时间|时间|日期)\s*[:：]|浏览(?:次数|量)\s*[:：]|^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+(?:来源|作者)\s*[:：].*)?$")]
    private static partial Regex WebMetaRx();

    [GeneratedRegex(@"^(?:您当前的位置|当前位置|您的位置|首页\s*[>＞])")]
    private static partial Regex WebNavRx();

    [GeneratedRegex(@"^(?:相关新闻|相关阅读|相关链接|延伸阅读|推荐阅读)\s*[:：]?$")]
    private static partial Regex RelatedRx();

    [GeneratedRegex(@"^[\w\-.]{4,80}\.(?:jpe?g|png|gif|webp|bmp|tiff?)$", RegexOptions.IgnoreCase)]
    private static partial Regex ImageFileRx();

    [GeneratedRegex(@"^[（(]\s*(?:详见|见)\s*(?:第\s*)?[A-Z]?\d{1,2}\s*版\s*[）)]$")]
    private static partial Regex TeaserRx();

    [GeneratedRegex(@"^[（(]\s*(?:下转|转|转至|续)\s*(?:第\s*)?[A-Z]?\d{1,2}\s*版\s*[）)]$")]
    private static partial Regex JumpOutRx();

    [GeneratedRegex(@"^[（(]\s*(?:紧接|上接|接|续)\s*(?:第\s*)?[A-Z]?\d{1,2}\s*版\s*[）)]")]
    private static partial Regex ContinuedFromRx();

    /// <summary>A paragraph that goes on from another page: （紧接1版）, （上接A2版）.</summary>
    public static bool IsContinuedFrom(string clean) => ContinuedFromRx().IsMatch(clean.TrimStart());

    /// <summary>What furniture a cleaned line is, or null when it may be story text.</summary>
    public static FurnitureKind? Of(string clean, PaperProfile profile)
    {
        var t = clean.Trim();
        if (t.Length == 0) return null;
        if (ImageFileRx().IsMatch(t)) return FurnitureKind.ImageFile;
        if (WebNavRx().IsMatch(t)) return FurnitureKind.WebNav;
        if (RelatedRx().IsMatch(t)) return FurnitureKind.RelatedNews;
        if (TeaserRx().IsMatch(t)) return FurnitureKind.Teaser;
        if (JumpOutRx().IsMatch(t)) return FurnitureKind.JumpOut;
        if (t.Length <= 80 && (DatedHeaderRx().IsMatch(t) || DateFirstHeaderRx().IsMatch(t))) return FurnitureKind.PageHeader;
        if (t.Length <= 120 && WebMetaRx().IsMatch(t)) return FurnitureKind.WebMeta;
        if (IsLabel(t, profile)) return FurnitureKind.Label;
        return null;
    }

    /// <summary>A label by name: one the profile lists, a common one, or a page number with one ("A2 要闻").</summary>
    public static bool IsLabel(string clean, PaperProfile profile)
    {
        var t = clean.Trim();
        if (profile.Labels.Contains(t) || CommonLabels.Contains(t)) return true;
        var m = NumberedLabelRx().Match(t);
        return m.Success && (CommonLabels.Contains(m.Groups["label"].Value) || profile.Labels.Contains(m.Groups["label"].Value) || m.Groups["label"].Value.Length <= 4);
    }

    /// <summary>What the report says a piece of furniture is.</summary>
    public static string Describe(FurnitureKind kind) => kind switch
    {
        FurnitureKind.PageHeader => "版头：报名、日期、版次 (page header)",
        FurnitureKind.Label => "版名或栏目名 (page or column label)",
        FurnitureKind.WebMeta => "网页的发布信息 (web page meta line)",
        FurnitureKind.WebNav => "网页导航 (web navigation)",
        FurnitureKind.RelatedNews => "相关新闻链接 (related news links)",
        FurnitureKind.ImageFile => "网页图片的文件名 (a picture's file name)",
        FurnitureKind.Teaser => "转版提示：正文在其他版面 (the story is on another page)",
        FurnitureKind.JumpOut => "转版提示：正文转到其他版面继续 (the story goes on on another page)",
        _ => kind.ToString(),
    };

    /// <summary>The label's name without a page number: "A2 要闻" → 要闻.</summary>
    public static string LabelName(string clean)
    {
        var m = NumberedLabelRx().Match(clean.Trim());
        return m.Success ? m.Groups["label"].Value : clean.Trim();
    }
}
