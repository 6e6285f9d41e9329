using Microsoft.Playwright;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Tests.Browser;

/// <summary>A tenant owner manages API keys (shown once, revoked after confirming) and reads the audit log.</summary>
public sealed class AdministrationPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "a perfectly long passphrase";

    [SkippableFact]
    public async Task An_owner_creates_and_revokes_a_key_and_sees_it_in_the_audit_log()
    {
        var tenant = await fixture.App.NewTenantAsync("in");
        var email = $"owner-{Guid.NewGuid():N}@example.org";
        await fixture.App.GrantAsync(await fixture.App.NewUserAsync(Password, email: email), tenant, TenantRole.Owner);
        var page = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(page, async () =>
        {
            await page.VisitAsync("/account/login");
            await page.FillAsync("#email", email);
            await page.FillAsync("#password", Password);
            await page.ClickAsync("main button[type=submit]");
            await page.ArrivedAtAsync($"**/{tenant.Slug}/home");

            await page.VisitAsync($"/{tenant.Slug}/api-keys");
            await BrowserFixture.AssertAccessibleAsync(page);
            await page.FillAsync("#key-name", "CRM sync");
            await page.SelectOptionAsync("#key-role", "Editor");
            await page.ClickAsync("main form.form button[type=submit]");
            (await page.TextContentAsync("#new-key"))!.ShouldStartWith("nk_");
            await BrowserFixture.AssertAccessibleAsync(page);

            await page.ClickAsync("a[aria-label='Revoke CRM sync']");
            await BrowserFixture.AssertAccessibleAsync(page);
            await page.ClickAsync("#confirm-revoke");
            (await page.TextContentAsync("[role=status]"))!.ShouldContain("revoked");
            (await page.TextContentAsync("table"))!.ShouldContain("Revoked");

            // Integrations: an OAuth client registered, its secret shown once, deleted after confirming.
            await page.ClickAsync("#integrations-link");
            await page.ArrivedAtAsync($"**/{tenant.Slug}/integrations");
            (await page.TextContentAsync("#integrations"))!.ShouldContain("No integration yet");
            await BrowserFixture.AssertAccessibleAsync(page);
            await page.FillAsync("#integration-name", "Ministry ERP");
            await page.SelectOptionAsync("#integration-role", "Viewer");
            await page.ClickAsync("main form.form button[type=submit]");
            (await page.TextContentAsync("#new-client-id"))!.ShouldStartWith("nc-");
            (await page.TextContentAsync("#new-client-secret"))!.Length.ShouldBeGreaterThanOrEqualTo(43);
            await BrowserFixture.AssertAccessibleAsync(page);
            await page.VisitAsync($"/{tenant.Slug}/integrations");
            (await page.TextContentAsync("main"))!.ShouldNotContain("Client secret", Case.Sensitive, "the secret is shown once");
            await page.ClickAsync("a[aria-label='Delete Ministry ERP']");
            await BrowserFixture.AssertAccessibleAsync(page);
            await page.ClickAsync("#confirm-delete");
            (await page.TextContentAsync("[role=status]"))!.ShouldContain("deleted");
            (await page.TextContentAsync("#integrations"))!.ShouldNotContain("Ministry ERP");

            await page.VisitAsync($"/{tenant.Slug}/audit");
            (await page.TextContentAsync("#chain-status"))!.ShouldContain("whole");
            (await page.TextContentAsync("table"))!.ShouldContain("ApiKey");
            await BrowserFixture.AssertAccessibleAsync(page);
            await page.FillAsync("#action", "created");
            var filtered = page.ArrivedAtAsync("**action=created**");
            await page.ClickAsync("main form.filters button[type=submit]");
            await filtered;
            (await page.TextContentAsync("table"))!.ShouldNotContain("updated");
        });
    }

    [SkippableFact]
    public async Task An_owner_connects_the_tenants_identity_provider_and_people_are_told_why_a_sign_in_through_it_failed()
    {
        var tenant = await fixture.App.NewTenantAsync("sso");
        var email = $"owner-{Guid.NewGuid():N}@example.org";
        await fixture.App.GrantAsync(await fixture.App.NewUserAsync(Password, email: email), tenant, TenantRole.Owner);
        var page = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(page, async () =>
        {
            await page.VisitAsync("/account/login?sso=domainnotallowed");
            (await page.TextContentAsync("#login-error"))!.ShouldContain("not in one of the organisation's domains");
            await BrowserFixture.AssertAccessibleAsync(page);
            await page.FillAsync("#email", email);
            await page.FillAsync("#password", Password);
            await page.ClickAsync("main form.form button[type=submit]");
            await page.ArrivedAtAsync($"**/{tenant.Slug}/home");

            await page.VisitAsync($"/{tenant.Slug}/members");
            await page.ClickAsync("#single-sign-on-link");
            await page.ArrivedAtAsync($"**/{tenant.Slug}/single-sign-on");
            (await page.TextContentAsync("#sso-redirect-uri"))!.ShouldEndWith($"/signin-sso/{tenant.Slug}");
            await BrowserFixture.AssertAccessibleAsync(page);
            await page.FillAsync("#sso-issuer", "https://login.agency.gov.test/");
            await page.FillAsync("#sso-client-id", "nucleus");
            await page.FillAsync("#sso-client-secret", "a client secret");
            await page.FillAsync("#sso-domains", "agency.gov.test");
            await page.SelectOptionAsync("#sso-role", "Editor");
            await page.ClickAsync("#save-sso");
            (await page.TextContentAsync("#sso-message"))!.ShouldContain("connected");
            (await page.InputValueAsync("#sso-client-secret")).ShouldBeEmpty("the secret is never shown again");
            await BrowserFixture.AssertAccessibleAsync(page);

            await page.ClickAsync("#disconnect-sso");
            await page.ClickAsync("#confirm-disconnect");
            (await page.TextContentAsync("#sso-message"))!.ShouldContain("disconnected");
            await page.Locator("#sso-not-connected").WaitForAsync();
        });
    }
}
