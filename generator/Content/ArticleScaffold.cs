using System.Globalization;
using System.Text;

namespace Baoku.Content;

/// <summary>What an editor gives <c>baoku new</c>: the headline, the publication date and the campaigns (already checked against site.yml).</summary>
public sealed record NewArticle(string Title, DateOnly Date, IReadOnlyList<string> Campaigns);

/// <summary>Where <see cref="ArticleScaffold.Write"/> put the new article, and whether the plain slug was taken.</summary>
public sealed record ScaffoldResult(string Path, string Slug, bool SlugWasTaken);

/// <summary>
/// A new, empty article for an editor to fill in: every front-matter field of the content format (README, "Content
/// format"; <see cref="ArticleParser.KnownKeys"/>) with a short Chinese comment, and a placeholder body. It is written
/// with <c>draft: true</c>, so a half-written article is never published until the editor sets <c>draft: false</c>.
/// The file name follows the importer's slug rules (<see cref="Slug"/>), and an existing file is never replaced.
/// </summary>
public static class ArticleScaffold
{
    /// <summary>The first line of the placeholder body: an editor (and <c>check</c>) can look for it.</summary>
    public const string PlaceholderMarker = "【待写正文】";

    /// <summary>The file's text for <paramref name="article"/> under the given slug.</summary>
    public static string Render(NewArticle article, string slug)
    {
        var sb = new StringBuilder("---\n");
        void Field(string comment, string key, string? value)
        {
            sb.Append("# ").Append(comment).Append('\n').Append(key).Append(':');
            if (!string.IsNullOrEmpty(value)) sb.Append(' ').Append(value);
            sb.Append('\n');
        }

        Field("标题（主题），必填", "title", YamlText.Scalar(article.Title));
        Field("引题：标题上方的一行，没有就空着", "kicker", null);
        Field("副题：标题下方的一行，没有就空着", "subtitle", null);
        Field("见报日期，必填，格式 2022-11-22", "date", article.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field("日期可信度：explicit（编辑确定）、high、medium 或 low", "date_confidence", "explicit");
        Field("日期依据（导入程序填写；新建文章不用填）", "date_evidence", "[]");
        Field("作者（记者、通讯员），如 [陈晓苏, 潘燕佳]", "authors", "[]");
        Field("摄影，如 [胡肖飞]", "photographers", "[]");
        Field("编辑（编辑、责任编辑），与作者分开写，如 [吕佳]", "editors", "[]");
        Field("来源：稿件来自别的单位时写单位名，如 市委办公室；没有就空着", "origin", null);
        Field("署名，照报纸原样，如 本报讯（融媒记者 潘燕佳）", "byline", null);
        Field("栏目，如 时政·要闻（栏目名见 site.yml 的 columns）", "column", null);
        Field("专题：只能用 site.yml 里定义的专题名，如 [四大双千]", "campaigns", YamlText.FlowList(article.Campaigns));
        Field("专题依据（导入程序填写；新建文章不用填）", "campaign_evidence", null);
        Field("标签，如 [营商环境]（标签词表见 site.yml）", "tags", "[]");
        Field("文中提到的人物，如 [章旭升, 李浩锋]", "people", "[]");
        Field("人物职务：每行一个，缩进两格写“人名: 职务”，如“  章旭升: 市委书记”", "roles", null);
        Field("文中提到的单位，如 [经济开发区]", "orgs", "[]");
        Field("文中提到的地点（镇、街道、村等），如 [芝英镇]", "places", "[]");
        Field("来源版面（导入程序填写；新建文章不用填）", "source", null);
        Field("网址名：只用小写英文字母、数字和连字符；改标题时不要改它，网址才不会变", "slug", slug);
        Field("旧网址：文章以前的站内路径，如 [2022/11/old-name/]；没有就留 []", "aliases", "[]");
        Field("草稿：true 时不会发布。写完并核对后改成 false", "draft", "true");
        Field("待核对：导入程序请编辑核对的原因（新建文章不用填；核对后删去）", "review", null);
        sb.Append("---\n\n");
        sb.Append(PlaceholderMarker).Append("在这里写正文，写完后删掉这一段。段落之间空一行；小标题单独一行，以“## ”开头。\n\n");
        sb.Append("写完并核对无误后，把上面的 draft: true 改成 draft: false，文章才会在网站上发布。\n");
        return sb.ToString();
    }

    /// <summary>
    /// Writes the article to <c>contentDir/YYYY/MM/&lt;slug&gt;.md</c>. The slug is the importer's (date and a hash of the
    /// title); when a file of that name exists, -2, -3, … are added. The file is created with <see cref="FileMode.CreateNew"/>,
    /// so even a file that appears meanwhile is never overwritten.
    /// </summary>
    /// <exception cref="IOException">No free name was found, or the folder cannot be written.</exception>
    public static ScaffoldResult Write(string contentDir, NewArticle article)
    {
        var baseSlug = Slug.Make(article.Date, article.Title);
        var dir = Path.GetDirectoryName(Path.Combine(contentDir, Slug.RelativePath(article.Date, baseSlug)))!;
        Directory.CreateDirectory(dir);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in Directory.EnumerateFiles(dir, "*.md")) taken.Add(Path.GetFileNameWithoutExtension(f));

        for (int attempt = 0; attempt < 100; attempt++)
        {
            var slug = Slug.Unique(baseSlug, taken);
            var path = Path.Combine(contentDir, Slug.RelativePath(article.Date, slug));
            var bytes = new UTF8Encoding(false).GetBytes(Render(article, slug));
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                stream.Write(bytes);
            }
            catch (IOException) when (File.Exists(path))
            {
                continue; // created meanwhile: Unique already marked it taken; try the next name
            }
            return new ScaffoldResult(path, slug, slug != baseSlug);
        }
        throw new IOException($"{dir} 里同名的文章太多，找不到可用的文件名 (too many articles of this name in {dir}; no free file name)");
    }
}
