using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Browser;

/// <summary>A foreign government sends a query from the showcase; it lands in the tenant's CRM, and robots' queries do not.</summary>
public sealed class ShowcaseQueryTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_query_about_a_solution_reaches_the_crm_of_that_tenant_only()
    {
        var tenant = await fixture.App.NewTenantAsync("sg");
        var other = await fixture.App.NewTenantAsync("dk");
        var admin = fixture.App.MemberOf(TenantRole.Admin, tenant);
        await admin.CreateSolutionAsync(tenant, "OpenAttestation");

        var page = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(page, async () =>
        {
            await page.VisitAsync($"/{tenant.Slug}/showcase/solutions/openattestation");
            await page.ClickAsync("#ask-about");
            await page.ArrivedAtAsync("**/showcase/contact?solution=openattestation");
            await BrowserFixture.AssertAccessibleAsync(page);

            await page.ClickAsync("#send-query");
            (await page.TextContentAsync(".validation-errors"))!.ShouldContain("Describe what you need.");
            await page.FillAsync("#contact-name", "Aroha Ngata");
            await page.FillAsync("#contact-email", "aroha@example.govt.nz");
            await page.FillAsync("#organisation", "Department of Internal Affairs");
            await page.SelectOptionAsync("#country", "NZ");
            await page.FillAsync("#subject", "Verifiable certificates");
            await page.FillAsync("#message", "We need verifiable education certificates for 5M people.");
            await page.CheckAsync("#consent");
            // A person takes more than a few seconds; the guard refuses faster submissions silently.
            await Task.Delay(HumanFormGuardDelay);
            await page.ClickAsync("#send-query");
            (await page.TextContentAsync("#query-sent"))!.ShouldContain("Thank you");
            await BrowserFixture.AssertAccessibleAsync(page);
        });

        var queries = JsonNode.Parse(await admin.GetStringAsync($"/api/{tenant.Slug}/crm/enquiries"))!["items"]!.AsArray();
        queries.Count.ShouldBe(1);
        queries[0]!["subject"]!.GetValue<string>().ShouldBe("Verifiable certificates");
        queries[0]!["country"]!.GetValue<string>().ShouldBe("NZ");
        queries[0]!["solutionId"].ShouldNotBeNull();
        queries[0]!["status"]!.GetValue<string>().ShouldBe("New");
        JsonNode.Parse(await fixture.App.MemberOf(TenantRole.Admin, other).GetStringAsync($"/api/{other.Slug}/crm/enquiries"))!["total"]!.GetValue<int>().ShouldBe(0);
    }

    [SkippableFact]
    public async Task A_robot_filling_the_hidden_field_is_thanked_and_forgotten()
    {
        var tenant = await fixture.App.NewTenantAsync("kr");
        var page = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(page, async () =>
        {
            await page.VisitAsync($"/{tenant.Slug}/showcase/contact");
            await page.FillAsync("#contact-name", "Bot");
            await page.FillAsync("#contact-email", "bot@example.org");
            await page.FillAsync("#subject", "Cheap pills");
            await page.FillAsync("#message", "Buy now buy now buy now");
            await page.CheckAsync("#consent");
            await page.EvaluateAsync("document.getElementById('website').value = 'http://spam.example'");
            await Task.Delay(HumanFormGuardDelay);
            await page.ClickAsync("#send-query");
            (await page.TextContentAsync("#query-sent"))!.ShouldContain("Thank you");
        });

        var stored = await fixture.App.MemberOf(TenantRole.Admin, tenant).GetFromJsonAsync<JsonObject>($"/api/{tenant.Slug}/crm/enquiries");
        stored!["total"]!.GetValue<int>().ShouldBe(0);
    }

    private static readonly TimeSpan HumanFormGuardDelay = Modules.Abstractions.Http.HumanFormGuard.MinimumFillTime + TimeSpan.FromMilliseconds(300);
}
