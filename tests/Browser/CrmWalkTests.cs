using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Scopes;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Browser;

/// <summary>
/// A nucleus works an enquiry into a won opportunity with the pages and the keyboard: the enquiry is listed and triaged,
/// a match suggestion on it is accepted,
/// an e-mail saved as .eml is imported, the counterpart is added with a consenting person who is then written to,
/// the opportunity is added and moved to Won from its card, and the strategy page's
/// "Opportunities won" rises; every page passes the accessibility check.
/// </summary>
public sealed class CrmWalkTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "a crm walk passphrase";

    [SkippableFact]
    public async Task An_enquiry_becomes_a_won_opportunity_and_the_indicator_rises()
    {
        var app = fixture.App;
        var tenant = await app.NewTenantAsync("ke");
        var email = $"crm-{Guid.NewGuid():N}@example.org";
        await app.GrantAsync(await app.NewUserAsync(Password, email: email), tenant, TenantRole.Admin);
        await using (var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant))
        {
            await scope.ServiceProvider.GetRequiredService<ICrmIntake>().ReceiveEnquiryAsync(new IncomingEnquiry("Wanjiru Kamau", "wanjiru@example.go.ke", "Ministry of ICT", "KE",
                "Digital identity for 50 million people", "We would like to learn how your digital identity was rolled out.", null, "showcase"));
        }

        (await app.MemberOf(tenant).PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions",
            new { name = "National ID Platform", summary = "Digital identity for every citizen", status = "Published" })).EnsureSuccessStatusCode();
        var page = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(page, async () =>
        {
            await page.SignInAsync(email, Password);
            await page.VisitAsync($"/{tenant.Slug}/crm/enquiries");
            (await page.TextContentAsync("#enquiries"))!.ShouldContain("Digital identity for 50 million people");
            await BrowserFixture.AssertAccessibleAsync(page);

            // An e-mail saved from a mail program becomes an enquiry too.
            await page.SetInputFilesAsync("#eml-file", new FilePayload
            {
                Name = "enquiry.eml", MimeType = "message/rfc822",
                Buffer = System.Text.Encoding.UTF8.GetBytes("From: Ana Costa <ana@example.pt>\r\nSubject: Land registry\r\nDate: Mon, 02 Nov 2026 10:00:00 +0000\r\nMessage-ID: <walk@example.pt>\r\n\r\nWe need a land registry.\r\n"),
            });
            await page.FocusAsync("#import-eml");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#enquiry-message");
            (await page.TextContentAsync("#enquiry-message"))!.ShouldContain("Imported: Land registry");
            (await page.TextContentAsync("#enquiries"))!.ShouldContain("Ana Costa");
            await page.FocusAsync("button[id^=triage-]");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#enquiry-message");
            (await page.TextContentAsync("#enquiries"))!.ShouldContain("Triaged");

            // The enquiry's own page ranks the catalogue against it; the suggestion is accepted and the verdict kept.
            await page.ClickAsync("#enquiries a");
            await page.ArrivedAtAsync("**/crm/enquiries/*");
            (await page.TextContentAsync("ol.suggestions"))!.ShouldContain("National ID Platform");
            (await page.TextContentAsync("ol.suggestions"))!.ShouldContain("identity");
            await BrowserFixture.AssertAccessibleAsync(page);
            await page.FocusAsync("button[id^=accepted-]");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#suggestion-message");
            (await page.TextContentAsync("#suggestion-message"))!.ShouldContain("National ID Platform accepted");
            (await page.TextContentAsync("ol.suggestions .badge"))!.ShouldBe("Accepted");

            await page.VisitAsync($"/{tenant.Slug}/crm/organisations");
            (await page.TextContentAsync("#no-organisations"))!.ShouldContain("No organisations yet");
            await page.FillAsync("#organisation-name", "Ministry of ICT and Digital Economy");
            await page.SelectOptionAsync("#organisation-kind", "Ministry");
            await page.FillAsync("#organisation-country", "KE");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#organisations");
            (await page.TextContentAsync("#organisations"))!.ShouldContain("Ministry of ICT and Digital Economy");
            await BrowserFixture.AssertAccessibleAsync(page);

            // Its page: a person who agreed to be contacted, and a touch point on the timeline.
            await page.ClickAsync("#organisations a");
            await page.ArrivedAtAsync("**/crm/organisations/*");
            await page.FillAsync("#contact-name", "Wanjiru Kamau");
            await page.FillAsync("#contact-email", "wanjiru@example.go.ke");
            await page.CheckAsync("#contact-consent");
            await page.FillAsync("#contact-consent-source", "Reply to our e-mail");
            await page.FocusAsync("#add-contact");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#contacts");
            (await page.TextContentAsync("#contacts"))!.ShouldContain("Reply to our e-mail");
            await page.SelectOptionAsync("#interaction-kind", "Meeting");
            await page.FillAsync("#interaction-summary", "Briefing on the rollout");
            await page.FocusAsync("#record-interaction");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("ol.timeline");
            (await page.TextContentAsync("ol.timeline"))!.ShouldContain("Briefing on the rollout");
            await BrowserFixture.AssertAccessibleAsync(page);

            // A message reaches the person who consented, and joins the timeline.
            await page.FillAsync("#mail-subject", "Your study visit");
            await page.FillAsync("#mail-body", "We look forward to welcoming your delegation.");
            await page.FocusAsync("#send-mail");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#organisation-message");
            (await page.TextContentAsync("#organisation-message"))!.ShouldContain("Sending to 1");
            (await app.Mail.WaitForAsync("wanjiru@example.go.ke", subject: "Your study visit")).Body.ShouldContain("Reply to our e-mail");
            (await page.TextContentAsync("ol.timeline"))!.ShouldContain("E-mail to 1 person");

            // A spreadsheet of organisations, imported in the background: the page follows its progress to the report.
            await page.VisitAsync($"/{tenant.Slug}/crm/imports");
            await BrowserFixture.AssertAccessibleAsync(page);
            await page.SetInputFilesAsync("#csv-file", new FilePayload
            {
                Name = "organisations.csv", MimeType = "text/csv",
                Buffer = System.Text.Encoding.UTF8.GetBytes("name;kind;country\nMinistry of ICT and Digital Economy;Ministry;KE\nICT Authority;Agency;KE\nKenya Revenue Authority;Agency;KE\n"),
            });
            await page.FocusAsync("#start-import");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#import-summary", new() { Timeout = 30_000 });
            (await page.TextContentAsync("#import-summary"))!.ShouldContain("2 imported, 1 duplicates");
            (await page.TextContentAsync("#import-report"))!.ShouldContain("Already in the CRM");
            await BrowserFixture.AssertAccessibleAsync(page);

            await page.VisitAsync($"/{tenant.Slug}/crm");
            await page.FillAsync("#opportunity-title", "Digital identity rollout");
            await page.FillAsync("#opportunity-amount", "4200000");
            await page.FillAsync("#opportunity-funding", "World Bank ID4D");
            await page.FocusAsync("#add-opportunity");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#pipeline-message");
            (await page.TextContentAsync("#pipeline-message"))!.ShouldContain("Digital identity rollout");
            (await page.TextContentAsync("section[aria-labelledby=stage-Identified]"))!.ShouldContain("Digital identity rollout");
            await BrowserFixture.AssertAccessibleAsync(page);

            var card = await page.QuerySelectorAsync("section[aria-labelledby=stage-Identified] li.card");
            var id = (await card!.GetAttributeAsync("id"))!["opportunity-".Length..];
            await page.SelectOptionAsync($"#stage-of-{id}", "Won");
            await page.FocusAsync($"#move-{id}");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForFunctionAsync("() => document.querySelector('#pipeline-message')?.textContent.includes('Won')");
            (await page.TextContentAsync("section[aria-labelledby=stage-Won]"))!.ShouldContain("Digital identity rollout");

            // The indicator is computed from the CRM's event, delivered through the outbox: it rises within seconds.
            await Eventually.Until(async () =>
            {
                await page.VisitAsync($"/{tenant.Slug}/strategy");
                return (await page.TextContentAsync("#indicator-opportunities-won .actual"))!.Trim();
            }, actual => actual == "1", "showing the won opportunity");
            await BrowserFixture.AssertAccessibleAsync(page);
        });

        var other = await app.NewTenantAsync("ug");
        var indicators = JsonNode.Parse(await app.MemberOf(other).GetStringAsync($"/api/{other.Slug}/strategy/indicators"))!["items"]!.AsArray();
        indicators.Single(i => i!["id"]!.GetValue<string>() == "opportunities-won")!["actual"]!.GetValue<decimal>().ShouldBe(0);
    }
}
