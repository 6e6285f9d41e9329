using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Browser;

/// <summary>
/// A briefing centre's week with the pages and the keyboard: sign-in lands on the workspace's home; a delegation visit
/// is planned, given a programme presenting a solution, a participant and a follow-up task; its briefing pack is opened;
/// it is held and counted in the visit figures and the strategy's chart; the task is done; the vision and an activity
/// are written and the annual report shows them. Every page passes the accessibility check.
/// </summary>
public sealed class VisitAndStrategyWalkTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "a briefing centre passphrase";

    [SkippableFact]
    public async Task A_visit_is_planned_briefed_held_and_counted_and_the_strategy_is_written_and_reported()
    {
        var app = fixture.App;
        var tenant = await app.NewTenantAsync("ee");
        var email = $"centre-{Guid.NewGuid():N}@example.org";
        await app.GrantAsync(await app.NewUserAsync(Password, email: email), tenant, TenantRole.Owner);
        var api = app.MemberOf(tenant);
        (await api.PostAsJsonAsync($"/api/{tenant.Slug}/crm/organisations", new { name = "Ministry of ICT of Kenya", kind = "Ministry", country = "KE" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", new { name = "X-Road", summary = "Secure data exchange between registries", status = "Published" })).EnsureSuccessStatusCode();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var page = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(page, async () =>
        {
            await page.SignInAsync(email, Password);
            await page.ArrivedAtAsync($"**/{tenant.Slug}/home");
            (await page.TextContentAsync("#home-visits + p"))!.ShouldContain("No visits coming");
            await BrowserFixture.AssertAccessibleAsync(page);

            // Plan the visit: the form leads to the visit's own page.
            await page.VisitAsync($"/{tenant.Slug}/crm/visits");
            await BrowserFixture.AssertAccessibleAsync(page);
            await page.FillAsync("#visit-title", "Kenyan e-government delegation");
            await page.FillAsync("#visit-starts", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.FillAsync("#visit-ends", today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.FillAsync("#visit-headcount", "12");
            await page.FillAsync("#visit-sector", "Digital identity");
            await page.FocusAsync("#plan-visit");
            await page.Keyboard.PressAsync("Enter");
            await page.ArrivedAtAsync("**/crm/visits/*");
            (await page.TextContentAsync("#visit-status"))!.ShouldBe("Planned");

            // Its programme, a participant and a follow-up.
            await page.FillAsync("#session-title", "X-Road in practice");
            await page.FillAsync("#session-speakers", "Chief architect");
            await page.CheckAsync("input[name=solutionIds]");
            await page.FocusAsync("#add-session");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#sessions");
            (await page.TextContentAsync("#sessions"))!.ShouldContain("X-Road");
            await page.FillAsync("#participant-name", "Hon. Amina Mohamed");
            await page.FillAsync("#participant-role", "Cabinet Secretary");
            await page.FocusAsync("#add-participant");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#participant-list");
            await page.FillAsync("#task-title", "Send the slides to the delegation");
            await page.FocusAsync("#add-task");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#follow-up-list");
            (await page.TextContentAsync("#follow-up-list"))!.ShouldContain("Send the slides");
            await BrowserFixture.AssertAccessibleAsync(page);

            // The briefing pack draws on the catalogue.
            var visitPage = page.Url;
            await page.ClickAsync("#open-briefing");
            await page.ArrivedAtAsync("**/briefing");
            (await page.TextContentAsync("#briefing"))!.ShouldContain("Secure data exchange between registries");
            (await page.TextContentAsync("#briefing"))!.ShouldContain("Hon. Amina Mohamed");
            await BrowserFixture.AssertAccessibleAsync(page);
            await page.VisitAsync(visitPage);

            // Held: counted in the figures.
            await page.SelectOptionAsync("#new-status", "Held");
            await page.FocusAsync("#set-visit-status");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForFunctionAsync("() => document.querySelector('#visit-status')?.textContent.trim() === 'Held'");
            await page.VisitAsync($"/{tenant.Slug}/crm/visits?all=true");
            (await page.TextContentAsync("#visit-years tbody"))!.ShouldContain("12");
            await BrowserFixture.AssertAccessibleAsync(page);

            // The task is done from the task list.
            await page.VisitAsync($"/{tenant.Slug}/crm/tasks");
            (await page.TextContentAsync("#tasks"))!.ShouldContain("Send the slides to the delegation");
            await BrowserFixture.AssertAccessibleAsync(page);
            await page.FocusAsync("button[id^=complete-]");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#task-message");
            (await page.TextContentAsync("#no-tasks"))!.ShouldNotBeNullOrWhiteSpace();

            // The vision and an activity of this year's plan.
            await page.VisitAsync($"/{tenant.Slug}/strategy/plan");
            await page.FillAsync("#vision-statement-input", "The digital society the world learns from.");
            await page.FillAsync("#vision-collaborationAim", "Forty partners export with us.");
            await page.FillAsync("#vision-diplomacyAim", "Digital is part of every state visit.");
            await page.FillAsync("#vision-exportAim", "Fifty million euros of exports a year.");
            await page.FillAsync("#vision-markets", "KE, UA");
            await page.FocusAsync("#save-vision");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#vision-statement");
            await page.FillAsync("#action-title", "Trade mission to Nairobi");
            await page.SelectOptionAsync("#action-aim", "Export");
            await page.FillAsync("#action-budget", "40000");
            await page.FocusAsync("#add-action");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#actions");
            await BrowserFixture.AssertAccessibleAsync(page);

            // The dashboard draws its chart from the table, where the held visit's visitors are counted.
            await Eventually.Until(async () =>
            {
                await page.VisitAsync($"/{tenant.Slug}/strategy");
                return (await page.TextContentAsync("#indicator-visitors .actual"))!.Trim();
            }, actual => actual == "12", "the held visit's visitors");
            await page.WaitForFunctionAsync("() => typeof Chart !== 'undefined' && Chart.getChart(document.querySelector('#indicators-canvas')) !== undefined");
            await BrowserFixture.AssertAccessibleAsync(page);

            await page.ClickAsync("#open-report");
            await page.ArrivedAtAsync("**/strategy/report?year=*");
            (await page.TextContentAsync("#annual-report"))!.ShouldContain("The digital society the world learns from.");
            (await page.TextContentAsync("#annual-report"))!.ShouldContain("Trade mission to Nairobi");
            await BrowserFixture.AssertAccessibleAsync(page);

            await page.VisitAsync($"/{tenant.Slug}/home");
            (await page.TextContentAsync("#coming-visits"))!.ShouldContain("Kenyan e-government delegation");
            await BrowserFixture.AssertAccessibleAsync(page);
        });

        var other = await app.NewTenantAsync("lv");
        JsonNode.Parse(await app.MemberOf(other).GetStringAsync($"/api/{other.Slug}/crm/visits"))!["total"]!.GetValue<int>().ShouldBe(0);
    }
}
