using Microsoft.Playwright;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Browser;

/// <summary>A platform administrator's first sign-in: sent to enrol a second factor before any platform action, then signed in with it.</summary>
public static class PlatformAdminSession
{
    public static async Task EnrolAndSignInAsync(IPage page, string email, string password)
    {
        await page.SignInAsync(email, password);
        await page.ArrivedAtAsync("**/account");
        await page.ClickAsync("#platform-tenants");
        await page.ArrivedAtAsync("**/account/two-factor?required=true**");
        await BrowserFixture.AssertAccessibleAsync(page);
        var key = (await page.TextContentAsync("#shared-key"))!.Trim();
        var code = Totp.Code(key);
        await page.FillAsync("#code", code);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync("#recovery-codes");
        await page.ClickAsync("#sign-out");
        await page.WaitForSelectorAsync("#sign-in-link");
        await page.VisitAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("main button[type=submit]");
        await page.ArrivedAtAsync("**/account/login/second-factor**");
        await page.FillAsync("#code", await Totp.NextCodeAsync(key, code));
        await page.ClickAsync("main button[type=submit]");
        await page.ArrivedAtAsync("**/account");
    }
}
