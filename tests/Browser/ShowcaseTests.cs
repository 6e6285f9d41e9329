using System.Net.Http.Json;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Browser;

/// <summary>The public showcase: search with facets, a solution's page with its rendered description and case study.</summary>
public sealed class ShowcaseTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_visitor_searches_refines_and_reads_a_published_solution()
    {
        var tenant = await fixture.App.NewTenantAsync("ee");
        var admin = fixture.App.MemberOf(TenantRole.Admin, tenant);
        var solutions = $"/api/{tenant.Slug}/catalogue/solutions";
        var xroad = await (await admin.PostAsJsonAsync(solutions, new
        {
            name = "X-Road", summary = "Secure data exchange.", description = "## How it works\nEvery message is **signed**.\n\n<script>alert('x')</script>",
            status = "Published", maturity = "Exported", buildingBlocks = new[] { "data-exchange" }, deploymentCountries = new[] { "FI" },
        }, Api.Json)).Content.ReadFromJsonAsync<SolutionDetails>(Api.Json);
        (await admin.PostAsJsonAsync(solutions, new { name = "Exchange Portal", summary = "Data exchange dashboards.", status = "Published", maturity = "Pilot", buildingBlocks = new[] { "analytics" } }, Api.Json)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync(solutions, new { name = "Secret Exchange", summary = "Data exchange, not yet public.", status = "Draft" }, Api.Json)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"{solutions}/{xroad!.Id}/case-studies", new
        {
            title = "Finland joins", country = "FI", year = 2017, problem = "Two registries.", approach = "Federation.", outputs = "One exchange.", outcomes = "Faster services.",
            figures = new[] { new { label = "working years saved", value = 1134m } },
        }, Api.Json)).EnsureSuccessStatusCode();

        var page = await fixture.NewPageAsync();
        await BrowserFixture.JourneyAsync(page, async () =>
        {
            await page.VisitAsync($"/{tenant.Slug}/showcase");
            await BrowserFixture.AssertAccessibleAsync(page);
            (await page.TextContentAsync("#results-heading"))!.ShouldContain("2");

            await page.FillAsync("#q", "exchange");
            var searched = page.ArrivedAtAsync("**q=exchange**");
            await page.ClickAsync("#apply-search");
            await searched;
            (await page.TextContentAsync(".results"))!.ShouldNotContain("Secret Exchange");

            var refined = page.ArrivedAtAsync("**maturity=Exported**");
            await page.CheckAsync("#maturity-Exported");
            await page.ClickAsync("#apply-search");
            await refined;
            (await page.TextContentAsync("#results-heading"))!.ShouldContain("1");
            await BrowserFixture.AssertAccessibleAsync(page);

            await page.ClickAsync("text=X-Road");
            await page.ArrivedAtAsync("**/showcase/solutions/x-road");
            (await page.TextContentAsync("h1")).ShouldBe("X-Road");
            (await page.InnerHTMLAsync(".prose")).ShouldContain("<strong>signed</strong>");
            (await page.Locator(".prose script").CountAsync()).ShouldBe(0);
            (await page.TextContentAsync(".case-study"))!.ShouldContain("1,134");
            await BrowserFixture.AssertAccessibleAsync(page);

            var missing = await page.VisitAsync($"/{tenant.Slug}/showcase/solutions/secret-exchange");
            missing!.Status.ShouldBe(404);
        });
    }
}
