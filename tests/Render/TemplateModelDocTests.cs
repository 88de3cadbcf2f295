using System.Reflection;
using System.Text;
using Baoku.Render;
using Baoku.Tests.Support;
using Scriban.Runtime;

namespace Baoku.Tests.Render;

/// <summary>
/// docs/templates.md, the model templates see, is written from the view types themselves: this test makes the
/// document and fails when the file differs, so a view can never change without its documentation.
/// To rewrite the file after changing a view: <c>BAOKU_WRITE_DOCS=1 dotnet test tests --filter TemplateModelDocTests</c>.
/// </summary>
public class TemplateModelDocTests
{
    static string DocPath => Path.Combine(SeedArticles.RepoRoot, "docs", "templates.md");

    [Fact]
    public void Docs_templates_md_lists_every_object_and_field_the_templates_see()
    {
        var expected = Document();
        if (Environment.GetEnvironmentVariable("BAOKU_WRITE_DOCS") == "1") File.WriteAllText(DocPath, expected);
        var actual = File.Exists(DocPath) ? File.ReadAllText(DocPath) : "(no file)";
        actual.ShouldBe(expected, "docs/templates.md is out of date: run BAOKU_WRITE_DOCS=1 dotnet test tests --filter TemplateModelDocTests, then review and commit it");
    }

    [Fact]
    public void Every_page_template_of_the_bundled_theme_has_its_view_and_every_view_field_a_template_name()
    {
        var pages = Directory.GetFiles(Path.Combine(SeedArticles.RepoRoot, "templates", "pages"), "*" + TemplateSet.Extension)
            .Select(f => Path.GetFileName(f)[..^TemplateSet.Extension.Length]).Order(StringComparer.Ordinal);
        pages.ShouldBe(PageViews.ByTemplate.Keys.Order(StringComparer.Ordinal));
        Name("DateIso").ShouldBe("date_iso");
        Name("BodyHtml").ShouldBe("body_html");
    }

    static string Name(string member) => StandardMemberRenamer.Rename(member);

    static string Document()
    {
        var sb = new StringBuilder();
        sb.Append("""
            # The model templates see

            <!-- Written by tests/Render/TemplateModelDocTests.cs from the view types in generator/Render/; do not edit by hand. -->

            Templates are [Scriban](https://github.com/scriban/scriban/blob/master/doc/language.md) files (`.sbn-html`) in
            `templates/`: `layouts/base.sbn-html` around every page, `pages/<name>.sbn-html` for each kind of page and
            `partials/<name>.sbn-html` for shared pieces (`{{ include 'calendar' }}`, `{{ include 'term-links' '专题' page.campaigns }}`).
            A site's own `templates/` overrides any of them, file by file; the rest come from the templates installed with Baoku.

            Every value a template writes is HTML-escaped; the fields of type *HTML* are made by the generator and written
            as they are. A field that may be absent is marked *or nothing*: test it with `{{ if page.kicker }}`. Lists are
            never absent: test them with `{{ if page.related.size > 0 }}`. Loops stop after 1,000,000 turns and includes
            after 64 levels, with an error naming the template, line and column.

            ## What every template sees

            | name | what | type |
            |---|---|---|
            | `site` | the site, the same on every page | [SiteView](#siteview) |
            | `page` | the page's own view (see below); in `pages/` and `partials/` | depends on the page |
            | `layout` | what the layout needs; in `layouts/base.sbn-html` | [LayoutView](#layoutview) |
            | `content` | the page body, made from `pages/<name>.sbn-html`; in the layout | HTML |

            ## Each page template and its `page`

            | template | `page` |
            |---|---|

            """.Replace("\r", ""));
        foreach (var (name, type) in PageViews.ByTemplate.OrderBy(p => p.Key, StringComparer.Ordinal))
            sb.Append($"| `pages/{name}.sbn-html` | [{type.Name}](#{type.Name.ToLowerInvariant()}) |\n");

        var seen = new SortedDictionary<string, Type>(StringComparer.Ordinal);
        void Visit(Type t)
        {
            if (!IsView(t) || !seen.TryAdd(t.Name, t)) return;
            foreach (var p in Fields(t)) foreach (var inner in Inner(p.PropertyType)) Visit(inner);
        }
        Visit(typeof(SiteView));
        Visit(typeof(LayoutView));
        foreach (var t in PageViews.ByTemplate.Values) Visit(t);

        sb.Append("\n## The objects\n");
        foreach (var t in seen.Values)
        {
            sb.Append($"\n### {t.Name}\n\n| field | type |\n|---|---|\n");
            foreach (var p in Fields(t)) sb.Append($"| `{Name(p.Name)}` | {TypeText(p)} |\n");
        }
        return sb.ToString();
    }

    static bool IsView(Type t) => t.Namespace == "Baoku.Render" && t.Name.EndsWith("View", StringComparison.Ordinal);

    static IEnumerable<PropertyInfo> Fields(Type t) =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract")
            .OrderBy(p => Array.IndexOf(t.GetConstructors()[0].GetParameters().Select(c => c.Name).ToArray(), p.Name));

    static IEnumerable<Type> Inner(Type t) =>
        t.IsGenericType ? t.GetGenericArguments().SelectMany(Inner) : [Nullable.GetUnderlyingType(t) ?? t];

    static readonly NullabilityInfoContext Nullability = new();

    static string TypeText(PropertyInfo p)
    {
        var optional = Nullability.Create(p).ReadState == NullabilityState.Nullable;
        return Text(p.PropertyType) + (optional ? ", or nothing" : "");
    }

    static string Text(Type t)
    {
        if (Nullable.GetUnderlyingType(t) is { } u) return Text(u);
        if (t == typeof(string)) return "text";
        if (t == typeof(int)) return "number";
        if (t == typeof(bool)) return "true or false";
        if (t == typeof(RawHtml)) return "HTML";
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)) return "list of " + Text(t.GetGenericArguments()[0]);
        if (IsView(t)) return $"[{t.Name}](#{t.Name.ToLowerInvariant()})";
        throw new InvalidOperationException($"no wording for {t}");
    }
}
