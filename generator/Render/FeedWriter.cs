using System.Text;
using System.Xml;
using Baoku.Site;

namespace Baoku.Render;

/// <summary>Atom feeds: the newest articles of the site or of one campaign. Times come from article dates, so unchanged content gives an identical feed.</summary>
public static class FeedWriter
{
    public static string Atom(SiteModel site, string title, string feedUrl, string pageUrl, IEnumerable<SiteArticle> articles)
    {
        var baseUrl = site.Config.BaseUrl;
        var items = articles.Take(site.Config.Build.FeedCount).ToList();
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = Encoding.UTF8 }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            w.WriteAttributeString("xml", "lang", null, "zh-CN");
            w.WriteElementString("title", X(title));
            w.WriteElementString("id", UrlScheme.Absolute(baseUrl, feedUrl));
            Link(w, "self", UrlScheme.Absolute(baseUrl, feedUrl), "application/atom+xml");
            Link(w, "alternate", UrlScheme.Absolute(baseUrl, pageUrl), "text/html");
            w.WriteElementString("updated", Timestamp(items.Count > 0 ? items[0].Date : new DateOnly(2000, 1, 1)));
            w.WriteStartElement("author");
            w.WriteElementString("name", X(site.Config.Title));
            w.WriteEndElement();
            foreach (var a in items)
            {
                w.WriteStartElement("entry");
                w.WriteElementString("title", X(a.Title));
                w.WriteElementString("id", UrlScheme.Absolute(baseUrl, a.Url));
                Link(w, "alternate", UrlScheme.Absolute(baseUrl, a.Url), "text/html");
                w.WriteElementString("published", Timestamp(a.Date));
                w.WriteElementString("updated", Timestamp(a.Date));
                foreach (var author in a.Source.Meta.Authors)
                {
                    w.WriteStartElement("author");
                    w.WriteElementString("name", X(author));
                    w.WriteEndElement();
                }
                foreach (var c in a.Campaigns)
                {
                    w.WriteStartElement("category");
                    w.WriteAttributeString("term", X(c.Name));
                    w.WriteEndElement();
                }
                w.WriteStartElement("summary");
                w.WriteAttributeString("type", "text");
                w.WriteString(X(a.Summary));
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"");
    }

    static void Link(XmlWriter w, string rel, string href, string type)
    {
        w.WriteStartElement("link");
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    /// <summary>
    /// The text without characters XML 1.0 cannot hold (control characters other than tab and line ends, lone
    /// surrogates): check removes them from articles (BK390), this keeps every feed well-formed whatever reaches it.
    /// </summary>
    static string X(string text)
    {
        int bad = 0;
        while (bad < text.Length && XmlConvert.IsXmlChar(text[bad])) bad++;
        if (bad == text.Length) return text;
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) sb.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) sb.Append(text, i++, 2);
        }
        return sb.ToString();
    }

    /// <summary>Articles carry a date, not a time: noon China time, so the day is right in every time zone's reader.</summary>
    static string Timestamp(DateOnly d) => $"{d:yyyy-MM-dd}T12:00:00+08:00";
}
