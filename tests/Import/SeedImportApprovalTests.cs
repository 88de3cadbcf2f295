using Baoku.Import.Write;
using Baoku.Tests.Support;

namespace Baoku.Tests.Import;

/// <summary>
/// The imported Markdown of every seed page, frozen after a line-by-line review against the raw page.
/// A change here means the importer reads a real page differently: review the diff before approving.
/// </summary>
public class SeedImportApprovalTests
{
    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void SeedPageImportsAsApproved(string page)
    {
        using var sandbox = new ImportSandbox(page);
        var result = sandbox.Run();
        result.Problems.ShouldBeEmpty();

        var text = ImportReportWriter.Render(result with { Files = [] });
        foreach (var a in result.Articles)
            text += $"\n\n======== content/{a.RelativePath}\n" + File.ReadAllText(Path.Combine(sandbox.Content, a.RelativePath));

        text.ShouldMatchApproved(c => c.WithDiscriminator(page).SubFolder("approved").WithFileExtension("md").NoDiff());
    }
}
