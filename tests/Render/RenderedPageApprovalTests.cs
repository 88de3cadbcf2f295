using AngleSharp;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using Baoku.Tests.Support;

namespace Baoku.Tests.Render;

/// <summary>
/// Rendered pages of the real archive, normalised with AngleSharp (pretty-printed DOM), frozen after review.
/// A change here is a change readers see: look at the diff before approving.
/// </summary>
public class RenderedPageApprovalTests : IClassFixture<RenderedPageApprovalTests.BuiltSite>
{
    public sealed class BuiltSite : IDisposable
    {
        public BuildSandbox Sandbox { get; } = new();
        public BuiltSite() => Sandbox.Build().Published.ShouldBeTrue();
        public void Dispose() => Sandbox.Dispose();
    }

    readonly BuiltSite _site;
    public RenderedPageApprovalTests(BuiltSite site) => _site = site;

    [Theory]
    [InlineData("home", "index.html")]
    [InlineData("article", "2022/11/20221122-018d1bbd/index.html")]
    [InlineData("campaign", "campaigns/qinglian-minqi/index.html")]
    [InlineData("campaigns", "campaigns/index.html")]
    [InlineData("day", "2022/11/22/index.html")]
    [InlineData("year", "2023/index.html")]
    [InlineData("sourcepage", "pages/003-64c2b03470ce42da/index.html")]
    [InlineData("people", "people/index.html")]
    [InlineData("notfound", "404.html")]
    [InlineData("search", "search/index.html")]
    public void PageRendersAsApproved(string name, string path)
    {
        var html = File.ReadAllText(Path.Combine(_site.Sandbox.Output, path));
        var doc = new HtmlParser().ParseDocument(html);
        var normalised = doc.ToHtml(new PrettyMarkupFormatter { Indentation = "  ", NewLine = "\n" });
        normalised.ShouldMatchApproved(c => c.WithDiscriminator(name).SubFolder("approved").WithFileExtension("html").NoDiff());
    }

    [Fact]
    public void CampaignFeedRendersAsApproved() =>
        File.ReadAllText(Path.Combine(_site.Sandbox.Output, "campaigns/qinglian-minqi/feed.xml"))
            .ShouldMatchApproved(c => c.WithDiscriminator("feed").SubFolder("approved").WithFileExtension("xml").NoDiff());
}
