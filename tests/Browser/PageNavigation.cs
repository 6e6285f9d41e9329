using Microsoft.Playwright;

namespace NucleusCloud.Tests.Browser;

/// <summary>
/// Navigation that waits on the document itself rather than on the browser's lifecycle events:
/// on a busy CI machine Debian's Chromium has been seen to report "networkidle" but never "load"
/// to Playwright for a page that had fully rendered, so a wait for "load" timed out.
/// </summary>
public static class PageNavigation
{
    /// <summary>
    /// Signs in with a password (an account without a second factor) and waits for where sign-in leads:
    /// the workspace's home for a member of one, the account page otherwise.
    /// </summary>
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.VisitAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForFunctionAsync(
            "() => /(\\/account|\\/home)$/.test(location.pathname) && document.readyState === 'complete'", null, new PageWaitForFunctionOptions { PollingInterval = 50 });
    }

    /// <summary>Opens <paramref name="url"/> and waits until its document has finished loading.</summary>
    public static async Task<IResponse?> VisitAsync(this IPage page, string url)
    {
        var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.ReadyAsync();
        return response;
    }

    /// <summary>
    /// Waits, in the page itself, until the address matches <paramref name="glob"/> (<c>*</c> stands
    /// for any characters) and that document has finished loading. Playwright's own URL wait has hung
    /// even for a "commit" on a page with a DevTools session attached (the passkey test's).
    /// </summary>
    public static Task ArrivedAtAsync(this IPage page, string glob)
    {
        var pattern = "^" + string.Join(".*", glob.Split('*', StringSplitOptions.RemoveEmptyEntries).Select(System.Text.RegularExpressions.Regex.Escape)) + (glob.EndsWith('*') ? ".*" : "") + "$";
        if (glob.StartsWith('*'))
        {
            pattern = "^.*" + pattern[1..];
        }

        return page.WaitForFunctionAsync(
            "pattern => new RegExp(pattern).test(location.href) && document.readyState === 'complete'",
            pattern,
            new PageWaitForFunctionOptions { PollingInterval = 50 });
    }

    /// <summary>Polls the page's own <c>document.readyState</c>.</summary>
    public static Task ReadyAsync(this IPage page) =>
        page.WaitForFunctionAsync("document.readyState === 'complete'", null, new PageWaitForFunctionOptions { PollingInterval = 50 });
}
