using Baoku.Config;
using Baoku.Content;
using Baoku.Render;
using Baoku.Site;

namespace Baoku.Check;

public sealed record CheckOptions(string ContentDir, string SiteConfigPath, string TemplatesDir, bool IncludeDrafts);

/// <summary>
/// <c>baoku check</c>: everything a build would reject or warn about, without rendering or writing anything.
/// site.yml, templates, content and the site model are read by the build's own loaders (their problems get a code
/// from where they are raised (<see cref="ProblemCodes"/>)); then each article that would be published is checked for links and images that
/// point nowhere (<see cref="LinkTargetCheck"/>) and for suspicious text (<see cref="SuspiciousTextCheck"/>).
/// </summary>
public static class ContentChecker
{
    public static CheckReport Run(CheckOptions o)
    {
        var findings = new List<Problem>();

        var (config, configProblems) = SiteConfigLoader.Load(o.SiteConfigPath);
        findings.AddRange(configProblems);
        var (templates, templateProblems) = TemplateSet.Load(o.TemplatesDir);
        findings.AddRange(templateProblems);
        if (config is null) return new(findings, 0);   // campaigns and columns are unknown: content cannot be judged

        var content = ContentLoader.Load(o.ContentDir, config);
        var contentFindings = new List<Problem>(content.Problems);
        var (model, modelProblems) = SiteModelBuilder.Build(content.Articles, config, o.IncludeDrafts);
        contentFindings.AddRange(modelProblems);

        var display = o.ContentDir.Replace('\\', '/').TrimEnd('/');
        string Shown(Article a) => display is "" or "." ? a.RelativePath : display + "/" + a.RelativePath;
        var plan = SitePlan.Of(model, TemplateFolders.Over(o.TemplatesDir).Assets());
        // A template that parses can still fail on a page (a field it misspells, a loop that never ends): render the
        // first and last page of every kind, as the build would, so check finds it too.
        if (templates is not null) findings.AddRange(new SiteRenderer(model, plan, templates).TrySamples());
        var links = new LinkTargetCheck(
            plan.Paths,
            plan.BasePath,
            o.ContentDir,
            model.Articles.ToDictionary(a => a.Source.RelativePath, StringComparer.Ordinal));
        var perArticle = new List<Problem>[model.Articles.Count];
        Parallel.For(0, perArticle.Length, i =>
        {
            var a = model.Articles[i];
            perArticle[i] = [.. links.Check(a, Shown(a.Source)), .. SuspiciousTextCheck.Check(a.Source, Shown(a.Source))];
        });
        foreach (var list in perArticle) contentFindings.AddRange(list);

        // Stable: per file, the loader's problems on a line come before check's own findings on it.
        findings.AddRange(contentFindings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line ?? 0));
        int failedFiles = content.Problems
            .Where(p => p.IsError && p.File.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Select(p => p.File).Distinct().Count();
        return new(findings, content.Articles.Count + failedFiles);
    }
}
