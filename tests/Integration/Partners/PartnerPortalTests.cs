using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Partners;

/// <summary>
/// The partner portal's promise: a partner's guest edits its own profile and proposes changes to the
/// solutions its partner provides, which wait for review; it reaches nothing else, by any route.
/// </summary>
public abstract class PartnerPortalTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    private sealed record Setup(TenantInfo Tenant, HttpClient Admin, HttpClient Guest, string Own, string Other, SolutionDetails Provided, SolutionDetails Draft, SolutionDetails NotProvided);

    /// <summary>Two partners, three solutions, and a guest of the first partner invited and accepted through the API.</summary>
    private async Task<Setup> SetUpAsync()
    {
        var tenant = await App.NewTenantAsync();
        var admin = App.MemberOf(tenant);
        var own = (await admin.CreatePartnerAsync(tenant, "Own vendor", "ItVendor"))["id"]!.GetValue<string>();
        var other = (await admin.CreatePartnerAsync(tenant, "Rival vendor", "ItVendor"))["id"]!.GetValue<string>();
        var provided = await CreateProvidedAsync(admin, tenant, "Provided suite", SolutionStatus.Published, own);
        var draft = await CreateProvidedAsync(admin, tenant, "Provided draft", SolutionStatus.Draft, own);
        var notProvided = await CreateProvidedAsync(admin, tenant, "Rival suite", SolutionStatus.Published, other);
        await (await admin.PostAsJsonAsync($"/api/{tenant.Slug}/partners/{own}/agreements", new { title = "Own MoU", startsOn = "2026-01-01" }, Api.Json)).Content.ReadAsStringAsync();
        await (await admin.PostAsJsonAsync($"/api/{tenant.Slug}/partners/{other}/agreements", new { title = "Rival MoU", startsOn = "2026-01-01" }, Api.Json)).Content.ReadAsStringAsync();

        var email = $"guest-{Guid.NewGuid():N}@vendor.example";
        var userId = await App.NewUserAsync(email: email);
        (await admin.PostAsJsonAsync($"/api/{tenant.Slug}/partners/{own}/guests", new { email }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var token = HttpUtility.ParseQueryString(new Uri(SmtpSink.LinkIn(await App.Mail.WaitForAsync(email))).Query)["token"];
        var accepted = await App.Anonymous().PostAsJsonAsync("/api/auth/invitations/accept", new { tenant = tenant.Slug, token }, Api.Json);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        return new(tenant, admin, App.As(userId), own, other, provided, draft, notProvided);
    }

    private static async Task<SolutionDetails> CreateProvidedAsync(HttpClient admin, TenantInfo tenant, string name, SolutionStatus status, string partnerId)
    {
        var response = await admin.PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", new
        {
            name,
            summary = $"{name} summary",
            status,
            providerPartnerIds = new[] { partnerId },
        }, Api.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SolutionDetails>(Api.Json))!;
    }

    [SkippableFact]
    public async Task A_guest_edits_its_own_profile_and_nothing_of_the_register()
    {
        var s = await SetUpAsync();
        var portal = $"/api/{s.Tenant.Slug}/partner-portal";
        var profile = JsonNode.Parse(await s.Guest.GetStringAsync($"{portal}/profile"))!;
        profile["id"]!.GetValue<string>().ShouldBe(s.Own);

        // Name and kind are the nucleus's to set: a profile update that sends them changes neither.
        var updated = await s.Guest.PutAsJsonAsync($"{portal}/profile", new { name = "Renamed", kind = "Donor", summary = "We build registries", regions = new[] { "Baltics" }, version = 1 }, Api.Json);
        updated.StatusCode.ShouldBe(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        var stored = JsonNode.Parse(await s.Admin.GetStringAsync($"/api/{s.Tenant.Slug}/partners/{s.Own}"))!;
        stored["name"]!.GetValue<string>().ShouldBe("Own vendor");
        stored["kind"]!.GetValue<string>().ShouldBe("ItVendor");
        stored["summary"]!.GetValue<string>().ShouldBe("We build registries");
        await (await s.Guest.PutAsJsonAsync($"{portal}/profile", new { websiteUrl = "javascript:alert(1)" }, Api.Json)).ShouldBeValidationProblemAsync("websiteUrl");

        var agreements = await s.Guest.GetStringAsync($"{portal}/agreements");
        agreements.ShouldContain("Own MoU");
        agreements.ShouldNotContain("Rival MoU");

        // The register itself, the other partner, and every other module answer as to a stranger.
        foreach (var url in new[]
        {
            $"/api/{s.Tenant.Slug}/partners",
            $"/api/{s.Tenant.Slug}/partners/{s.Own}",
            $"/api/{s.Tenant.Slug}/partners/{s.Other}",
            $"/api/{s.Tenant.Slug}/partners/{s.Other}/agreements",
            $"/api/{s.Tenant.Slug}/partners/{s.Other}/surveys",
            $"/api/{s.Tenant.Slug}/crm/enquiries",
            $"/api/{s.Tenant.Slug}/identity/members",
            $"/api/{s.Tenant.Slug}/catalogue/proposals",
            $"/api/{s.Tenant.Slug}/catalogue/solutions/{s.Draft.Id}/history",
            $"/api/{s.Tenant.Slug}/audit/entries",
        })
        {
            (await s.Guest.GetAsync(url)).StatusCode.ShouldBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.NotFound], url);
        }

        await (await s.Guest.PutAsJsonAsync($"/api/{s.Tenant.Slug}/partners/{s.Other}", new { name = "Mine now", kind = "ItVendor" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await s.Guest.PostAsJsonAsync($"/api/{s.Tenant.Slug}/partners/{s.Own}/guests", new { email = "friend@vendor.example" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await s.Admin.GetStringAsync($"/api/{s.Tenant.Slug}/partners/{s.Other}")).ShouldContain("Rival vendor");

        // Its membership is in one tenant only.
        var elsewhere = await App.NewTenantAsync();
        await (await s.Guest.GetAsync($"/api/{elsewhere.Slug}/partner-portal/profile")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task A_guest_proposes_changes_to_provided_solutions_only_and_they_wait_for_review()
    {
        var s = await SetUpAsync();
        var portal = $"/api/{s.Tenant.Slug}/partner-portal";
        var listed = JsonNode.Parse(await s.Guest.GetStringAsync($"{portal}/solutions"))!.AsArray().Select(x => x!["name"]!.GetValue<string>()).ToList();
        listed.ShouldBe(["Provided draft", "Provided suite"]);
        await (await s.Guest.GetAsync($"{portal}/solutions/{s.NotProvided.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await s.Guest.PostAsJsonAsync($"{portal}/solutions/{s.NotProvided.Id}/proposals", new { summary = "Sabotage" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await s.Guest.PostAsJsonAsync($"{portal}/solutions/{s.Provided.Id}/proposals", new { message = "nothing" }, Api.Json)).ShouldBeValidationProblemAsync("name");

        // The catalogue's own write routes stay closed, and drafts stay out of its reads.
        await (await s.Guest.PutAsJsonAsync($"/api/{s.Tenant.Slug}/catalogue/solutions/{s.Provided.Id}", new { name = "Direct edit" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await s.Guest.PostAsJsonAsync($"/api/{s.Tenant.Slug}/catalogue/solutions/{s.Provided.Id}/status", new { status = "Archived" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await s.Guest.GetAsync($"/api/{s.Tenant.Slug}/catalogue/solutions/{s.Draft.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await s.Guest.GetStringAsync($"/api/{s.Tenant.Slug}/catalogue/solutions?status=Draft")).ShouldNotContain("Provided draft");

        var proposed = await s.Guest.PostAsJsonAsync($"{portal}/solutions/{s.Provided.Id}/proposals", new { summary = "Now with e-signatures", deploymentCountries = new[] { "KE" }, message = "Released in May" }, Api.Json);
        proposed.StatusCode.ShouldBe(HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
        var proposalId = JsonNode.Parse(await proposed.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        await (await s.Guest.PostAsJsonAsync($"{portal}/solutions/{s.Provided.Id}/proposals", new { summary = "Again" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await s.Guest.PostAsJsonAsync($"/api/{s.Tenant.Slug}/catalogue/proposals/{proposalId}/accept", new { }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await App.Anonymous().GetFromJsonAsync<SolutionDetails>($"/api/{s.Tenant.Slug}/catalogue/solutions/{s.Provided.Id}", Api.Json))!.Summary.ShouldBe("Provided suite summary");

        // Another tenant's reviewer can neither see nor decide it.
        var b = await App.NewTenantAsync();
        await (await App.MemberOf(b).GetAsync($"/api/{s.Tenant.Slug}/catalogue/proposals")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await App.MemberOf(b).PostAsJsonAsync($"/api/{b.Slug}/catalogue/proposals/{proposalId}/accept", new { }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var editor = App.MemberOf(TenantRole.Editor, s.Tenant);
        (await editor.GetStringAsync($"/api/{s.Tenant.Slug}/catalogue/proposals?status=Pending")).ShouldContain("Now with e-signatures");
        var accepted = await editor.PostAsJsonAsync($"/api/{s.Tenant.Slug}/catalogue/proposals/{proposalId}/accept", new { note = "Checked with the vendor" }, Api.Json);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        await (await editor.PostAsJsonAsync($"/api/{s.Tenant.Slug}/catalogue/proposals/{proposalId}/reject", new { }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var solution = (await App.Anonymous().GetFromJsonAsync<SolutionDetails>($"/api/{s.Tenant.Slug}/catalogue/solutions/{s.Provided.Id}", Api.Json))!;
        solution.Summary.ShouldBe("Now with e-signatures");
        solution.DeploymentCountries.ShouldBe(["KE"]);
        solution.Name.ShouldBe("Provided suite");
        var history = await editor.GetStringAsync($"/api/{s.Tenant.Slug}/catalogue/solutions/{s.Provided.Id}/history");
        history.ShouldContain("Checked with the vendor");
        history.ShouldContain(s.Own);
        (await s.Guest.GetStringAsync($"{portal}/proposals")).ShouldContain("\"status\":\"Accepted\"");
    }

    [SkippableFact]
    public async Task Removing_the_partner_ends_its_guests_access()
    {
        var s = await SetUpAsync();
        (await s.Admin.DeleteAsync($"/api/{s.Tenant.Slug}/partners/{s.Own}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // The guests and the catalogue's links go when Identity and the catalogue hear of it, through the outbox.
        await Eventually.Until(async () => (await s.Guest.GetAsync($"/api/{s.Tenant.Slug}/partner-portal/solutions")).StatusCode, code => code == HttpStatusCode.Forbidden, "refused to the removed partner's guest");
        var solution = await Eventually.Until(
            async () => (await s.Admin.GetFromJsonAsync<SolutionDetails>($"/api/{s.Tenant.Slug}/catalogue/solutions/{s.Provided.Id}", Api.Json))!,
            details => details.ProviderPartnerIds.Count == 0, "rid of its removed provider");
        solution.Version.ShouldBe(s.Provided.Version + 1);
        (await s.Admin.GetFromJsonAsync<SolutionDetails>($"/api/{s.Tenant.Slug}/catalogue/solutions/{s.NotProvided.Id}", Api.Json))!.ProviderPartnerIds.ShouldBe([Guid.Parse(s.Other)]);
        await (await s.Guest.PostAsJsonAsync($"/api/{s.Tenant.Slug}/partner-portal/solutions/{s.Provided.Id}/proposals", new { summary = "Still here?" }, Api.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await s.Admin.GetStringAsync($"/api/{s.Tenant.Slug}/identity/members")).ShouldNotContain("vendor.example");
    }
}

public sealed class PartnerPortalOnSqlite(SqliteFixture fixture) : PartnerPortalTests<SqliteFixture>(fixture);

public sealed class PartnerPortalOnPostgres(PostgresFixture fixture) : PartnerPortalTests<PostgresFixture>(fixture);
public sealed class PartnerPortalOnSqlServer(SqlServerFixture fixture) : PartnerPortalTests<SqlServerFixture>(fixture);
