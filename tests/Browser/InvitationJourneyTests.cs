using System.Web;
using Microsoft.Playwright;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Browser;

/// <summary>
/// The journey of the identity issue: a platform admin invites a tenant's first admin, who accepts
/// from the e-mail, enrols TOTP, signs in with a code and invites a colleague who accepts too.
/// Every page visited passes axe.
/// </summary>
public sealed class InvitationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "a perfectly long passphrase";

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.VisitAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("main button[type=submit]");
    }

    private static async Task AcceptAsync(IPage page, SmtpSink.Message message, string name)
    {
        var link = new Uri(SmtpSink.LinkIn(message));
        await page.VisitAsync(link.PathAndQuery);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.FillAsync("#name", name);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync("#continue-to-sign-in");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [SkippableFact]
    public async Task A_first_admin_is_invited_enrols_totp_and_invites_a_colleague()
    {
        var tenant = await fixture.App.NewTenantAsync("sg");
        var adminEmail = $"platform-{Guid.NewGuid():N}@example.org";
        await fixture.App.NewUserAsync(Password, platformAdmin: true, email: adminEmail);

        var platform = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(platform, async () =>
        {
            // The platform admin is sent to enrol a second factor before any platform action, then signs in with it.
            await PlatformAdminSession.EnrolAndSignInAsync(platform, adminEmail, Password);

            // The platform admin invites the tenant's first administrator, saying why.
            await platform.ClickAsync("#platform-tenants");
            await platform.ArrivedAtAsync("**/platform/tenants");
            await BrowserFixture.AssertAccessibleAsync(platform);
            var firstAdmin = $"first-admin-{Guid.NewGuid():N}@example.org";
            await platform.SelectOptionAsync("#tenant", tenant.Slug);
            await platform.FillAsync("#email", firstAdmin);
            await platform.SelectOptionAsync("#role", "Admin");
            await platform.FillAsync("#reason", "Onboarding agreed with their minister's office.");
            await platform.ClickAsync("#send-invitation");
            (await platform.TextContentAsync("[role=status]"))!.ShouldContain(firstAdmin);
            await BrowserFixture.AssertAccessibleAsync(platform);

            // The first admin accepts from the e-mail and enrols an authenticator.
            var admin = await fixture.NewPageAsync();
            await AcceptAsync(admin, await fixture.App.Mail.WaitForAsync(firstAdmin), "Mei Ling");
            await SignInAsync(admin, firstAdmin, Password);
            // A member of one workspace lands on its home.
            await admin.ArrivedAtAsync($"**/{tenant.Slug}/home");
            await BrowserFixture.AssertAccessibleAsync(admin);
            await admin.VisitAsync("/account");
            await admin.ClickAsync("#set-up-two-factor");
            await admin.ArrivedAtAsync("**/account/two-factor");
            await BrowserFixture.AssertAccessibleAsync(admin);
            var key = (await admin.TextContentAsync("#shared-key"))!.Trim();
            var enrolmentCode = Totp.Code(key);
            await admin.FillAsync("#code", enrolmentCode);
            await admin.ClickAsync("main button[type=submit]");
            await admin.WaitForSelectorAsync("#recovery-codes");
            await BrowserFixture.AssertAccessibleAsync(admin);

            // Signing in again now asks for a code.
            await admin.ClickAsync("#sign-out");
            await admin.WaitForSelectorAsync("#sign-in-link");
            await SignInAsync(admin, firstAdmin, Password);
            await admin.ArrivedAtAsync("**/account/login/second-factor**");
            await BrowserFixture.AssertAccessibleAsync(admin);
            await admin.FillAsync("#code", await Totp.NextCodeAsync(key, enrolmentCode));
            await admin.ClickAsync("main button[type=submit]");
            await admin.ArrivedAtAsync($"**/{tenant.Slug}/home");

            // The admin invites a colleague, who accepts and signs in.
            await admin.VisitAsync($"/{tenant.Slug}/members");
            await BrowserFixture.AssertAccessibleAsync(admin);
            var colleague = $"colleague-{Guid.NewGuid():N}@example.org";
            await admin.FillAsync("#email", colleague);
            await admin.SelectOptionAsync("#role", "Editor");
            await admin.ClickAsync("main form.form button[type=submit]");
            (await admin.TextContentAsync("[role=status]"))!.ShouldContain(colleague);

            var other = await fixture.NewPageAsync();
            await AcceptAsync(other, await fixture.App.Mail.WaitForAsync(colleague), "Arjun");
            await SignInAsync(other, colleague, Password);
            await other.ArrivedAtAsync($"**/{tenant.Slug}/home");
            await other.VisitAsync("/account");
            (await other.TextContentAsync(".cards"))!.ShouldContain(tenant.Name);
            await BrowserFixture.AssertAccessibleAsync(other);

            await admin.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
            await admin.ReadyAsync();
            var members = (await admin.TextContentAsync("table"))!;
            members.ShouldContain(firstAdmin);
            members.ShouldContain(colleague);
            await BrowserFixture.AssertAccessibleAsync(admin);

            // The admin makes the colleague a viewer, then removes them after confirming.
            var row = admin.Locator("tr", new() { HasText = colleague });
            await row.Locator("select").SelectOptionAsync("Viewer");
            await row.Locator("button[type=submit]").ClickAsync();
            (await admin.TextContentAsync("[role=status]"))!.ShouldContain("role is changed");
            (await admin.Locator("tr", new() { HasText = colleague }).Locator("select").InputValueAsync()).ShouldBe("Viewer");
            await admin.Locator("tr", new() { HasText = colleague }).Locator("a", new() { HasText = "Remove" }).ClickAsync();
            await BrowserFixture.AssertAccessibleAsync(admin);
            await admin.ClickAsync("#confirm-remove");
            (await admin.TextContentAsync("[role=status]"))!.ShouldContain("removed");
            (await admin.TextContentAsync("table"))!.ShouldNotContain(colleague);
        });
    }
}
