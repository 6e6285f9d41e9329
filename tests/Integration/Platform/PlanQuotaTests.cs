using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Outcomes;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;
using NucleusCloud.Tests.Shared;

namespace NucleusCloud.Tests.Integration.Platform;

/// <summary>Plans: quotas refused with problem details naming the quota and its limit, features switched per plan, usage per tenant.</summary>
public abstract class PlanQuotaTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task A_quota_is_refused_by_name_and_limit_for_its_tenant_only()
    {
        var (a, b) = (await PlanAsync(await App.NewTenantAsync(), "community"), await PlanAsync(await App.NewTenantAsync(), "community"));
        var (adminA, adminB) = (App.MemberOf(a), App.MemberOf(b));
        foreach (var name in new[] { "Portal", "Statistics" })
        {
            (await adminA.PostAsJsonAsync($"/api/{a.Slug}/identity/api-keys", new { name, role = "Viewer" }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var problem = await (await adminA.PostAsJsonAsync($"/api/{a.Slug}/identity/api-keys", new { name = "Third", role = "Viewer" }, Api.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem["type"]!.GetValue<string>().ShouldBe(RefusalProblems.QuotaExceededType);
        problem["quota"]!.GetValue<string>().ShouldBe("apiKeys");
        problem["limit"]!.GetValue<long>().ShouldBe(2);
        problem["usage"]!.GetValue<long>().ShouldBe(2);
        problem["detail"]!.GetValue<string>().ShouldContain("community");

        // Tenant B's keys are its own: A's use does not count against it.
        (await adminB.PostAsJsonAsync($"/api/{b.Slug}/identity/api-keys", new { name = "Portal", role = "Viewer" }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);

        // The community plan hosts no exchange space; the national plan does.
        var space = await (await adminA.PostAsJsonAsync($"/api/{a.Slug}/exchange/spaces", new { name = "Forum", description = "Notes.", visibility = "InviteOnly" }, Api.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        space["quota"]!.GetValue<string>().ShouldBe("spacesHosted");
        space["limit"]!.GetValue<long>().ShouldBe(0);
        await PlanAsync(a, "national");
        (await adminA.PostAsJsonAsync($"/api/{a.Slug}/exchange/spaces", new { name = "Forum", description = "Notes.", visibility = "InviteOnly" }, Api.Json))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [SkippableFact]
    public async Task Each_tenant_reads_its_own_usage_against_its_plan()
    {
        var (a, b) = (await PlanAsync(await App.NewTenantAsync(), "standard"), await App.NewTenantAsync());
        var (adminA, adminB) = (App.MemberOf(a), App.MemberOf(b));
        await adminA.CreateSolutionAsync(a, "X-Road");
        await adminA.CreateSolutionAsync(a, "e-Residency");
        await adminB.CreateSolutionAsync(b, "Other");

        var usage = (await adminA.GetAsync($"/api/{a.Slug}/plan").OkAsync());
        usage["plan"]!["key"]!.GetValue<string>().ShouldBe("standard");
        Quota(usage, "Solutions")["used"]!.GetValue<long>().ShouldBe(2);
        Quota(usage, "Solutions")["limit"]!.GetValue<long>().ShouldBe(500);
        Quota(usage, "Members")["used"]!.GetValue<long>().ShouldBe(1);
        usage["features"]!.AsArray().Single(f => f!["feature"]!.GetValue<string>() == "CrmMailImport")!["enabled"]!.GetValue<bool>().ShouldBeTrue();
        usage["features"]!.AsArray().Single(f => f!["feature"]!.GetValue<string>() == "BulkImports")!["enabled"]!.GetValue<bool>().ShouldBeFalse();

        var other = await adminB.GetAsync($"/api/{b.Slug}/plan").OkAsync();
        other["plan"]!["key"]!.GetValue<string>().ShouldBe("national");
        Quota(other, "Solutions")["used"]!.GetValue<long>().ShouldBe(1);
        Quota(other, "Solutions")["limit"].ShouldBeNull();

        // A member of B cannot read A's plan.
        (await adminB.GetAsync($"/api/{a.Slug}/plan")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task A_feature_outside_the_plan_is_refused_and_on_once_the_plan_has_it()
    {
        var a = await PlanAsync(await App.NewTenantAsync(), "community");
        var admin = App.MemberOf(a);
        var eml = $"From: someone@example.go.ke\r\nSubject: Identity\r\nMessage-ID: <{Guid.NewGuid():N}@example.go.ke>\r\n\r\nHow did you roll it out?\r\n";
        var url = $"/api/{a.Slug}/crm/enquiries/imports/email";

        var refused = await (await admin.PostAsync(url, new StringContent(eml, Encoding.UTF8, "message/rfc822"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        refused["type"]!.GetValue<string>().ShouldBe(Refusal.NotInPlanType);
        refused["detail"]!.GetValue<string>().ShouldContain("CrmMailImport");
        (await admin.GetAsync($"/api/{a.Slug}/crm/enquiries").OkAsync())["total"]!.GetValue<int>().ShouldBe(0);

        var page = await admin.GetStringAsync($"/{a.Slug}/crm/enquiries");
        page.ShouldContain("import-email-not-in-plan");
        page.ShouldNotContain("id=\"import-eml\"", customMessage: "the page offers only what the plan allows");

        await PlanAsync(a, "standard");
        (await admin.PostAsync(url, new StringContent(eml, Encoding.UTF8, "message/rfc822"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.GetStringAsync($"/{a.Slug}/crm/enquiries")).ShouldContain("id=\"import-eml\"");
    }

    [SkippableFact]
    public async Task Only_platform_administrators_move_a_tenant_to_a_plan_of_the_catalogue()
    {
        var a = await App.NewTenantAsync();
        await (await App.MemberOf(TenantRole.Owner, a).PutAsJsonAsync($"/api/platform/tenants/{a.Id}/plan", new { plan = "community" }, Api.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await App.PlatformAdmin().PutAsJsonAsync($"/api/platform/tenants/{a.Id}/plan", new { plan = "galactic" }, Api.Json)).ShouldBeValidationProblemAsync("plan");
        await (await App.PlatformAdmin().PutAsJsonAsync($"/api/platform/tenants/{Guid.NewGuid()}/plan", new { plan = "community" }, Api.Json))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var plans = await App.PlatformAdmin().GetFromJsonAsync<JsonArray>("/api/platform/plans", Api.Json);
        plans!.Select(p => p!["key"]!.GetValue<string>()).ShouldBe(["community", "standard", "national"], ignoreOrder: true);
    }

    [SkippableFact]
    public async Task Plans_from_configuration_limit_solutions_and_storage()
    {
        await using var app = await fixture.OwnAppAsync();
        app.Settings["Plans:Catalogue:pilot:Name"] = "Pilot";
        app.Settings["Plans:Catalogue:pilot:Quotas:Solutions"] = "1";
        app.Settings["Plans:Catalogue:pilot:Quotas:StorageBytes"] = "100";
        var (a, b) = (await app.NewTenantAsync(), await app.NewTenantAsync());
        (await app.PlatformAdmin().PutAsJsonAsync($"/api/platform/tenants/{a.Id}/plan", new { plan = "pilot" }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = app.MemberOf(a);

        await admin.CreateSolutionAsync(a, "First");
        var second = await (await admin.PostAsJsonAsync($"/api/{a.Slug}/catalogue/solutions", Api.NewSolution("Second"), Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        second["quota"]!.GetValue<string>().ShouldBe("solutions");
        second["limit"]!.GetValue<long>().ShouldBe(1);
        (await admin.ListSolutionsAsync(a)).Total.ShouldBe(1);

        var asset = await admin.PostCreatedAsync($"/api/{a.Slug}/brand/assets", new { title = "Fact sheet", kind = "Document" });
        var file = new ByteArrayContent([.. SampleFiles.Pdf(), .. Encoding.ASCII.GetBytes(new string(' ', 150))]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var storage = await (await admin.PostAsync($"/api/{a.Slug}/brand/assets/{asset["id"]}/versions?fileName=facts.pdf", file)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        storage["quota"]!.GetValue<string>().ShouldBe("storageBytes");
        storage["limit"]!.GetValue<long>().ShouldBe(100);

        // Tenant B stays on the unlimited plan of tenants registered without one.
        await app.MemberOf(b).CreateSolutionAsync(b, "First");
        await app.MemberOf(b).CreateSolutionAsync(b, "Second");
    }

    private static JsonObject Quota(JsonObject usage, string quota) =>
        usage["quotas"]!.AsArray().Single(q => q!["quota"]!.GetValue<string>() == quota)!.AsObject();

    private async Task<TenantInfo> PlanAsync(TenantInfo tenant, string plan)
    {
        var response = await App.PlatformAdmin().PutAsJsonAsync($"/api/platform/tenants/{tenant.Id}/plan", new { plan }, Api.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TenantInfo>(Api.Json))!;
    }
}

public sealed class PlanQuotaOnSqlite(SqliteFixture fixture) : PlanQuotaTests<SqliteFixture>(fixture);

public sealed class PlanQuotaOnPostgres(PostgresFixture fixture) : PlanQuotaTests<PostgresFixture>(fixture);
public sealed class PlanQuotaOnSqlServer(SqlServerFixture fixture) : PlanQuotaTests<SqlServerFixture>(fixture);
