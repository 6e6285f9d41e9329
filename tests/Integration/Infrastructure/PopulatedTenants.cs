using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Modules.Catalogue.Proposals;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Scopes;
using NucleusCloud.Tests.Integration.Exchange;
using NucleusCloud.Tests.Shared;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>
/// A tenant with rows in every tenant-owned table, made through the product's own API wherever one exists, each named with
/// <c>label</c> so a leak can be recognised; returns its owner's client (with a second factor, as the tenant requires one).
/// </summary>
public static class PopulatedTenants
{
    public static async Task<(TenantInfo Tenant, HttpClient Owner)> CreateAsync(NucleusApp app, string label = "Walled")
    {
        var tenant = await app.NewTenantAsync("rls");
        var owner = await app.UserAsync(tenant, TenantRole.Owner);
        var (t, client) = (tenant.Slug, owner.Client);
        client.DefaultRequestHeaders.Add(TestAuthentication.SecondFactorHeader, "totp");
        var solution = await client.CreateSolutionAsync(tenant, $"{label} registry");
        // A search builds the tenant's index, which makes its search stamp.
        (await client.ListSolutionsAsync(tenant, "?q=registry")).Total.ShouldBe(1);
        await OkAsync(client.PostAsJsonAsync($"/api/{t}/catalogue/solutions/{solution.Id}/status", new { status = "Archived" }, Api.Json));
        await OkAsync(client.PostAsJsonAsync($"/api/{t}/catalogue/solutions/{solution.Id}/case-studies", new { title = "A rollout", year = 2025 }, Api.Json));
        var partner = (await client.CreatePartnerAsync(tenant, $"{label} vendor", "ItVendor"))["id"]!.GetValue<string>();
        await OkAsync(client.PostAsJsonAsync($"/api/{t}/partners/{partner}/agreements", new { title = "MoU", startsOn = "2026-01-01" }, Api.Json));
        await OkAsync(client.PutAsJsonAsync($"/api/{t}/partners/{partner}/surveys/2026", new { score = 4, respondents = 3 }, Api.Json));
        var asset = await client.PostAsJsonAsync($"/api/{t}/brand/assets", new { title = "Logo", kind = "Logo" }, Api.Json);
        var assetId = (await asset.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<string>();
        var upload = new ByteArrayContent(SampleFiles.Png());
        upload.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        await OkAsync(client.PostAsync($"/api/{t}/brand/assets/{assetId}/versions?fileName=logo.png", upload));
        await OkAsync(client.PutAsJsonAsync($"/api/{t}/brand/kit", new { brandName = label, colours = new { primary = "#0b5394", accent = "#f1c232", text = "#1f2328", background = "#ffffff" } }, Api.Json));
        await OkAsync(client.PostAsJsonAsync($"/api/{t}/identity/api-keys", new { name = "Key", role = "Viewer" }, Api.Json));
        await OkAsync(client.PostAsJsonAsync($"/api/{t}/identity/integrations", new { name = "Integration", role = "Viewer" }, Api.Json));
        await OkAsync(client.PostAsJsonAsync($"/api/{t}/identity/invitations", new { email = $"later-{Guid.NewGuid():N}@example.org", role = "Editor" }, Api.Json));
        await OkAsync(client.PutAsJsonAsync($"/api/{t}/identity/security", new { requireTwoFactorForAdmins = true }, Api.Json));
        var organisation = await client.PostAsJsonAsync($"/api/{t}/crm/organisations", new { name = $"{label} ministry", kind = "Ministry", country = "KE" }, Api.Json);
        var organisationId = (await organisation.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<string>();
        var opportunity = await client.PostAsJsonAsync($"/api/{t}/crm/opportunities", new { title = $"{label} deal", organisationId, amount = 10, currency = "EUR" }, Api.Json);
        var opportunityId = (await opportunity.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<string>();
        await OkAsync(client.PostAsJsonAsync($"/api/{t}/crm/opportunities/{opportunityId}/stage", new { stage = "Won" }, Api.Json));
        await OkAsync(client.PostAsJsonAsync($"/api/{t}/crm/organisations/{organisationId}/contacts", new { name = $"{label} person" }, Api.Json));
        await OkAsync(client.PostAsJsonAsync($"/api/{t}/crm/organisations/{organisationId}/interactions", new { kind = "Call", occurredOn = "2026-05-01", summary = $"{label} call" }, Api.Json));
        var suggested = await client.CreateSolutionAsync(tenant, $"{label} deal platform");
        await OkAsync(client.PostAsJsonAsync($"/api/{t}/crm/opportunities/{opportunityId}/suggestions", new { kind = "Solution", id = suggested.Id, verdict = "Accepted" }, Api.Json));
        await OkAsync(client.PutAsJsonAsync($"/api/{t}/strategy/indicators/opportunities-won/targets/2026", new { target = 3 }, Api.Json));
        await OkAsync(client.PostAsJsonAsync($"/api/{t}/crm/tasks", new { title = $"{label} task", dueOn = "2026-06-01", link = "Opportunity", linkId = opportunityId }, Api.Json));
        var visit = await client.PostCreatedAsync($"/api/{t}/crm/visits", new { title = $"{label} visit", organisationId, startsOn = "2026-05-04", endsOn = "2026-05-05", headcount = 3 });
        await OkAsync(client.PostAsJsonAsync($"/api/{t}/crm/visits/{visit["id"]}/participants", new { name = $"{label} visitor" }, Api.Json));
        await OkAsync(client.PostAsJsonAsync($"/api/{t}/crm/visits/{visit["id"]}/sessions", new { day = "2026-05-04", startsAt = "09:00", endsAt = "10:00", title = $"{label} session" }, Api.Json));
        await OkAsync(client.PutAsJsonAsync($"/api/{t}/strategy/vision", new { statement = label, startYear = 2026, collaborationAim = "c", diplomacyAim = "d", exportAim = "e" }, Api.Json));
        await OkAsync(client.PostAsJsonAsync($"/api/{t}/strategy/actions", new { year = 2026, aim = "Export", title = $"{label} action" }, Api.Json));
        await OkAsync(client.PutAsJsonAsync($"/api/{t}/strategy/indicators/revenue/actuals/2026", new { value = 1, note = $"{label} accounts" }, Api.Json));
        // A partner's removal reaches two other modules' inboxes through the outbox.
        var leaving = (await client.CreatePartnerAsync(tenant, "Leaving vendor", "ItVendor"))["id"]!.GetValue<string>();
        await OkAsync(client.DeleteAsync($"/api/{t}/partners/{leaving}"));

        // No API of the tenant's own makes these two: the showcase's contact form and a partner's portal do.
        await using var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        await scope.ServiceProvider.GetRequiredService<ICrmIntake>().ReceiveEnquiryAsync(new IncomingEnquiry("Ana", "ana@example.org", null, "PT", "Registries", "We need one.", null, "showcase"));
        var catalogue = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        catalogue.SolutionProposals.Add(new SolutionProposal { SolutionId = solution.Id, PartnerId = Guid.Parse(partner), ProposedBy = "guest@vendor.example", ProposedAt = DateTimeOffset.UtcNow, Summary = "Better" });
        await catalogue.SaveChangesAsync();
        var access = scope.ServiceProvider.GetRequiredService<NucleusCloud.Modules.Identity.Data.AccessDbContext>();
        var strategy = scope.ServiceProvider.GetRequiredService<NucleusCloud.Modules.Strategy.Data.StrategyDbContext>();
        await Eventually.Until(async () => await access.Inbox.AnyAsync() && await catalogue.Inbox.AnyAsync() && await strategy.Facts.CountAsync() >= 4, done => done, "delivered to every module's inbox");
        return (tenant, client);
    }

    private static async Task OkAsync(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }
}
