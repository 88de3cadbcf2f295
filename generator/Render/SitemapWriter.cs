using System.Text;
using System.Xml;
using Baoku.Site;

namespace Baoku.Render;

/// <summary>sitemap.xml (every page worth indexing, absolute URLs) and robots.txt.</summary>
public static class SitemapWriter
{
    public static string Sitemap(string baseUrl, IEnumerable<SitemapEntry> pages)
    {
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var (url, modified) in pages)
            {
                w.WriteStartElement("url");
                w.WriteElementString("loc", UrlScheme.Absolute(baseUrl, url));
                if (modified is { } d) w.WriteElementString("lastmod", $"{d:yyyy-MM-dd}");
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"");
    }

    public static string Robots(string baseUrl) => $"User-agent: *\nAllow: /\nSitemap: {UrlScheme.Absolute(baseUrl, "sitemap.xml")}\n";
}
