using Microsoft.Playwright;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Browser;

/// <summary>
/// The platform issue's journey: a platform administrator onboards Kenya on a plan through the console and follows its
/// provisioning; the invited administrator accepts, signs in and sees the plan and its usage. Every page passes axe.
/// </summary>
public sealed class OnboardingJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "a perfectly long passphrase";

    [SkippableFact]
    public async Task A_platform_admin_onboards_Kenya_whose_invited_admin_sees_the_plan_and_its_usage()
    {
        var platformEmail = $"platform-{Guid.NewGuid():N}@example.org";
        await fixture.App.NewUserAsync(Password, platformAdmin: true, email: platformEmail);
        var slug = $"kenya-{Guid.NewGuid():N}"[..14];
        var kenyaAdmin = $"ict-{Guid.NewGuid():N}@example.go.ke";

        var platform = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(platform, async () =>
        {
            await PlatformAdminSession.EnrolAndSignInAsync(platform, platformEmail, Password);
            await platform.ClickAsync("#platform-tenants");
            await platform.ArrivedAtAsync("**/platform/tenants");
            await platform.ClickAsync("#onboard-link");
            await platform.ArrivedAtAsync("**/platform/onboarding");
            await BrowserFixture.AssertAccessibleAsync(platform);

            await platform.FillAsync("#name", "Kenya ICT Authority");
            await platform.FillAsync("#slug", slug);
            await platform.SelectOptionAsync("#kind", "Country");
            await platform.FillAsync("#country", "KE");
            await platform.SelectOptionAsync("#language", "en");
            await platform.FillAsync("#timezone", "Africa/Nairobi");
            await platform.SelectOptionAsync("#plan", "standard");
            await platform.FillAsync("#admin-email", kenyaAdmin);
            await platform.ClickAsync("#start-onboarding");
            await platform.ArrivedAtAsync("**/platform/onboarding/*");
            // axe reads this page once it is finished, below: while it runs, its follower script reloads it under any reader.

            // The page follows the provisioning step by step until the tenant is active.
            await platform.WaitForSelectorAsync("#onboarding-complete", new() { Timeout = 60_000 });
            // Read the finished page afresh: the follower script of the page before may still be reloading it.
            await platform.VisitAsync(new Uri(platform.Url).PathAndQuery);
            // Registry, placement, each module's step (roles, catalogue, brand, invitation) and activation: all done.
            (await platform.Locator("#onboarding-steps [data-done=true]").CountAsync()).ShouldBe(7);
            await BrowserFixture.AssertAccessibleAsync(platform);
            await platform.VisitAsync("/platform/tenants");
            (await platform.TextContentAsync("table"))!.ShouldContain(slug);

            // The invited administrator accepts from the e-mail, signs in and finds the plan and its usage.
            var admin = await fixture.NewPageAsync();
            var invitation = await fixture.App.Mail.WaitForAsync(kenyaAdmin);
            await admin.VisitAsync(new Uri(SmtpSink.LinkIn(invitation)).PathAndQuery);
            await BrowserFixture.AssertAccessibleAsync(admin);
            await admin.FillAsync("#name", "Wanjiru Kamau");
            await admin.FillAsync("#password", Password);
            await admin.ClickAsync("main button[type=submit]");
            await admin.WaitForSelectorAsync("#continue-to-sign-in");
            await admin.SignInAsync(kenyaAdmin, Password);
            await admin.ArrivedAtAsync($"**/{slug}/home");
            await admin.ClickAsync("#plan-link");
            await admin.ArrivedAtAsync($"**/{slug}/plan");
            (await admin.TextContentAsync("#plan-name"))!.ShouldContain("Standard");
            (await admin.TextContentAsync("[data-quota=Members]"))!.ShouldContain("50");
            (await admin.TextContentAsync("[data-quota=Solutions]"))!.ShouldContain("500");
            (await admin.TextContentAsync("[data-feature=CrmMailImport]"))!.ShouldContain("included");
            await BrowserFixture.AssertAccessibleAsync(admin);

            // The owner exports all of the workspace's data, following the export until it is listed.
            await admin.VisitAsync($"/{slug}/billing");
            await admin.ClickAsync("#exports-link");
            await admin.ArrivedAtAsync($"**/{slug}/exports");
            await BrowserFixture.AssertAccessibleAsync(admin);
            await admin.ClickAsync("#start-export");
            await admin.ArrivedAtAsync($"**/{slug}/exports/jobs/*");
            await admin.WaitForSelectorAsync("#export-done", new() { Timeout = 60_000 });
            await admin.VisitAsync(new Uri(admin.Url).PathAndQuery);
            (await admin.Locator("#exports tbody tr").CountAsync()).ShouldBe(1);
            await BrowserFixture.AssertAccessibleAsync(admin);

            // Without the confirmation nothing is suspended; with it, the tenant is, and its members can still read.
            await platform.SelectOptionAsync("#status-tenant", slug);
            await platform.CheckAsync("input[type=radio][value=Suspended]");
            await platform.ClickAsync("#change-status");
            (await platform.TextContentAsync("[role=status]"))!.ShouldContain("Tick the confirmation");
            await platform.SelectOptionAsync("#status-tenant", slug);
            await platform.CheckAsync("#status-confirm");
            await platform.ClickAsync("#change-status");
            (await platform.TextContentAsync("[role=status]"))!.ShouldContain("is suspended");
            await BrowserFixture.AssertAccessibleAsync(platform);
            await admin.VisitAsync($"/{slug}/plan");
            (await admin.TextContentAsync("#plan-name"))!.ShouldContain("Standard");

            // With an export made, the platform administrator schedules Kenya's deletion by typing its slug.
            await platform.SelectOptionAsync("#delete-tenant", slug);
            await platform.CheckAsync("input[type=radio][value=Schedule]");
            await platform.FillAsync("#delete-confirm", slug);
            await platform.ClickAsync("#delete-apply");
            (await platform.TextContentAsync("[role=status]"))!.ShouldContain("will be erased");
            await BrowserFixture.AssertAccessibleAsync(platform);
            await platform.ClickAsync("#import-link");
            await platform.ArrivedAtAsync("**/platform/imports");
            await BrowserFixture.AssertAccessibleAsync(platform);
        });
    }
}
