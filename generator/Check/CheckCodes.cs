using System.Text.RegularExpressions;

namespace Baoku.Check;

/// <summary>Which part of the input a problem came from: decides how a loader's problem gets its code.</summary>
public enum CheckStage { SiteConfig, Templates, Content }

/// <summary>
/// One kind of finding. <see cref="Code"/> is stable: CI annotations and the README's table refer to it.
/// <see cref="Pattern"/> recognises the loaders' own messages (the loaders word them; check only names them).
/// </summary>
public sealed record CheckCode(string Code, ProblemSeverity Severity, string Zh, string En, CheckStage Stage, string? Pattern = null)
{
    public Regex? Matcher { get; } = Pattern is null ? null : new Regex(Pattern, RegexOptions.CultureInvariant);
}

/// <summary>The single table of check codes. Codes are never reused or renumbered; new kinds get new numbers.</summary>
public static class CheckCodes
{
    const ProblemSeverity E = ProblemSeverity.Error, W = ProblemSeverity.Warning;

    // site.yml and templates
    public static readonly CheckCode SiteConfigError = new("BK001", E, "site.yml 有错误", "error in site.yml", CheckStage.SiteConfig);
    public static readonly CheckCode SiteConfigWarning = new("BK002", W, "site.yml 有可疑之处", "warning in site.yml", CheckStage.SiteConfig);
    public static readonly CheckCode TemplateMissing = new("BK011", E, "缺少模板文件或模板文件夹", "template file or folder missing", CheckStage.Templates, "^(找不到模板文件夹|缺少模板文件)");
    public static readonly CheckCode TemplateError = new("BK012", E, "模板有语法错误", "template syntax error", CheckStage.Templates);

    // content: the loaders' findings, recognised by their wording (first match wins, so the order matters)
    public static readonly CheckCode ContentFolder = new("BK100", E, "找不到或无法读取内容文件夹", "content folder missing or unreadable", CheckStage.Content, "^(找不到内容文件夹|无法读取文件夹)");
    public static readonly CheckCode Encoding = new("BK101", E, "文件不是 UTF-8 文本或无法读取", "file is not UTF-8 text or cannot be read", CheckStage.Content, "^(不是 UTF-8|文件太大|无法读取文件)");
    public static readonly CheckCode EmptyFile = new("BK102", E, "文件是空的", "empty file", CheckStage.Content, "^文件是空的");
    public static readonly CheckCode NoFrontMatter = new("BK103", E, "没有 front-matter 或没有结束", "front-matter missing or not closed", CheckStage.Content, "^(front-matter 没有结束|文件开头有空行|不支持 TOML|没有 front-matter)");
    public static readonly CheckCode BadYaml = new("BK104", E, "front-matter 的 YAML 写法有错", "malformed front-matter YAML", CheckStage.Content, "^(YAML 格式错误|文件里只能有一个 YAML 文档|front-matter 是空的|front-matter 应该是)|的键必须是文字");
    public static readonly CheckCode Title = new("BK105", E, "缺少标题或标题是空的", "title missing or empty", CheckStage.Content, "^(缺少 title|title（标题）是空的)");
    public static readonly CheckCode Date = new("BK106", E, "缺少日期或日期无效", "date missing or invalid", CheckStage.Content, "^(缺少 date|date（日期）是空的|date（日期）“.*”不是有效日期)");
    public static readonly CheckCode FieldType = new("BK107", E, "字段的类型不对（文字、列表、映射、true/false）", "field has the wrong type", CheckStage.Content, "应该是一段文字|应该是列表|都应该是一段文字|应该是“键: 值”的映射|^draft（草稿）只能写");
    public static readonly CheckCode UnknownKey = new("BK108", W, "不认识的字段，已忽略", "unknown field, ignored", CheckStage.Content, "里有不认识的键");
    public static readonly CheckCode DateConfidence = new("BK109", W, "date_confidence 的值不对", "unexpected date_confidence", CheckStage.Content, "^date_confidence“");
    public static readonly CheckCode UnknownCampaign = new("BK110", E, "专题没有在 site.yml 里定义", "campaign not defined in site.yml", CheckStage.Content, "^专题“.*”没有在 site.yml 里定义");
    public static readonly CheckCode UnknownColumn = new("BK111", W, "栏目不在 site.yml 的 columns 里", "column not listed in site.yml", CheckStage.Content, "^栏目“.*”不在 site.yml");
    public static readonly CheckCode Slug = new("BK112", E, "slug 不能用作网址", "slug unusable in a URL", CheckStage.Content, "^(slug“|没有 slug)");
    public static readonly CheckCode OwnAlias = new("BK114", W, "旧网址就是文章自己的网址", "alias is the article's own URL", CheckStage.Content, "就是这篇文章自己的网址");
    public static readonly CheckCode BadAlias = new("BK113", E, "旧网址（alias）写法不对", "malformed alias", CheckStage.Content, "^旧网址（alias）“");
    public static readonly CheckCode AliasCollision = new("BK116", E, "旧网址与别的文章冲突", "alias collides with another article", CheckStage.Content, "^旧网址（alias）[^“]");
    public static readonly CheckCode DuplicateUrl = new("BK115", E, "网址重复", "duplicate URL", CheckStage.Content, "^网址 ");
    public static readonly CheckCode RawHtml = new("BK117", W, "有 HTML 标签，会作为文字显示", "raw HTML shown as text", CheckStage.Content, "HTML 标签|<script>");
    public static readonly CheckCode UnsafeLink = new("BK118", W, "不安全的链接，会被去掉", "unsafe link removed", CheckStage.Content, "不安全的");
    public static readonly CheckCode EmptyBody = new("BK119", W, "正文是空的", "empty body", CheckStage.Content, "^正文是空的");
    public static readonly CheckCode FolderLink = new("BK120", W, "文件夹链接指向已读过的文件夹", "folder link loops", CheckStage.Content, "^这个文件夹链接");
    public static readonly CheckCode OtherContentError = new("BK190", E, "文章的其他错误", "other article error", CheckStage.Content);
    public static readonly CheckCode OtherContentWarning = new("BK191", W, "文章的其他警告", "other article warning", CheckStage.Content);

