using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Browser;

/// <summary>A partner's guest proposes a change from its portal and reaches nothing else; an editor accepts it and the showcase shows it.</summary>
public sealed class PartnerPortalTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "a perfectly long passphrase";

    [SkippableFact]
    public async Task A_guest_proposes_a_change_that_an_editor_accepts()
    {
        var app = fixture.App;
        var tenant = await app.NewTenantAsync("dk");
        var admin = app.MemberOf(tenant);
        var partner = await admin.CreatePartnerAsync(tenant, "Nordic Registry Systems", "ItVendor");
        var rival = await admin.CreatePartnerAsync(tenant, "Rival Systems", "ItVendor");
        (await admin.PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", new { name = "Land Register", summary = "Old summary.", status = "Published", providerPartnerIds = new[] { partner["id"] } }, Api.Json)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", new { name = "Rival Register", summary = "Not theirs.", status = "Published", providerPartnerIds = new[] { rival["id"] } }, Api.Json)).EnsureSuccessStatusCode();

        var guestEmail = $"guest-{Guid.NewGuid():N}@nordic.example";
        (await admin.PostAsJsonAsync($"/api/{tenant.Slug}/partners/{partner["id"]}/guests", new { email = guestEmail }, Api.Json)).EnsureSuccessStatusCode();
        var token = HttpUtility.ParseQueryString(new Uri(SmtpSink.LinkIn(await app.Mail.WaitForAsync(guestEmail))).Query)["token"];
        (await app.Anonymous().PostAsJsonAsync("/api/auth/invitations/accept", new { tenant = tenant.Slug, token, displayName = "Guest", password = Password }, Api.Json)).EnsureSuccessStatusCode();
        var editorEmail = $"editor-{Guid.NewGuid():N}@example.org";
        await app.GrantAsync(await app.NewUserAsync(Password, email: editorEmail), tenant, TenantRole.Editor);

        var guest = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(guest, async () =>
        {
            await guest.SignInAsync(guestEmail, Password);
            await guest.VisitAsync($"/{tenant.Slug}/portal");
            await BrowserFixture.AssertAccessibleAsync(guest);
            (await guest.TextContentAsync("h1"))!.ShouldContain("Nordic Registry Systems");
            (await guest.TextContentAsync("main"))!.ShouldNotContain("Rival Register");

            await guest.ClickAsync(".provided-solution details summary");
            await guest.FillAsync(".provided-solution textarea[name=summary]", "Now with e-signatures.");
            await guest.FillAsync(".provided-solution textarea[name=message]", "Released in May.");
            await guest.ClickAsync("button[id^=propose-]");
            await guest.WaitForSelectorAsync("#proposal-status");
            (await guest.TextContentAsync("#proposal-status"))!.ShouldContain("sent for review");
            (await guest.TextContentAsync("#proposals"))!.ShouldContain("Waiting for review");
            await BrowserFixture.AssertAccessibleAsync(guest);

            foreach (var page in new[] { "partners", $"partners/{rival["id"]}", "catalogue", "catalogue/proposals", "brand", "members" })
            {
                await guest.VisitAsync($"/{tenant.Slug}/{page}");
                guest.Url.ShouldContain("/error/403", customMessage: page);
            }
        });

        var editor = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(editor, async () =>
        {
            await editor.SignInAsync(editorEmail, Password);
            await editor.VisitAsync($"/{tenant.Slug}/catalogue");
            await editor.ClickAsync("#review-proposals");
            await editor.ArrivedAtAsync("**/catalogue/proposals");
            (await editor.TextContentAsync(".proposal"))!.ShouldContain("Now with e-signatures.");
            await BrowserFixture.AssertAccessibleAsync(editor);
            await editor.FillAsync("input[name=note]", "Checked.");
            await editor.ClickAsync("button[id^=accept-]");
            await editor.WaitForSelectorAsync("#review-status");
            (await editor.TextContentAsync("#no-proposals")).ShouldNotBeNull();

            await editor.VisitAsync($"/{tenant.Slug}/showcase/solutions/land-register");
            (await editor.TextContentAsync(".lead")).ShouldBe("Now with e-signatures.");
        });
    }

    [SkippableFact]
    public async Task An_admin_adds_a_partner_and_records_its_satisfaction()
    {
        var tenant = await fixture.App.NewTenantAsync("ie");
        var email = $"admin-{Guid.NewGuid():N}@example.org";
        await fixture.App.GrantAsync(await fixture.App.NewUserAsync(Password, email: email), tenant, TenantRole.Admin);

        var page = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(page, async () =>
        {
            await page.SignInAsync(email, Password);
            await page.VisitAsync($"/{tenant.Slug}/partners");
            (await page.TextContentAsync("#no-partners"))!.ShouldContain("No partners yet");
            await BrowserFixture.AssertAccessibleAsync(page);

            await page.FillAsync("#partner-name", "Trinity College");
            await page.SelectOptionAsync("#partner-kind", "Academia");
            await page.FillAsync("#partner-country", "ie");
            await page.ClickAsync("#add-partner");
            await page.ArrivedAtAsync($"**/{tenant.Slug}/partners/*");
            (await page.TextContentAsync("h1")).ShouldBe("Trinity College");

            await page.FillAsync("#partner-regions", "Europe, Africa");
            await page.FillAsync("#partner-contacts", "Aoife Byrne; Partnerships; aoife@tcd.example");
            await page.ClickAsync("#save-profile");
            await page.WaitForSelectorAsync("#profile-status");
            (await page.InputValueAsync("#partner-regions")).ShouldBe("Europe, Africa");

            await page.ClickAsync(".add-agreement summary");
            await page.FillAsync("#agreement-title", "Research MoU");
            await page.FillAsync("#agreement-start", "2026-01-01");
            await page.FillAsync("#agreement-end", "2025-12-31");
            await page.ClickAsync("#add-agreement");
            await page.WaitForSelectorAsync("#agreement-status");
            (await page.TextContentAsync("#agreement-status"))!.ShouldContain("cannot end before it starts");
            await page.FillAsync("#agreement-title", "Research MoU");
            await page.FillAsync("#agreement-start", "2026-01-01");
            await page.ClickAsync("#add-agreement");
            await page.WaitForSelectorAsync("#agreements");
            (await page.TextContentAsync("#agreements"))!.ShouldContain("Research MoU");

            await page.FillAsync("#survey-period", "2026-Q3");
            await page.FillAsync("#survey-score", "4.5");
            await page.FillAsync("#survey-respondents", "12");
            await page.ClickAsync("#record-survey");
            await page.WaitForSelectorAsync("#surveys");
            (await page.TextContentAsync("#surveys"))!.ShouldContain("2026-Q3");

            await page.FillAsync("#guest-email", "aoife@");
            await page.EvaluateAsync("document.querySelector('#guest-email').type = 'text'"); // past the browser's own check, to the server's
            await page.ClickAsync("#invite-guest");
            await page.WaitForSelectorAsync("#guest-status");
            (await page.TextContentAsync("#guest-status"))!.ShouldContain("valid e-mail");
            var guest = $"aoife-{Guid.NewGuid():N}@tcd.example";
            await page.FillAsync("#guest-email", guest);
            await page.ClickAsync("#invite-guest");
            await page.WaitForFunctionAsync("() => document.querySelector('#guest-status')?.textContent.includes('sent')");
            (await fixture.App.Mail.WaitForAsync(guest)).Subject.ShouldContain(tenant.Name);
            await BrowserFixture.AssertAccessibleAsync(page);
        });
    }
}
