using Baoku.Render;

namespace Baoku.Tests.Render;

public class PaginationTests
{
    [Fact]
    public void SinglePageHasNoPagination() => Pagination.View("tags/x/", "tags/x/", 1, 1).ShouldBeNull();

    [Fact]
    public void ManyPagesShowFirstLastAndNeighboursWithGaps()
    {
        var v = Pagination.View("tags/x/", "tags/x/page/10/", 10, 40)!;
        v.Pages.Select(p => p.Gap ? "…" : p.Number.ToString()).ShouldBe(["1", "…", "8", "9", "10", "11", "12", "…", "40"]);
        v.Prev.ShouldBe("../../../../tags/x/page/9/index.html");
        v.Next.ShouldBe("../../../../tags/x/page/11/index.html");
        v.Pages.Single(p => p.Current).Href.ShouldBeNull();
    }

    [Fact]
    public void LinkToPageOneIsTheListItself() =>
        Pagination.View("tags/x/", "tags/x/page/2/", 2, 3)!.Prev.ShouldBe("../../../../tags/x/index.html");
}
