using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Scopes;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Crm;

/// <summary>Enquiries received for a tenant are listed only to its members with the CRM right, and worked by its CRM users alone.</summary>
public abstract class EnquiryApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task Queries_are_the_tenants_own_and_need_the_crm_right()
    {
        var a = await App.NewTenantAsync();
        var b = await App.NewTenantAsync();
        await using (var scope = App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(a))
        {
            await scope.ServiceProvider.GetRequiredService<ICrmIntake>().ReceiveEnquiryAsync(new IncomingEnquiry("Ana", "ana@example.org", null, "PT", "Digital ID", "We need a digital ID for 10M people.", null, "showcase"));
        }

        var url = $"/api/{a.Slug}/crm/enquiries";
        (await App.MemberOf(TenantRole.CrmUser, a).GetStringAsync(url)).ShouldContain("Digital ID");
        await (await App.Anonymous().GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await App.MemberOf(TenantRole.Viewer, a).GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await App.MemberOf(TenantRole.Admin, b).GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await App.MemberOf(TenantRole.Admin, b).GetStringAsync($"/api/{b.Slug}/crm/enquiries")).ShouldNotContain("Digital ID");
        await (await App.MemberOf(TenantRole.Admin, a).GetAsync($"{url}?status=Lost")).ShouldBeValidationProblemAsync("status");
    }

    [SkippableFact]
    public async Task An_enquiry_entered_by_hand_is_triaged_answered_and_counted_for_its_tenant_alone()
    {
        var (a, b) = (await App.NewTenantAsync(), await App.NewTenantAsync());
        var crmUserId = await App.NewUserAsync();
        await App.GrantAsync(crmUserId, a, TenantRole.CrmUser);
        var (crm, other) = (App.As(crmUserId), App.MemberOf(TenantRole.Admin, b));
        var url = $"/api/{a.Slug}/crm/enquiries";
        await (await crm.PostAsJsonAsync(url, new { contactName = "Lina", contactEmail = "not an address", subject = "Tax", message = "Help" })).ShouldBeValidationProblemAsync("contactEmail");
        await (await App.MemberOf(TenantRole.Viewer, a).PostAsJsonAsync(url, new { contactName = "Lina", contactEmail = "lina@example.org", subject = "Tax", message = "Help" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var entered = await crm.PostAsJsonAsync(url, new { contactName = "Lina Haddad", contactEmail = "lina@example.org", organisation = "Ministry of Finance", country = "jo", subject = "e-Tax", message = "We want e-filing for 2M taxpayers." });
        entered.StatusCode.ShouldBe(HttpStatusCode.Created, await entered.Content.ReadAsStringAsync());
        var enquiry = JsonNode.Parse(await entered.Content.ReadAsStringAsync())!;
        enquiry["source"]!.GetValue<string>().ShouldBe("manual");
        enquiry["country"]!.GetValue<string>().ShouldBe("JO");
        var id = enquiry["id"]!.GetValue<string>();

        // Another tenant neither sees nor works it; a stranger is no assignee.
        await (await other.PostAsJsonAsync($"/api/{b.Slug}/crm/enquiries/{id}/triage", new { })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"{url}/{id}/answer", new { answer = "No" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await crm.PostAsJsonAsync($"{url}/{id}/triage", new { assignedTo = await App.NewUserAsync() })).ShouldBeValidationProblemAsync("assignedTo");

        var triaged = JsonNode.Parse(await (await crm.PostAsJsonAsync($"{url}/{id}/triage", new { })).Content.ReadAsStringAsync())!;
        triaged["status"]!.GetValue<string>().ShouldBe("Triaged");
        triaged["assignedTo"]!.GetValue<string>().ShouldBe(crmUserId.ToString());
        await (await crm.PostAsJsonAsync($"{url}/{id}/answer", new { answer = "" })).ShouldBeValidationProblemAsync("answer");
        await (await crm.PostAsJsonAsync($"{url}/{id}/answer", new { answer = "Stale", version = 1 })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var answered = JsonNode.Parse(await (await crm.PostAsJsonAsync($"{url}/{id}/answer", new { answer = "Our e-Tax team will call you this week." })).Content.ReadAsStringAsync())!;
        answered["status"]!.GetValue<string>().ShouldBe("Answered");
        answered["answeredAt"].ShouldNotBeNull();

        var year = DateTimeOffset.UtcNow.Year;
        await Eventually.Until(async () => Api.IndicatorActual(await crm.GetStringAsync($"/api/{a.Slug}/strategy/indicators?year={year}"), "enquiries-answered"), actual => actual == 1, "counted as answered");
        Api.IndicatorActual(await crm.GetStringAsync($"/api/{a.Slug}/strategy/indicators?year={year}"), "enquiries-received").ShouldBe(1);
        Api.IndicatorActual(await other.GetStringAsync($"/api/{b.Slug}/strategy/indicators?year={year}"), "enquiries-answered").ShouldBe(0);

        (JsonNode.Parse(await (await crm.PostAsJsonAsync($"{url}/{id}/close", new { })).Content.ReadAsStringAsync())!)["status"]!.GetValue<string>().ShouldBe("Closed");
        await (await crm.PostAsJsonAsync($"{url}/{id}/answer", new { answer = "Again" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }
}

public sealed class EnquiryApiOnSqlite(SqliteFixture fixture) : EnquiryApiTests<SqliteFixture>(fixture);

public sealed class EnquiryApiOnPostgres(PostgresFixture fixture) : EnquiryApiTests<PostgresFixture>(fixture);
public sealed class EnquiryApiOnSqlServer(SqlServerFixture fixture) : EnquiryApiTests<SqlServerFixture>(fixture);
