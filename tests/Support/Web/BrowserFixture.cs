using Microsoft.Playwright;

namespace Baoku.Tests.Support.Web;

/// <summary>
/// One Playwright driver and one headless Debian Chromium for a whole test collection (see <see cref="BrowserCollection"/>).
/// Tests open pages with <see cref="OpenPageAsync"/>; each page gets its own fresh browser context (no shared cookies,
/// cache or storage), closed when the page is disposed.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium (package chromium); Playwright drives it instead of downloading its own build.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// Flags that work on these machines (closed network, root, no GPU). Playwright adds --headless and its own fresh
    /// temporary --user-data-dir for every launch; --no-sandbox is needed as root.
    /// </summary>
    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("the browser fixture is not initialised");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw MissingToolException.For("Chromium", ChromiumPath, "Debian package chromium");
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>
    /// A new page in a fresh context. With <paramref name="javaScript"/> false the page runs no script of its own
    /// (as for a reader with JavaScript off); Playwright's own calls (EvaluateAsync, TextContent, locators) still work.
    /// </summary>
    public async Task<BrowserPage> OpenPageAsync(bool javaScript = true, int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        return await BrowserPage.OpenAsync(context);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
    }
}

/// <summary>The test collection whose tests share one <see cref="BrowserFixture"/>: put <c>[Collection(BrowserCollection.Name)]</c> on a test class.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
