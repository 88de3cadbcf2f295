using Microsoft.Playwright;

namespace Baoku.Tests.Support.Web;

/// <summary>
/// Screenshots the web tests take for a person to review. A run writes them under tests/TestResults/screenshots/ (not
/// tracked, so a test run never leaves the checkout changed); with BAOKU_UPDATE_SCREENSHOTS=1 they replace the reviewed
/// copies kept in the repository (tests/Web/screenshots/). A full-page shot larger than <see cref="MaxBytes"/> is taken
/// again cut to the top part of the page that fits, so no file grows past about 300 KB.
/// </summary>
public static class Screenshots
{
    public const long MaxBytes = 300_000;

    public static string Folder => Environment.GetEnvironmentVariable("BAOKU_UPDATE_SCREENSHOTS") == "1"
        ? Path.Combine(RepoPaths.Tests, "Web", "screenshots")
        : Path.Combine(RepoPaths.Tests, "TestResults", "screenshots");

    /// <summary>Takes a PNG of <paramref name="page"/> at <see cref="Folder"/>/<paramref name="relative"/>; returns its full path.</summary>
    public static async Task<string> TakeAsync(IPage page, string relative)
    {
        var path = Path.Combine(Folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Type = ScreenshotType.Png });
        var width = page.ViewportSize?.Width ?? 1024;
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        while (new FileInfo(path).Length is var size && size > MaxBytes && height > 400)
        {
            height = (int)(height * 0.95 * MaxBytes / size); // PNG size grows about linearly with the height
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = path, FullPage = true, Type = ScreenshotType.Png,
                Clip = new Clip { X = 0, Y = 0, Width = width, Height = height },
            });
        }
        return path;
    }
}
