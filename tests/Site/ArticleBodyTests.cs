using Baoku.Site;

namespace Baoku.Tests.Site;

public class ArticleBodyTests
{
    static string Html(string markdown, string pageUrl) => ArticleBody.Read(markdown, pageUrl).Html;

    [Fact]
    public void RawHtmlIsShownAsText()
    {
        var html = Html("正文<script>alert(1)</script>", "2022/11/a/");
        html.ShouldNotContain("<script>");
        html.ShouldContain("&lt;script&gt;");
    }

    [Theory]
    [InlineData("[点我](javascript:alert(1))")]
    [InlineData("[点我](JAVASCRIPT:alert(1))")]
    [InlineData("[点我](data:text/html,hi)")]
    [InlineData("[点我](vbscript:x)")]
    [InlineData("[点我](//evil.example/x)")]
    public void DangerousLinksLoseTheirHrefButKeepTheirText(string markdown)
    {
        var body = ArticleBody.Read(markdown, "2022/11/a/");
        body.Html.ShouldNotContain("href");
        body.Html.ShouldContain("点我");
        body.Links.ShouldHaveSingleItem().Href.ShouldBeNull();
        body.Summary.ShouldBe("点我");
    }

    [Fact]
    public void SitePathLinksBecomeRelativeToThePage() =>
        Html("[另一篇](/2023/05/a-1/#第二节)", "2022/11/a/")
            .ShouldContain("href=\"../../../2023/05/a-1/index.html#" + Uri.EscapeDataString("第二节") + "\"");

    [Fact]
    public void ExternalLinksStay() =>
        Html("[人民网](https://www.people.com.cn/)", "").ShouldContain("href=\"https://www.people.com.cn/\"");

    [Fact]
    public void ChineseIntertitleKeepsAChineseAnchor() =>
        Html("## 发展的印记闪光", "").ShouldContain("id=\"发展的印记闪光\"");

    [Fact]
    public void TextIsOneLinePerBlockWithoutMarkupOrLinkTargets() =>
        ArticleBody.Read("## 小标题\n\n第一段[链接](/x/)有*强调*。\n\n- 一项\n- 二项\n\n![图片说明](/assets/a.png)", "2022/11/a/").Text
            .ShouldBe("小标题\n第一段链接有强调。\n一项\n二项\n图片说明");

    [Fact]
    public void LinksKeepTheirUrlAsWrittenTheirHrefAndTheirLine()
    {
        var links = ArticleBody.Read("第一段。\n\n见[另一篇](/2023/05/a-1/)和![图](/assets/a.png)。", "2022/11/a/").Links;
        links.Count.ShouldBe(2);
        links[0].ShouldBe(new BodyLink("/2023/05/a-1/", "../../../2023/05/a-1/index.html", 2, false));
        links[1].ShouldBe(new BodyLink("/assets/a.png", "../../../assets/a.png", 2, true));
    }

    [Theory]
    [InlineData("## 小标题\n\n> 引语\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- 列表\n\n第一段\n接着写。\n\n第二段。", "第一段 接着写。")]
    [InlineData("图片![说明](/assets/a.png)后，&amp; 与 \\* 号", "图片说明后，& 与 * 号")]
    [InlineData("## 只有标题", "")]
    public void SummaryIsTheFirstParagraphAsOneLineOfText(string markdown, string summary) =>
        ArticleBody.Read(markdown, "2022/11/a/").Summary.ShouldBe(summary);

    [Fact]
    public void ALongSummaryIsCutAtNinetyCharacters()
    {
        var summary = ArticleBody.Read(new string('字', 100), "").Summary;
        summary.ShouldBe(new string('字', 90) + "……");
    }
}
