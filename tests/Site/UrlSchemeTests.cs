using Baoku.Site;

namespace Baoku.Tests.Site;

public class UrlSchemeTests
{
    [Theory]
    [InlineData("", "tags/x/", "tags/x/index.html")]
    [InlineData("2022/11/a/", "", "../../../index.html")]
    [InlineData("2022/11/a/", "tags/x/", "../../../tags/x/index.html")]
    [InlineData("tags/x/page/2/", "assets/style.css", "../../../../assets/style.css")]
    public void RelativeLinksNameIndexHtmlSoTheyWorkFromDisk(string from, string to, string expected) =>
        UrlScheme.Relative(from, to).ShouldBe(expected);

    [Fact]
    public void ChineseTermNamesGetStableAsciiKeys()
    {
        var key = UrlScheme.TermKey("营商环境");
        key.ShouldMatch("^t[0-9a-f]{10}$");
        UrlScheme.TermKey("营商环境").ShouldBe(key);
        UrlScheme.TermKey("新质生产力").ShouldNotBe(key);
    }

    [Fact]
    public void AsciiTermNamesStayReadable() => UrlScheme.TermKey("5G").ShouldBe("5g");

    [Fact]
    public void SourcePageKeyIsTheAsciiFileStem() =>
        UrlScheme.SourceKey("000_fcd394e6e566bb03.txt", null).ShouldBe("000-fcd394e6e566bb03");

    /// <summary>Pages filed by date share file names (A2.txt): the folders tell them apart.</summary>
    [Fact]
    public void SourcePagesInDateFoldersKeepTheirFoldersInTheKey()
    {
        UrlScheme.SourceKey("2024/03/19/A2.txt", null).ShouldBe("2024-03-19-a2");
        UrlScheme.SourceKey("2024/03/20/A2.txt", null).ShouldNotBe(UrlScheme.SourceKey("2024/03/19/A2.txt", null));
    }

    [Fact]
    public void ChineseSourceFileNameIsHashed() =>
        UrlScheme.SourceKey("第一版.txt", null).ShouldMatch("^s[0-9a-f]{10}$");

    [Fact]
    public void PageOneIsTheListItself()
    {
        UrlScheme.Paged("tags/x/", 1).ShouldBe("tags/x/");
        UrlScheme.Paged("tags/x/", 3).ShouldBe("tags/x/page/3/");
    }

    [Fact]
    public void ArticleUrlsFollowTheCorpusScheme() =>
        UrlScheme.Article(new DateOnly(2023, 5, 19), "a-1").ShouldBe("2023/05/a-1/");
}
