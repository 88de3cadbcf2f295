namespace Baoku.Core;

/// <summary>
/// One kind of problem. <see cref="Id"/> (BKnnn) is stable: codes are never reused or renumbered, new kinds get new
/// numbers. <see cref="Zh"/> and <see cref="En"/> name the kind in the README's table, not a single problem.
/// </summary>
public sealed record ProblemCode(string Id, ProblemSeverity Severity, string Zh, string En)
{
    public override string ToString() => Id;
}

/// <summary>
/// The single table of problem codes, for every stage: site.yml and templates (BK0xx), article files (BK1xx), links
/// and images in articles (BK2xx), suspicious text (BK3xx), the build (BK4xx), the importer (BK5xx), internal (BK9xx).
/// </summary>
public static class ProblemCodes
{
    const ProblemSeverity E = ProblemSeverity.Error, W = ProblemSeverity.Warning;

    // site.yml and templates
    public static readonly ProblemCode SiteConfigError = new("BK001", E, "site.yml 有错误", "error in site.yml");
    public static readonly ProblemCode SiteConfigWarning = new("BK002", W, "site.yml 有可疑之处", "warning in site.yml");
    public static readonly ProblemCode TemplateMissing = new("BK011", E, "缺少模板文件或模板文件夹", "template file or folder missing");
    public static readonly ProblemCode TemplateError = new("BK012", E, "模板有语法错误", "template syntax error");
    public static readonly ProblemCode TemplateRuntime = new("BK013", E, "模板运行出错（含死循环、无限递归）", "template failed while rendering (incl. endless loop or recursion)");
    public static readonly ProblemCode TemplateLinkOutside = new("BK080", E, "模板文件夹里的链接指向文件夹以外", "a link in templates/ points outside it");
    public static readonly ProblemCode YamlTooDeep = new("BK081", E, "site.yml 嵌套太深", "site.yml nested too deeply");

    // article files
    public static readonly ProblemCode ContentFolder = new("BK100", E, "找不到或无法读取内容文件夹", "content folder missing or unreadable");
    public static readonly ProblemCode Encoding = new("BK101", E, "文件不是 UTF-8 文本或无法读取", "file is not UTF-8 text or cannot be read");
    public static readonly ProblemCode EmptyFile = new("BK102", E, "文件是空的", "empty file");
    public static readonly ProblemCode NoFrontMatter = new("BK103", E, "没有 front-matter 或没有结束", "front-matter missing or not closed");
    public static readonly ProblemCode BadYaml = new("BK104", E, "front-matter 的 YAML 写法有错", "malformed front-matter YAML");
    public static readonly ProblemCode Title = new("BK105", E, "缺少标题或标题是空的", "title missing or empty");
    public static readonly ProblemCode Date = new("BK106", E, "缺少日期或日期无效", "date missing or invalid");
    public static readonly ProblemCode FieldType = new("BK107", E, "字段的类型不对（文字、列表、映射、true/false）", "field has the wrong type");
    public static readonly ProblemCode UnknownKey = new("BK108", W, "不认识的字段，已忽略", "unknown field, ignored");
    public static readonly ProblemCode DateConfidence = new("BK109", W, "date_confidence 的值不对", "unexpected date_confidence");
    public static readonly ProblemCode UnknownCampaign = new("BK110", E, "专题没有在 site.yml 里定义", "campaign not defined in site.yml");
    public static readonly ProblemCode UnknownColumn = new("BK111", W, "栏目不在 site.yml 的 columns 里", "column not listed in site.yml");
    public static readonly ProblemCode Slug = new("BK112", E, "slug 不能用作网址", "slug unusable in a URL");
    public static readonly ProblemCode BadAlias = new("BK113", E, "旧网址（alias）写法不对", "malformed alias");
    public static readonly ProblemCode OwnAlias = new("BK114", W, "旧网址就是文章自己的网址", "alias is the article's own URL");
    public static readonly ProblemCode DuplicateUrl = new("BK115", E, "网址重复", "duplicate URL");
    public static readonly ProblemCode AliasCollision = new("BK116", E, "旧网址与别的文章冲突", "alias collides with another article");
    public static readonly ProblemCode RawHtml = new("BK117", W, "有 HTML 标签，会作为文字显示", "raw HTML shown as text");
    public static readonly ProblemCode UnsafeLink = new("BK118", W, "不安全的链接，会被去掉", "unsafe link removed");
    public static readonly ProblemCode EmptyBody = new("BK119", W, "正文是空的", "empty body");
    public static readonly ProblemCode FolderLink = new("BK120", W, "文件夹链接指向已读过的文件夹", "folder link loops");
    public static readonly ProblemCode NeedsReview = new("BK121", W, "导入程序请编辑核对这篇文章（review）", "the importer asks for a review");
    public static readonly ProblemCode ArticleTooLarge = new("BK170", E, "文章文件太大", "article file too large");
    public static readonly ProblemCode FrontMatterTooDeep = new("BK171", E, "front-matter 嵌套太深", "front-matter nested too deeply");
    public static readonly ProblemCode MarkdownTooDeep = new("BK172", E, "正文的 Markdown 嵌套太深", "Markdown nested too deeply");
    public static readonly ProblemCode MarkdownTooComplex = new("BK173", E, "正文的 Markdown 写法异常，解析会非常慢", "Markdown too costly to parse");
    public static readonly ProblemCode ContentLinkOutside = new("BK174", E, "内容文件夹里的链接指向文件夹以外", "a link in content/ points outside it");
    public static readonly ProblemCode ArticleInternal = new("BK190", E, "读取文章时出现内部错误", "internal error while reading an article");

