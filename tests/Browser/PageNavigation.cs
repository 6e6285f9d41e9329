using Microsoft.Playwright;

namespace NucleusCloud.Tests.Browser;

/// <summary>
/// Navigation that waits on the document itself rather than on the browser's lifecycle events:
/// on a busy CI machine Debian's Chromium has been seen to report "networkidle" but never "load"
/// to Playwright for a page that had fully rendered, so a wait for "load" timed out.
/// </summary>
public static class PageNavigation
{
    /// <summary>Opens <paramref name="url"/> and waits until its document has finished loading.</summary>
    public static async Task<IResponse?> VisitAsync(this IPage page, string url)
    {
        var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.ReadyAsync();
        return response;
    }

    /// <summary>Waits for the address to match <paramref name="glob"/>, then for that document to finish loading.</summary>
    public static async Task ArrivedAtAsync(this IPage page, string glob)
    {
        await page.WaitForURLAsync(glob, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.ReadyAsync();
    }

    /// <summary>Polls the page's own <c>document.readyState</c>.</summary>
    public static Task ReadyAsync(this IPage page) =>
        page.WaitForFunctionAsync("document.readyState === 'complete'", null, new PageWaitForFunctionOptions { PollingInterval = 50 });
}
