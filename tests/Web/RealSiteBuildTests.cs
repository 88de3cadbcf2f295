using Baoku.Tests.Support.Web;
using Xunit.Abstractions;

namespace Baoku.Tests.Web;

/// <summary>The repository's real content, site.yml and templates build into a published site (the fixture every real-site test uses).</summary>
[Collection(RealSiteCollection.Name)]
public sealed class RealSiteBuildTests(RealSiteFixture site, ITestOutputHelper output)
{
    [Fact]
    public void Real_content_builds_and_publishes_with_no_errors_for_http_and_for_disk()
    {
        output.WriteLine($"both builds took {site.BuildTime.TotalSeconds:0.0} s");
        foreach (var (name, build, folder) in new[] { ("http", site.HttpBuild, site.HttpSite), ("file", site.FileBuild, site.FileSite) })
        {
            foreach (var p in build.Problems) output.WriteLine($"{name}: {p}");
            output.WriteLine($"{name}: " + string.Join(", ", build.Timings.Select(t => $"{t.Stage} {t.Time.TotalSeconds:0.00} s")));
            build.HasErrors.ShouldBeFalse($"the {name} build has errors");
            build.Published.ShouldBeTrue($"the {name} build published");
            build.Articles.ShouldBe(site.Articles.Count, $"the {name} build has every published article");
            File.Exists(Path.Combine(folder, "index.html")).ShouldBeTrue($"the {name} build wrote the home page");
            File.Exists(Path.Combine(folder, "404.html")).ShouldBeTrue($"the {name} build wrote the 404 page");
        }
    }
}
