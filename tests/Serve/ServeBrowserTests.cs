using Baoku.Serve;
using Baoku.Tests.Support.Web;
using Microsoft.Playwright;

namespace Baoku.Tests.Serve;

/// <summary>The live-reload script in a real browser (Chromium): an open page reloads by itself after an edit, and shows and drops the error panel.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ServeBrowserTests(BrowserFixture browser)
{
    const string Article = "2023/01/20230112-c58276a3/";
    const string Title = "政企同心 携手打造世界五金之都";
    static readonly float Patience = (float)ServeSandbox.Patience.TotalMilliseconds;

    [Fact]
    public async Task AnOpenPageReloadsAfterAnEditAndShowsABrokenEditsErrors()
    {
        using var s = new ServeSandbox();
        await using var page = await browser.OpenPageAsync();
        (await page.GotoAsync(new Uri(s.Url, Article)))!.Status.ShouldBe(200);
        // Wait until the page's event stream is connected, then mark the page: a reload loses the mark.
        await WaitForAsync(() => s.Session.LiveClients >= 1, "the page's event stream");
        await page.Page.EvaluateAsync("() => { window.__notReloaded = true; }");

        var file = Path.Combine(s.Content, "2023", "01", "20230112-c58276a3.md");
        var good = File.ReadAllText(file);
        ServeSandbox.SaveLikeAnEditor(file, good.Replace("title: " + Title, "title: 浏览器里看到 " + Title));
        await page.Page.WaitForFunctionAsync("() => document.querySelector('h1') && document.querySelector('h1').textContent.includes('浏览器里看到')",
            null, new PageWaitForFunctionOptions { Timeout = Patience });
        (await page.Page.EvaluateAsync<bool>("() => window.__notReloaded === true")).ShouldBeFalse();

        ServeSandbox.SaveLikeAnEditor(file, good.Replace("date: 2023-01-12", "date: 2023-13-45"));
        var panel = page.Page.Locator("#" + ErrorPanel.Id);
        await panel.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = Patience });
        (await panel.TextContentAsync())!.ShouldContain("20230112-c58276a3.md:4: error:");

        ServeSandbox.SaveLikeAnEditor(file, good);
        await panel.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = Patience });
        (await page.Page.Locator("h1").TextContentAsync())!.ShouldContain(Title);
        page.ConsoleErrors.ShouldBeEmpty();
    }

    static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + ServeSandbox.Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(what + " did not happen");
            await Task.Delay(100);
        }
    }
}
