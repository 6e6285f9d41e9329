using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Scopes;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Crm;

/// <summary>
/// Organisations and the opportunity pipeline through the API's contract, kept to their tenant; and the
/// strategy's indicators, filled by the CRM's events through the outbox, moving for that tenant alone.
/// </summary>
public abstract class PipelineTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task Organisations_and_opportunities_keep_the_contract_their_rules_and_their_tenant()
    {
        var (a, b) = (await App.NewTenantAsync(), await App.NewTenantAsync());
        var (admin, other) = (App.MemberOf(a), App.MemberOf(b));
        var organisation = await CreateOrganisationAsync(admin, a, "Ministry of ICT of Kenya", "Ministry", "ke");
        organisation["country"]!.GetValue<string>().ShouldBe("KE");

        await (await admin.PostAsJsonAsync($"/api/{a.Slug}/crm/organisations", new { name = "", kind = "Ministry", country = "KE" })).ShouldBeValidationProblemAsync("name");
        await (await admin.PostAsJsonAsync($"/api/{a.Slug}/crm/organisations", new { name = "Nowhere", kind = "Ministry", country = "XX" })).ShouldBeValidationProblemAsync("country");
        await (await admin.PostAsJsonAsync($"/api/{a.Slug}/crm/organisations", new { name = "Nowhere", country = "KE" })).ShouldBeValidationProblemAsync("kind");

        var opportunity = await CreateOpportunityAsync(admin, a, "Digital ID for Kenya", Id(organisation));
        opportunity["stage"]!.GetValue<string>().ShouldBe("Identified");
        opportunity["organisationName"]!.GetValue<string>().ShouldBe("Ministry of ICT of Kenya");
        await (await admin.PostAsJsonAsync($"/api/{a.Slug}/crm/opportunities", new { title = "No such counterpart", organisationId = Guid.NewGuid(), amount = 1, currency = "EUR" }))
            .ShouldBeValidationProblemAsync("organisationId");
        await (await admin.PostAsJsonAsync($"/api/{a.Slug}/crm/opportunities", new { title = "Bad money", organisationId = Id(organisation), amount = -5, currency = "euro" }))
            .ShouldBeValidationProblemAsync("amount", "currency");

        // Another tenant's organisation is no counterpart here, and its members see and move nothing of this one.
        var theirs = await CreateOrganisationAsync(other, b, "Their ministry", "Ministry", "KE");
        await (await admin.PostAsJsonAsync($"/api/{a.Slug}/crm/opportunities", new { title = "Borrowed", organisationId = Id(theirs), amount = 1, currency = "EUR" }))
            .ShouldBeValidationProblemAsync("organisationId");
        var url = $"/api/{a.Slug}/crm/opportunities/{Id(opportunity)}";
        await (await other.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await other.PostAsJsonAsync($"{url}/stage", new { stage = "Won" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await other.GetAsync($"/api/{b.Slug}/crm/opportunities/{Id(opportunity)}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/{b.Slug}/crm/opportunities/{Id(opportunity)}/stage", new { stage = "Won" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        JsonNode.Parse(await other.GetStringAsync($"/api/{b.Slug}/crm/opportunities"))!["total"]!.GetValue<int>().ShouldBe(0);
        JsonNode.Parse(await other.GetStringAsync($"/api/{b.Slug}/crm/organisations"))!["total"]!.GetValue<int>().ShouldBe(1);

        // A CRM user goes one stage at a time and says why it was lost; a viewer moves nothing.
        var crmUser = App.MemberOf(TenantRole.CrmUser, a);
        await (await App.MemberOf(TenantRole.Viewer, a).PostAsJsonAsync($"{url}/stage", new { stage = "Qualified" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await crmUser.PostAsJsonAsync($"{url}/stage", new { stage = "Won" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await MoveAsync(crmUser, url, new { stage = "Qualified" }))["stage"]!.GetValue<string>().ShouldBe("Qualified");
        await (await crmUser.PostAsJsonAsync($"{url}/stage", new { stage = "Lost" })).ShouldBeValidationProblemAsync("lostReason");
        await (await crmUser.PostAsJsonAsync($"{url}/stage", new { stage = "Sold" })).ShouldBeValidationProblemAsync("stage");
        var lost = await MoveAsync(crmUser, url, new { stage = "Lost", lostReason = "Budget moved to health" });
        lost["lostReason"]!.GetValue<string>().ShouldBe("Budget moved to health");
        lost["closedAt"].ShouldNotBeNull();
        await (await crmUser.PostAsJsonAsync($"{url}/stage", new { stage = "Negotiation" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // An owner or administrator reopens it and moves it forward at once; a stale version is refused.
        var reopened = await MoveAsync(admin, url, new { stage = "Identified" });
        reopened["closedAt"].ShouldBeNull();
        reopened["lostReason"].ShouldBeNull();
        var won = await MoveAsync(admin, url, new { stage = "Won", version = reopened["version"]!.GetValue<int>() });
        won["stage"]!.GetValue<string>().ShouldBe("Won");
        await (await admin.PostAsJsonAsync($"{url}/stage", new { stage = "Negotiation", version = 1 })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // The organisation cannot go while an opportunity names it.
        await (await admin.DeleteAsync($"/api/{a.Slug}/crm/organisations/{Id(organisation)}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [SkippableFact]
    public async Task Winning_an_opportunity_raises_this_years_indicator_for_its_tenant_alone()
    {
        var (a, b) = (await App.NewTenantAsync(), await App.NewTenantAsync());
        var (admin, other) = (App.MemberOf(a), App.MemberOf(b));
        var year = DateTimeOffset.UtcNow.Year;
        (await IndicatorAsync(admin, a, "opportunities-won", year))["actual"]!.GetValue<decimal>().ShouldBe(0);

        var organisation = await CreateOrganisationAsync(admin, a, "Ministry of Digital Economy of Ghana", "Ministry", "GH");
        var url = $"/api/{a.Slug}/crm/opportunities/{Id(await CreateOpportunityAsync(admin, a, "e-Procurement for Ghana", Id(organisation)))}";
        await MoveAsync(admin, url, new { stage = "Won" });

        var raised = await Eventually.Until(() => IndicatorAsync(admin, a, "opportunities-won", year), i => i["actual"]!.GetValue<decimal>() == 1, "counted as won");
        raised["source"]!.GetValue<string>().ShouldContain("Won");
        raised["name"]!.GetValue<string>().ShouldBe("Opportunities won");
        (await IndicatorAsync(other, b, "opportunities-won", year))["actual"]!.GetValue<decimal>().ShouldBe(0);
        await (await other.GetAsync($"/api/{a.Slug}/strategy/indicators?year={year}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // Reopened, it leaves the count.
        await MoveAsync(admin, url, new { stage = "Negotiation" });
        await Eventually.Until(() => IndicatorAsync(admin, a, "opportunities-won", year), i => i["actual"]!.GetValue<decimal>() == 0, "uncounted after reopening");

        // An enquiry from the showcase counts as received, in its tenant only.
        await using (var scope = App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(a))
        {
            await scope.ServiceProvider.GetRequiredService<ICrmIntake>().ReceiveEnquiryAsync(new IncomingEnquiry("Ama", "ama@example.org", null, "GH", "Land registry", "We need one.", null, "showcase"));
        }

        await Eventually.Until(() => IndicatorAsync(admin, a, "enquiries-received", year), i => i["actual"]!.GetValue<decimal>() == 1, "counted as received");
        (await IndicatorAsync(other, b, "enquiries-received", year))["actual"]!.GetValue<decimal>().ShouldBe(0);
    }

    [SkippableFact]
    public async Task Targets_are_set_by_owners_and_administrators_for_a_known_indicator_and_year()
    {
        var (a, b) = (await App.NewTenantAsync(), await App.NewTenantAsync());
        var admin = App.MemberOf(a);
        var target = $"/api/{a.Slug}/strategy/indicators/opportunities-won/targets/2027";
        var set = await admin.PutAsJsonAsync(target, new { target = 12 });
        set.StatusCode.ShouldBe(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        (await IndicatorAsync(admin, a, "opportunities-won", 2027))["target"]!.GetValue<decimal>().ShouldBe(12);
        (await IndicatorAsync(App.MemberOf(b), b, "opportunities-won", 2027))["target"].ShouldBeNull();

        await (await App.MemberOf(TenantRole.CrmUser, a).PutAsJsonAsync(target, new { target = 99 })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await App.MemberOf(TenantRole.Viewer, a).GetAsync($"/api/{a.Slug}/strategy/indicators")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.PutAsJsonAsync(target, new { target = -1 })).ShouldBeValidationProblemAsync("target");
        await (await admin.PutAsJsonAsync($"/api/{a.Slug}/strategy/indicators/opportunities-won/targets/1900", new { target = 1 })).ShouldBeValidationProblemAsync("year");
        await (await admin.PutAsJsonAsync($"/api/{a.Slug}/strategy/indicators/happiness/targets/2027", new { target = 1 })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/{a.Slug}/strategy/indicators?year=99999")).ShouldBeValidationProblemAsync("year");
    }

    [SkippableFact]
    public async Task Match_making_ranks_the_tenants_own_published_solutions_and_partners_with_reasons()
    {
        var (a, b) = (await App.NewTenantAsync(), await App.NewTenantAsync());
        var (admin, other) = (App.MemberOf(a), App.MemberOf(b));
        var registry = await admin.PostAsJsonAsync($"/api/{a.Slug}/catalogue/solutions", new
        {
            name = "Population Registry", summary = "Digital identity and population register", status = "Published",
            sectors = new[] { "health" }, buildingBlocks = new[] { "identity" }, deploymentCountries = new[] { "KE" },
        }, Api.Json);
        registry.StatusCode.ShouldBe(HttpStatusCode.Created, await registry.Content.ReadAsStringAsync());
        await admin.CreateSolutionAsync(a, "Identity draft", NucleusCloud.Modules.Catalogue.Contracts.SolutionStatus.Draft);
        await other.CreateSolutionAsync(b, "Their identity registry");
        await admin.CreatePartnerAsync(a, "Identity Systems Ltd", "ItVendor");

        var response = await admin.PostAsJsonAsync($"/api/{a.Slug}/crm/matches", new { text = "We need digital identity for our health system", country = "KE" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var solutions = result["solutions"]!.AsArray();
        solutions.Select(s => s!["name"]!.GetValue<string>()).ShouldBe(["Population Registry"], "published, of this tenant only");
        var reasons = solutions[0]!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        reasons.ShouldContain("deployed in Kenya");
        reasons.ShouldContain("building block: identity");
        reasons.ShouldContain("sector: health");
        result["partners"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ShouldBe(["Identity Systems Ltd"]);

        await (await other.PostAsJsonAsync($"/api/{a.Slug}/crm/matches", new { text = "identity" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.PostAsJsonAsync($"/api/{a.Slug}/crm/matches", new { text = "" })).ShouldBeValidationProblemAsync("text");
        await (await admin.PostAsJsonAsync($"/api/{a.Slug}/crm/matches", new { text = "identity", country = "XX", language = "de" })).ShouldBeValidationProblemAsync("country", "language");
    }

    [SkippableFact]
    public async Task Suggestions_on_an_opportunity_are_accepted_or_rejected_and_the_verdict_is_kept()
    {
        var (a, b) = (await App.NewTenantAsync(), await App.NewTenantAsync());
        var (admin, other) = (App.MemberOf(a), App.MemberOf(b));
        await admin.CreateSolutionAsync(a, "Land Registry Suite");
        var organisation = await CreateOrganisationAsync(admin, a, "National Land Agency", "Agency", "PE");
        var url = $"/api/{a.Slug}/crm/opportunities/{Id(await CreateOpportunityAsync(admin, a, "Land registry modernisation", Id(organisation)))}/suggestions";

        var suggested = JsonNode.Parse(await admin.GetStringAsync(url))!;
        var solution = suggested["ranking"]!["solutions"]!.AsArray().Single()!;
        solution["name"]!.GetValue<string>().ShouldBe("Land Registry Suite");
        suggested["decisions"]!.AsArray().ShouldBeEmpty();

        var accepted = await admin.PostAsJsonAsync(url, new { kind = "Solution", id = solution["id"]!.GetValue<string>(), verdict = "Accepted" });
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var rejected = await admin.PostAsJsonAsync(url, new { kind = "Solution", id = solution["id"]!.GetValue<string>(), verdict = "Rejected" });
        rejected.StatusCode.ShouldBe(HttpStatusCode.OK);
        var decisions = JsonNode.Parse(await admin.GetStringAsync(url))!["decisions"]!.AsArray();
        decisions.Count.ShouldBe(1, "one verdict per suggestion, the latest kept");
        decisions[0]!["verdict"]!.GetValue<string>().ShouldBe("Rejected");

        await (await admin.PostAsJsonAsync(url, new { kind = "Solution", id = Guid.NewGuid(), verdict = "Accepted" })).ShouldBeValidationProblemAsync("id");
        await (await admin.PostAsJsonAsync(url, new { kind = "Solution", id = solution["id"]!.GetValue<string>() })).ShouldBeValidationProblemAsync("verdict");
        await (await App.MemberOf(TenantRole.Viewer, a).PostAsJsonAsync(url, new { kind = "Solution", id = solution["id"]!.GetValue<string>(), verdict = "Accepted" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await other.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await other.GetAsync(url.Replace(a.Slug, b.Slug, StringComparison.Ordinal))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static string Id(JsonObject created) => created["id"]!.GetValue<string>();

    private static async Task<JsonObject> CreateOrganisationAsync(HttpClient client, TenantInfo tenant, string name, string kind, string country)
    {
        var response = await client.PostAsJsonAsync($"/api/{tenant.Slug}/crm/organisations", new { name, kind, country });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static async Task<JsonObject> CreateOpportunityAsync(HttpClient client, TenantInfo tenant, string title, string organisationId)
    {
        var response = await client.PostAsJsonAsync($"/api/{tenant.Slug}/crm/opportunities", new { title, organisationId, amount = 2_500_000m, currency = "EUR" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static async Task<JsonObject> MoveAsync(HttpClient client, string url, object move)
    {
        var response = await client.PostAsJsonAsync($"{url}/stage", move);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static async Task<JsonObject> IndicatorAsync(HttpClient client, TenantInfo tenant, string id, int year)
    {
        var items = JsonNode.Parse(await client.GetStringAsync($"/api/{tenant.Slug}/strategy/indicators?year={year}"))!["items"]!.AsArray();
        return items.Single(i => i!["id"]!.GetValue<string>() == id)!.AsObject();
    }
}

public sealed class PipelineOnSqlite(SqliteFixture fixture) : PipelineTests<SqliteFixture>(fixture);

public sealed class PipelineOnPostgres(PostgresFixture fixture) : PipelineTests<PostgresFixture>(fixture);
public sealed class PipelineOnSqlServer(SqlServerFixture fixture) : PipelineTests<SqlServerFixture>(fixture);
