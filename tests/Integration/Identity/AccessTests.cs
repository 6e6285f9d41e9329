using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Identity;

/// <summary>Roles, memberships and API keys, each tried against a second tenant.</summary>
public abstract class AccessTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    private static HttpClient WithKey(NucleusApp app, string key)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("Authorization", $"ApiKey {key}");
        return client;
    }

    private static async Task<(string Key, Guid Id)> CreateKeyAsync(HttpClient admin, string tenant, TenantRole role)
    {
        var response = await admin.PostAsJsonAsync($"/api/{tenant}/identity/api-keys", new { name = "CRM sync", role = role.ToString() }, Api.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (body["key"]!.GetValue<string>(), body["apiKey"]!["id"]!.GetValue<Guid>());
    }

    [SkippableFact]
    public async Task Revoking_a_membership_takes_effect_on_the_next_request()
    {
        var tenant = await App.NewTenantAsync();
        var userId = await App.NewUserAsync();
        await App.GrantAsync(userId, tenant, TenantRole.Editor);
        var member = App.As(userId);
        await member.CreateSolutionAsync(tenant, "Before", SolutionStatus.Draft);

        (await App.MemberOf(TenantRole.Owner, tenant).DeleteAsync($"/api/{tenant.Slug}/identity/members/{userId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await member.PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", Api.NewSolution("After"), Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await member.ListSolutionsAsync(tenant)).Total.ShouldBe(0, "drafts are hidden from non-members");
    }

    [SkippableFact]
    public async Task Roles_decide_what_a_member_may_do()
    {
        var tenant = await App.NewTenantAsync();
        var viewer = App.MemberOf(TenantRole.Viewer, tenant);
        var editor = App.MemberOf(TenantRole.Editor, tenant);

        await (await viewer.PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", Api.NewSolution("x"), Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var draft = await editor.CreateSolutionAsync(tenant, "Draft", SolutionStatus.Draft);
        (await viewer.GetAsync($"/api/{tenant.Slug}/catalogue/solutions/{draft.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK, "viewers read drafts");
        (await viewer.GetAsync($"/api/{tenant.Slug}/identity/members")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await editor.GetAsync($"/api/{tenant.Slug}/identity/api-keys")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await editor.DeleteAsync($"/api/{tenant.Slug}/identity/members/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task The_last_owner_cannot_be_removed_or_demoted_and_only_owners_touch_owners()
    {
        var tenant = await App.NewTenantAsync();
        var ownerId = await App.NewUserAsync();
        await App.GrantAsync(ownerId, tenant, TenantRole.Owner);
        var owner = App.As(ownerId);
        var admin = App.MemberOf(TenantRole.Admin, tenant);

        await (await owner.PutAsJsonAsync($"/api/{tenant.Slug}/identity/members/{ownerId}", new { role = "Admin" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await owner.DeleteAsync($"/api/{tenant.Slug}/identity/members/{ownerId}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await admin.DeleteAsync($"/api/{tenant.Slug}/identity/members/{ownerId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await owner.PutAsJsonAsync($"/api/{tenant.Slug}/identity/members/{ownerId}", new { role = "Wizard" }, Api.Json)).ShouldBeValidationProblemAsync("role");

        var members = await owner.GetFromJsonAsync<PagedResult<JsonObject>>($"/api/{tenant.Slug}/identity/members", Api.Json);
        members!.Total.ShouldBe(2);
    }

    [SkippableFact]
    public async Task Member_ids_of_another_tenant_answer_404_and_lists_stay_within_the_tenant()
    {
        var a = await App.NewTenantAsync();
        var b = await App.NewTenantAsync();
        var ownerOfA = App.MemberOf(TenantRole.Owner, a);
        var memberOfB = await App.NewUserAsync();
        await App.GrantAsync(memberOfB, b, TenantRole.Editor);

        await (await ownerOfA.PutAsJsonAsync($"/api/{a.Slug}/identity/members/{memberOfB}", new { role = "Viewer" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await ownerOfA.DeleteAsync($"/api/{a.Slug}/identity/members/{memberOfB}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var list = await ownerOfA.GetFromJsonAsync<PagedResult<JsonObject>>($"/api/{a.Slug}/identity/members", Api.Json);
        list!.Items.Select(m => m["userId"]!.GetValue<Guid>()).ShouldNotContain(memberOfB);
        (await App.As(memberOfB).CreateSolutionAsync(b, "Still an editor of B", SolutionStatus.Draft)).ShouldNotBeNull();
    }

    [SkippableFact]
    public async Task An_api_key_is_shown_once_works_in_its_tenant_only_and_stops_when_revoked()
    {
        var a = await App.NewTenantAsync();
        var b = await App.NewTenantAsync();
        var admin = App.MemberOf(TenantRole.Admin, a, b);
        var (key, id) = await CreateKeyAsync(admin, a.Slug, TenantRole.Editor);
        key.ShouldStartWith("nk_");

        var integration = WithKey(App, key);
        await integration.CreateSolutionAsync(a, "Synced", SolutionStatus.Draft);
        (await integration.ListSolutionsAsync(a)).Total.ShouldBe(1);

        // In another tenant the key is unknown, even to a caller who knows it.
        await (await integration.PostAsJsonAsync($"/api/{b.Slug}/catalogue/solutions", Api.NewSolution("x"), Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await integration.GetAsync("/api/platform/tenants")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        var listed = await admin.GetStringAsync($"/api/{a.Slug}/identity/api-keys");
        listed.ShouldNotContain(key);
        listed.ShouldContain(key.Substring(3, 10));
        JsonNode.Parse(listed)!["items"]![0]!["lastUsedAt"].ShouldNotBeNull();

        await (await admin.DeleteAsync($"/api/{b.Slug}/identity/api-keys/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await integration.ListSolutionsAsync(a)).Total.ShouldBe(1, "revoking through the wrong tenant did nothing");
        (await admin.DeleteAsync($"/api/{a.Slug}/identity/api-keys/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await integration.GetAsync($"/api/{a.Slug}/catalogue/solutions")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task An_api_key_acts_with_its_role_only()
    {
        var tenant = await App.NewTenantAsync();
        var admin = App.MemberOf(TenantRole.Admin, tenant);
        var (key, _) = await CreateKeyAsync(admin, tenant.Slug, TenantRole.Viewer);

        var integration = WithKey(App, key);
        (await integration.GetAsync($"/api/{tenant.Slug}/catalogue/solutions")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await integration.PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", Api.NewSolution("x"), Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await integration.GetAsync($"/api/{tenant.Slug}/identity/api-keys")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.PostAsJsonAsync($"/api/{tenant.Slug}/identity/api-keys", new { name = "root", role = "Owner" }, Api.Json)).ShouldBeValidationProblemAsync("role");
    }

    [SkippableTheory]
    [InlineData("ApiKey nk_0123456789_" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("ApiKey garbage")]
    [InlineData("ApiKey ")]
    public async Task Forged_or_malformed_keys_answer_401(string header)
    {
        var tenant = await App.NewTenantAsync();
        var client = App.Anonymous();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);
        await (await client.PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", Api.NewSolution("x"), Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}

public sealed class AccessOnSqlite(SqliteFixture fixture) : AccessTests<SqliteFixture>(fixture);

public sealed class AccessOnPostgres(PostgresFixture fixture) : AccessTests<PostgresFixture>(fixture);
public sealed class AccessOnSqlServer(SqlServerFixture fixture) : AccessTests<SqlServerFixture>(fixture);
