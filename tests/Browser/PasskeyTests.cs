using Microsoft.Playwright;

namespace NucleusCloud.Tests.Browser;

/// <summary>
/// Passkeys end to end: Chromium's virtual authenticator (WebAuthn domain of the DevTools protocol)
/// stands in for a phone or security key; the server side is .NET Identity's own WebAuthn checks.
/// </summary>
public sealed class PasskeyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "a perfectly long passphrase";

    [SkippableFact]
    public async Task A_person_adds_a_passkey_signs_in_with_it_alone_and_removes_it()
    {
        var email = $"passkey-{Guid.NewGuid():N}@example.org";
        await fixture.App.NewUserAsync(Password, email: email);
        var page = await fixture.NewPageAsync();
        await AddVirtualAuthenticatorAsync(page);

        await BrowserFixture.JourneyAsync(page, async () =>
        {
            await page.VisitAsync("/account/login");
            await page.FillAsync("#email", email);
            await page.FillAsync("#password", Password);
            await page.ClickAsync("main button[type=submit]");
            await page.ArrivedAtAsync("**/account");
            await page.ClickAsync("#manage-passkeys");
            await page.ArrivedAtAsync("**/account/passkeys");
            (await page.TextContentAsync("table"))!.ShouldContain("No passkeys yet.");
            await BrowserFixture.AssertAccessibleAsync(page);

            await page.FillAsync("#passkey-name", "Work laptop");
            await page.ClickAsync("#add-passkey");
            (await page.TextContentAsync("#passkey-status"))!.ShouldContain("Work laptop");
            (await page.TextContentAsync("table"))!.ShouldContain("Work laptop");
            await BrowserFixture.AssertAccessibleAsync(page);

            // Signed out, the passkey alone signs in: no e-mail, no password.
            await page.ClickAsync("#sign-out");
            await page.WaitForSelectorAsync("#sign-in-link");
            await page.VisitAsync("/account/login");
            await page.ClickAsync("#passkey-sign-in");
            await page.ArrivedAtAsync("**/account");
            (await page.TextContentAsync("#account-email")).ShouldBe(email);

            await page.VisitAsync("/account/passkeys");
            await page.ClickAsync("a[aria-label='Remove the passkey Work laptop']");
            await page.ArrivedAtAsync("**/account/passkeys?remove=*");
            await BrowserFixture.AssertAccessibleAsync(page);
            await page.ClickAsync("#confirm-remove");
            (await page.TextContentAsync("#passkey-status"))!.ShouldContain("removed");
            (await page.TextContentAsync("table"))!.ShouldContain("No passkeys yet.");

            // The authenticator still holds the credential, but the account no longer accepts it.
            await page.ClickAsync("#sign-out");
            await page.WaitForSelectorAsync("#sign-in-link");
            await page.VisitAsync("/account/login");
            await page.ClickAsync("#passkey-sign-in");
            (await page.TextContentAsync("[role=alert]"))!.ShouldContain("did not sign you in");
            await BrowserFixture.AssertAccessibleAsync(page);
        });
    }

    private static async Task AddVirtualAuthenticatorAsync(IPage page)
    {
        var devTools = await page.Context.NewCDPSessionAsync(page);
        await devTools.SendAsync("WebAuthn.enable");
        await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
    }
}