    // links and images in article bodies
    public static readonly ProblemCode BrokenLink = new("BK201", E, "链接指向不存在的页面", "link to a page that does not exist");
    public static readonly ProblemCode LinkToFile = new("BK202", E, "链接写成了文章文件名，应写网址", "link to an article file instead of its URL");
    public static readonly ProblemCode MissingImage = new("BK203", E, "图片不存在", "image not found");
    public static readonly ProblemCode UnpublishedImage = new("BK204", E, "图片在 content 里，网站上不会有", "image in content/ is not published");

    // suspicious text
    public static readonly ProblemCode CjkSpaces = new("BK301", W, "汉字之间有排版留下的空格", "layout spaces between Chinese characters");
    public static readonly ProblemCode OcrDebris = new("BK302", W, "只有省略号或方框的段落（OCR 残留）", "paragraph of OCR debris");
    public static readonly ProblemCode ShortBody = new("BK303", W, "正文比标题还短", "body shorter than the title");
    public static readonly ProblemCode Placeholder = new("BK304", W, "还留着 baoku new 写的“【待写正文】”提示", "the placeholder text of baoku new is still there");
    public static readonly ProblemCode ControlCharacter = new("BK390", W, "有控制字符（如换页符），已去掉", "control characters removed");

    // the build
    public static readonly ProblemCode OutputWrite = new("BK401", E, "无法写入输出文件夹", "cannot write the output folder");
    public static readonly ProblemCode OutputEscape = new("BK402", E, "网页路径会跳出输出文件夹", "a page path would leave the output folder");
    public static readonly ProblemCode RenderedLink = new("BK403", E, "生成的网页里有链接指向不存在的页面", "a generated page links to a page that does not exist");
    public static readonly ProblemCode BuildUnfinished = new("BK404", E, "构建没有完成", "the build did not finish");
    public static readonly ProblemCode OutputRefused = new("BK460", E, "输出文件夹不能用（是或包含文章、模板等文件夹，或不是 Baoku 生成的）", "output folder refused (it is or holds the inputs, or Baoku did not make it)");
    public static readonly ProblemCode OutputLeftover = new("BK461", W, "旧网站或中断的构建留下的文件夹删不掉", "a folder left by the replaced site or by an interrupted build cannot be removed");
    public static readonly ProblemCode CacheWrite = new("BK462", W, "网站已发布，但构建缓存写不进去（下次全部重新生成）", "the site is published but the build cache cannot be written (the next build is a full one)");
    public static readonly ProblemCode ArticleChangedDuringBuild = new("BK470", E, "文章在构建过程中被改动了（网站没有更新）", "an article changed during the build (the site was not updated)");
    public static readonly ProblemCode BodyStore = new("BK471", E, "临时文件夹写不进去（构建要在那里暂存正文）", "the temporary folder cannot be written (the build keeps the bodies there)");

    // the importer
    public static readonly ProblemCode RawPage = new("BK501", E, "原始版面文件无法读取或解码", "raw page unreadable or undecodable");
    public static readonly ProblemCode NoArticle = new("BK502", W, "版面上没有识别出文章（只有广告、图片等）", "no article recognised on the page");
    public static readonly ProblemCode ImportWrite = new("BK503", E, "无法写入导入结果", "cannot write the import's results");
    public static readonly ProblemCode Manifest = new("BK504", E, "导入清单有错", "import manifest broken");
    public static readonly ProblemCode SidecarError = new("BK505", E, "版面说明文件有错误", "error in a page sidecar");
    public static readonly ProblemCode SidecarWarning = new("BK506", W, "版面说明文件有可疑之处", "warning in a page sidecar");

    // never the input's fault
    public static readonly ProblemCode Internal = new("BK900", E, "内部错误，请告诉开发人员", "internal error, please report");

    public static IReadOnlyList<ProblemCode> All { get; } =
    [
        SiteConfigError, SiteConfigWarning, TemplateMissing, TemplateError, TemplateRuntime, TemplateLinkOutside, YamlTooDeep,
        ContentFolder, Encoding, EmptyFile, NoFrontMatter, BadYaml, Title, Date, FieldType, UnknownKey, DateConfidence,
        UnknownCampaign, UnknownColumn, Slug, BadAlias, OwnAlias, DuplicateUrl, AliasCollision, RawHtml, UnsafeLink, EmptyBody,
        FolderLink, NeedsReview, ArticleTooLarge, FrontMatterTooDeep, MarkdownTooDeep, MarkdownTooComplex, ContentLinkOutside, ArticleInternal,
        BrokenLink, LinkToFile, MissingImage, UnpublishedImage,
        CjkSpaces, OcrDebris, ShortBody, Placeholder, ControlCharacter,
        OutputWrite, OutputEscape, RenderedLink, BuildUnfinished, OutputRefused, OutputLeftover, CacheWrite, ArticleChangedDuringBuild, BodyStore,
        RawPage, NoArticle, ImportWrite, Manifest, SidecarError, SidecarWarning,
        Internal,
    ];

    public static ProblemCode? ById(string id) => All.FirstOrDefault(c => c.Id == id);
}
