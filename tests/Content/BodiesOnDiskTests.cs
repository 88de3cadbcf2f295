using System.Text;
using Baoku.Content;

namespace Baoku.Tests.Content;

/// <summary>
/// <see cref="ContentLoader.Load"/> with bodies on disk (what a build uses): the articles hold no body, each read of
/// <see cref="Article.Markdown"/> gives exactly what the loader made, and a file changed since loading is refused (BK470).
/// </summary>
public sealed class BodiesOnDiskTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("baoku-bodies-").FullName;
    private string ContentDir => Path.Combine(_root, "content");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relativePath, string text, bool bom = false)
    {
        var path = Path.Combine(ContentDir, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = Encoding.UTF8.GetBytes(text);
        File.WriteAllBytes(path, bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
    }

    private static string Article(string slug, string body, string eol = "\n") =>
        string.Join(eol, "---", "title: 用心解难争主动", "date: 2023-01-12", "slug: " + slug, "---", "", body) + eol;

    [Fact]
    public void Bodies_read_back_from_disk_equal_the_bodies_loaded_into_memory()
    {
        Write("2023/01/a.md", Article("a", "第一段，有**加粗**和[链接](/2023/01/b/)。\n\n第二段。"));
        Write("2023/01/b.md", Article("b", "换行是 CRLF 的正文。\r\n\r\n第二段。", "\r\n"));
        Write("2023/01/c.md", Article("c", "带 BOM 的正文，还有换页符\f留下的控制字符。"), bom: true);
        Write("2023/01/d.md", "---\ntitle: 没有正文前空行\ndate: 2023-01-12\nslug: d\n---\n正文紧跟着。");

        var inMemory = ContentLoader.Load(ContentDir, ContentTestSite.Config);
        var onDisk = ContentLoader.Load(ContentDir, ContentTestSite.Config, bodiesOnDisk: true);

        onDisk.Articles.Count.ShouldBe(4);
        onDisk.Problems.ShouldBe(inMemory.Problems);
        foreach (var (m, d) in inMemory.Articles.Zip(onDisk.Articles))
        {
            d.RelativePath.ShouldBe(m.RelativePath);
            d.Markdown.ShouldBe(m.Markdown);
            d.Markdown.ShouldBe(m.Markdown);   // and again: each read goes to the file
        }
    }

    [Fact]
    public void A_body_on_disk_is_read_from_the_file_each_time_not_held()
    {
        Write("2023/01/a.md", Article("a", "原来的正文。"));
        var article = ContentLoader.Load(ContentDir, ContentTestSite.Config, bodiesOnDisk: true).Articles.ShouldHaveSingleItem();

        File.Delete(Path.Combine(ContentDir, "2023/01/a.md"));

        var e = Should.Throw<ProblemException>(() => article.Markdown);
        e.Problem.Code.ShouldBe(ProblemCodes.ArticleChangedDuringBuild);
        e.Problem.File.ShouldEndWith("a.md");
    }

    [Fact]
    public void An_article_changed_after_loading_is_refused_not_mixed_into_the_site()
    {
        Write("2023/01/a.md", Article("a", "原来的正文。"));
        var article = ContentLoader.Load(ContentDir, ContentTestSite.Config, bodiesOnDisk: true).Articles.ShouldHaveSingleItem();

        Write("2023/01/a.md", Article("a", "改过的正文！"));   // same length in UTF-8: only the hash tells

        Should.Throw<ProblemException>(() => article.Markdown).Problem.Code.ShouldBe(ProblemCodes.ArticleChangedDuringBuild);
    }
}