    // links and images in article bodies
    public static readonly CheckCode BrokenLink = new("BK201", E, "链接指向不存在的页面", "link to a page that does not exist", CheckStage.Content);
    public static readonly CheckCode LinkToFile = new("BK202", E, "链接写成了文章文件名，应写网址", "link to an article file instead of its URL", CheckStage.Content);
    public static readonly CheckCode MissingImage = new("BK203", E, "图片不存在", "image not found", CheckStage.Content);
    public static readonly CheckCode UnpublishedImage = new("BK204", E, "图片在 content 里，网站上不会有", "image in content/ is not published", CheckStage.Content);

    // suspicious text
    public static readonly CheckCode CjkSpaces = new("BK301", W, "汉字之间有排版留下的空格", "layout spaces between Chinese characters", CheckStage.Content);
    public static readonly CheckCode OcrDebris = new("BK302", W, "只有省略号或方框的段落（OCR 残留）", "paragraph of OCR debris", CheckStage.Content);
    public static readonly CheckCode ShortBody = new("BK303", W, "正文比标题还短", "body shorter than the title", CheckStage.Content);
    public static readonly CheckCode Placeholder = new("BK304", W, "还留着 baoku new 写的“【待写正文】”提示", "the placeholder text of baoku new is still there", CheckStage.Content);

    public static IReadOnlyList<CheckCode> All { get; } =
    [
        SiteConfigError, SiteConfigWarning, TemplateMissing, TemplateError,
        ContentFolder, Encoding, EmptyFile, NoFrontMatter, BadYaml, Title, Date, FieldType, UnknownKey, DateConfidence,
        UnknownCampaign, UnknownColumn, Slug, OwnAlias, BadAlias, AliasCollision, DuplicateUrl, RawHtml, UnsafeLink, EmptyBody,
        FolderLink, OtherContentError, OtherContentWarning,
        BrokenLink, LinkToFile, MissingImage, UnpublishedImage,
        CjkSpaces, OcrDebris, ShortBody, Placeholder,
    ];

    /// <summary>The code of a problem one of the loaders (site.yml, templates, content, site model) reported.</summary>
    public static CheckCode Classify(Problem problem, CheckStage stage)
    {
        bool error = problem.Severity == ProblemSeverity.Error;
        switch (stage)
        {
            case CheckStage.SiteConfig:
                return error ? SiteConfigError : SiteConfigWarning;
            case CheckStage.Templates:
                return TemplateMissing.Matcher!.IsMatch(problem.Message) ? TemplateMissing : TemplateError;
        }
        foreach (var code in All)
            if (code.Stage == CheckStage.Content && code.Severity == problem.Severity && code.Matcher?.IsMatch(problem.Message) == true)
                return code;
        return error ? OtherContentError : OtherContentWarning;
    }
}
