using Baoku.Site;

namespace Baoku.Render;

/// <summary>The page links of a list split into pages (<see cref="PageNumber"/>): first, last and the pages near the current one.</summary>
public static class Pagination
{
    public static PaginationView? View(string listUrl, string pageUrl, int current, int total)
    {
        if (total <= 1) return null;
        string Href(int n) => UrlScheme.Relative(pageUrl, UrlScheme.Paged(listUrl, n));
        var numbers = new SortedSet<int> { 1, total };
        for (int n = Math.Max(1, current - 2); n <= Math.Min(total, current + 2); n++) numbers.Add(n);
        var links = new List<PageLinkView>();
        int last = 0;
        foreach (var n in numbers)
        {
            if (n > last + 1) links.Add(new PageLinkView(0, null, false, true));
            links.Add(new PageLinkView(n, n == current ? null : Href(n), n == current, false));
            last = n;
        }
        return new PaginationView(current, total, current > 1 ? Href(current - 1) : null, current < total ? Href(current + 1) : null, links);
    }
}
