using Microsoft.Playwright;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Tests.Browser;

/// <summary>A person signs in, sees their tenants, switches, and signs out; every page passes axe.</summary>
public sealed class SignInTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "a perfectly long passphrase";

    [SkippableFact]
    public async Task A_member_signs_in_switches_tenant_and_signs_out()
    {
        var estonia = await fixture.App.NewTenantAsync("ee");
        var denmark = await fixture.App.NewTenantAsync("dk");
        var email = $"kadri-{Guid.NewGuid():N}@example.org";
        var userId = await fixture.App.NewUserAsync(Password, email: email);
        await fixture.App.GrantAsync(userId, estonia, TenantRole.Owner);
        await fixture.App.GrantAsync(userId, denmark, TenantRole.Viewer);
        var page = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(page, async () =>
        {

            await page.VisitAsync("/");
            await BrowserFixture.AssertAccessibleAsync(page);
            await page.ClickAsync("#sign-in-link");
            await page.ArrivedAtAsync("**/account/login**");
            await BrowserFixture.AssertAccessibleAsync(page);

            await page.FillAsync("#email", email);
            await page.FillAsync("#password", "not the password");
            await page.ClickAsync("main button[type=submit]");
            (await page.TextContentAsync("[role=alert]"))!.ShouldContain("Sign-in failed");
            await BrowserFixture.AssertAccessibleAsync(page);

            await page.FillAsync("#email", email);
            await page.FillAsync("#password", Password);
            await page.ClickAsync("main button[type=submit]");
            await page.ArrivedAtAsync("**/account");
            (await page.TextContentAsync("#account-email")).ShouldBe(email);
            await BrowserFixture.AssertAccessibleAsync(page);

            await page.ClickAsync(".tenant-switcher summary");
            await page.ClickAsync($".tenant-switcher a[href='/{denmark.Slug}']");
            await page.ArrivedAtAsync($"**/{denmark.Slug}");
            (await page.TextContentAsync("h1")).ShouldBe(denmark.Name);
            await BrowserFixture.AssertAccessibleAsync(page);

            await page.ClickAsync("#sign-out");
            await page.WaitForSelectorAsync("#sign-in-link");
            var response = await page.VisitAsync("/account");
            page.Url.ShouldContain("/account/login");
            response!.Ok.ShouldBeTrue();
        });
    }
}
