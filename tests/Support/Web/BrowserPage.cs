using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Baoku.Tests.Support.Web;

/// <summary>
/// A Playwright page in its own browser context, recording what went wrong while it was open: console errors and
/// uncaught script errors (<see cref="ConsoleErrors"/>), and requests that failed or got an HTTP error status
/// (<see cref="FailedRequests"/>). Dispose closes the context.
/// Chromium's own favicon request (to /favicon.ico at the host root when a page declares no icon) is not a Playwright
/// request event; when it fails it shows only as the console error "Failed to load resource: ... 404".
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly ConcurrentQueue<string> consoleErrors = new();
    private readonly ConcurrentQueue<string> failedRequests = new();

    public IPage Page { get; }

    /// <summary>console.error messages (including Chromium's own "Failed to load resource") and uncaught exceptions.</summary>
    public IReadOnlyList<string> ConsoleErrors => consoleErrors.ToArray();

    /// <summary>Requests that failed at the network level ("URL: reason") or were answered with status 400 or more ("URL: 404").</summary>
    public IReadOnlyList<string> FailedRequests => failedRequests.ToArray();

    private BrowserPage(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Enqueue(message.Text); };
        page.PageError += (_, error) => consoleErrors.Enqueue("uncaught: " + error);
        page.RequestFailed += (_, request) => failedRequests.Enqueue($"{request.Url}: {request.Failure}");
        page.Response += (_, response) => { if (response.Status >= 400) failedRequests.Enqueue($"{response.Url}: {response.Status}"); };
    }

    internal static async Task<BrowserPage> OpenAsync(IBrowserContext context) => new(context, await context.NewPageAsync());

    /// <summary>Loads a URL and waits for the load event; returns the main document's response (null for some file:// loads).</summary>
    public Task<IResponse?> GotoAsync(Uri url) =>
        Page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

    /// <summary>Loads a local file as a file:// URL, as a reader who opens the built site from disk.</summary>
    public Task<IResponse?> OpenFileAsync(string path) => GotoAsync(new Uri(Path.GetFullPath(path)));

    /// <summary>A PNG screenshot of the whole page (not just the viewport) at <paramref name="path"/>; folders are created.</summary>
    public async Task ScreenshotAsync(string path, bool fullPage = true)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage, Type = ScreenshotType.Png });
    }

    /// <summary>Fails the test when any console error or failed request was recorded, listing them all.</summary>
    public void ShouldHaveNoErrors()
    {
        var problems = ConsoleErrors.Select(e => "console: " + e).Concat(FailedRequests.Select(f => "request: " + f)).ToList();
        problems.ShouldBeEmpty("the page reported:\n" + string.Join("\n", problems));
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
