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
}
