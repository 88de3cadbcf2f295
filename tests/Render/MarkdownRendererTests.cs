using Baoku.Render;

namespace Baoku.Tests.Render;

public class MarkdownRendererTests
{
    [Fact]
    public void RawHtmlIsShownAsText()
    {
        var html = MarkdownRenderer.ToHtml("正文<script>alert(1)</script>", "2022/11/a/");
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
        var html = MarkdownRenderer.ToHtml(markdown, "2022/11/a/");
        html.ShouldNotContain("href");
        html.ShouldContain("点我");
    }

    [Fact]
    public void SitePathLinksBecomeRelativeToThePage() =>
        MarkdownRenderer.ToHtml("[另一篇](/2023/05/a-1/#第二节)", "2022/11/a/")
            .ShouldContain("href=\"../../../2023/05/a-1/index.html#" + Uri.EscapeDataString("第二节") + "\"");

    [Fact]
    public void ExternalLinksStay() =>
        MarkdownRenderer.ToHtml("[人民网](https://www.people.com.cn/)", "").ShouldContain("href=\"https://www.people.com.cn/\"");

    [Fact]
    public void ChineseIntertitleKeepsAChineseAnchor() =>
        MarkdownRenderer.ToHtml("## 发展的印记闪光", "").ShouldContain("id=\"发展的印记闪光\"");
}
