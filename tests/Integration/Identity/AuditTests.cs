using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Scopes;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Identity;

/// <summary>The hash-chained audit logs: what they record, who may read them, and that tampering shows.</summary>
public abstract class AuditTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    private static async Task<JsonObject> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    [SkippableFact]
    public async Task Every_change_of_tenant_data_is_recorded_with_who_and_what_and_the_chain_verifies()
    {
        var tenant = await App.NewTenantAsync();
        var editorId = await App.NewUserAsync();
        await App.GrantAsync(editorId, tenant, TenantRole.Editor);
        var editor = App.As(editorId);
        var solution = await editor.CreateSolutionAsync(tenant, "Audited", SolutionStatus.Draft);
        (await editor.PutAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions/{solution.Id}", new { name = "Audited twice" }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await editor.DeleteAsync($"/api/{tenant.Slug}/catalogue/solutions/{solution.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var owner = App.MemberOf(TenantRole.Owner, tenant);

        var log = await GetJsonAsync(owner, $"/api/{tenant.Slug}/audit?pageSize=100");
        var solutionEntries = log["items"]!.AsArray().Where(e => e!["entityType"]?.GetValue<string>() == "Solution").ToList();
        solutionEntries.Select(e => e!["action"]!.GetValue<string>()).ShouldBe(["deleted", "updated", "created"]);
        solutionEntries.ShouldAllBe(e => e!["actor"]!.GetValue<string>() == editorId.ToString());
        solutionEntries[1]!["details"]!["Name"]!.GetValue<string>().ShouldBe("Audited twice");
        solutionEntries[2]!["entityId"]!.GetValue<string>().ShouldBe(solution.Id.ToString());
        log["items"]!.AsArray().ShouldContain(e => e!["entityType"]!.GetValue<string>() == "Membership" && e["action"]!.GetValue<string>() == "created");

        var verification = await GetJsonAsync(owner, $"/api/{tenant.Slug}/audit/verify");
        verification["valid"]!.GetValue<bool>().ShouldBeTrue(verification.ToJsonString());
        verification["entries"]!.GetValue<long>().ShouldBe(log["total"]!.GetValue<long>());
    }

    [SkippableFact]
    public async Task Altering_one_stored_entry_makes_verification_fail_at_that_entry()
    {
        var tenant = await App.NewTenantAsync();
        var owner = App.MemberOf(TenantRole.Owner, tenant);
        for (var i = 0; i < 3; i++)
        {
            await owner.CreateSolutionAsync(tenant, $"Entry {i}", SolutionStatus.Draft);
        }

        (await GetJsonAsync(owner, $"/api/{tenant.Slug}/audit/verify"))["valid"]!.GetValue<bool>().ShouldBeTrue();

        await using (var scope = App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant))
        {
            var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            await db.Entries.Where(e => e.Sequence == 2).ExecuteUpdateAsync(set => set.SetProperty(e => e.Actor, "someone-else"));
        }

        var verification = await GetJsonAsync(owner, $"/api/{tenant.Slug}/audit/verify");
        verification["valid"]!.GetValue<bool>().ShouldBeFalse();
        verification["firstBrokenSequence"]!.GetValue<long>().ShouldBe(2);
    }

    [SkippableFact]
    public async Task Removing_the_newest_entries_is_detected()
    {
        var tenant = await App.NewTenantAsync();
        var owner = App.MemberOf(TenantRole.Owner, tenant);
        await owner.CreateSolutionAsync(tenant, "Kept", SolutionStatus.Draft);
        await owner.CreateSolutionAsync(tenant, "Erased", SolutionStatus.Draft);

        await using (var scope = App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant))
        {
            var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            var last = await db.Entries.MaxAsync(e => e.Sequence);
            await db.Entries.Where(e => e.Sequence == last).ExecuteDeleteAsync();
        }

        (await GetJsonAsync(owner, $"/api/{tenant.Slug}/audit/verify"))["valid"]!.GetValue<bool>().ShouldBeFalse();
    }

    [SkippableFact]
    public async Task Denied_cross_tenant_attempts_are_summarised_once_a_minute_in_the_tenant_they_were_aimed_at_and_never_stop_its_own_saves()
    {
        var a = await App.NewTenantAsync();
        var b = await App.NewTenantAsync();
        var intruderId = await App.NewUserAsync();
        await App.GrantAsync(intruderId, a, TenantRole.Owner);
        var intruder = App.As(intruderId);
        var ownerOfB = App.MemberOf(TenantRole.Owner, b);

        // A flood of refusals while the tenant works: every one of its own saves goes through.
        var flood = Enumerable.Range(0, 40).Select(_ => intruder.PostAsJsonAsync($"/api/{b.Slug}/catalogue/solutions", Api.NewSolution("x"), Api.Json)).ToList();
        var work = Enumerable.Range(0, 8).Select(i => ownerOfB.PostAsJsonAsync($"/api/{b.Slug}/catalogue/solutions", Api.NewSolution($"Own work {i}", SolutionStatus.Draft), Api.Json)).ToList();
        (await Task.WhenAll(flood)).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Forbidden);
        (await Task.WhenAll(work)).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);

        await App.Services.GetRequiredService<NucleusCloud.Modules.Identity.Audit.RefusalLog>().FlushAsync(all: true, CancellationToken.None);
        var logOfB = await GetJsonAsync(ownerOfB, $"/api/{b.Slug}/audit?action=access.denied");
        // One summary a minute: two at most if the flood crossed a minute's boundary.
        var denials = logOfB["items"]!.AsArray();
        denials.Count.ShouldBeInRange(1, 2);
        denials.Sum(d => int.Parse(d!["details"]!["count"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(40);
        var denial = denials[0]!;
        denial["actor"]!.GetValue<string>().ShouldBe(intruderId.ToString());
        denial["details"]!["path"]!.GetValue<string>().ShouldBe($"/api/{b.Slug}/catalogue/solutions");
        (await GetJsonAsync(App.As(intruderId), $"/api/{a.Slug}/audit?action=access.denied"))["total"]!.GetValue<int>().ShouldBe(0);
    }

    [SkippableFact]
    public async Task A_tenants_log_shows_only_its_own_entries_and_only_to_those_allowed()
    {
        var a = await App.NewTenantAsync();
        var b = await App.NewTenantAsync();
        var ownerOfA = App.MemberOf(TenantRole.Owner, a);
        await App.MemberOf(TenantRole.Owner, b).CreateSolutionAsync(b, "Secret of B", SolutionStatus.Draft);
        await ownerOfA.CreateSolutionAsync(a, "Of A", SolutionStatus.Draft);

        var text = (await GetJsonAsync(ownerOfA, $"/api/{a.Slug}/audit?pageSize=100")).ToJsonString();
        text.ShouldContain("Of A");
        text.ShouldNotContain("Secret of B");
        await (await ownerOfA.GetAsync($"/api/{b.Slug}/audit")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await App.MemberOf(TenantRole.Editor, a).GetAsync($"/api/{a.Slug}/audit")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await App.MemberOf(TenantRole.Analyst, a).GetAsync($"/api/{a.Slug}/audit")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task The_log_exports_as_csv_and_json_with_spreadsheet_formulas_defused()
    {
        var tenant = await App.NewTenantAsync();
        var owner = App.MemberOf(TenantRole.Owner, tenant);
        await owner.CreateSolutionAsync(tenant, "=HYPERLINK(\"http://evil\")", SolutionStatus.Draft);

        var csv = await owner.GetAsync($"/api/{tenant.Slug}/audit/export");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csv.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe($"audit-{tenant.Slug}.csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("sequence,at,actor");
        lines.Length.ShouldBeGreaterThan(2);

        var json = JsonNode.Parse(await owner.GetStringAsync($"/api/{tenant.Slug}/audit/export?format=json"))!.AsArray();
        json.Count.ShouldBe(lines.Length - 1);
        json.Select(e => e!["sequence"]!.GetValue<long>()).ShouldBe(Enumerable.Range(1, json.Count).Select(i => (long)i));
        await (await owner.GetAsync($"/api/{tenant.Slug}/audit/export?format=xml")).ShouldBeValidationProblemAsync("format");
    }

    [SkippableFact]
    public async Task Sign_in_successes_and_failures_go_to_the_platform_log_which_verifies()
    {
        var email = $"audited-{Guid.NewGuid():N}@example.org";
        await App.NewUserAsync("a long enough passphrase", email: email);
        (await App.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = "wrong wrong wrong" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await App.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = "a long enough passphrase" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var admin = App.PlatformAdmin();
        var log = (await GetJsonAsync(admin, "/api/platform/audit?pageSize=100"))["items"]!.AsArray()
            .Where(e => e!["details"]!["email"]?.GetValue<string>() == email).Select(e => e!["action"]!.GetValue<string>()).ToList();
        log.ShouldBe(["sign-in.succeeded", "sign-in.failed"]);
        (await GetJsonAsync(admin, "/api/platform/audit/verify"))["valid"]!.GetValue<bool>().ShouldBeTrue();
        await (await App.MemberOf(TenantRole.Owner, await App.NewTenantAsync()).GetAsync("/api/platform/audit")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}

public sealed class AuditOnSqlite(SqliteFixture fixture) : AuditTests<SqliteFixture>(fixture);

public sealed class AuditOnPostgres(PostgresFixture fixture) : AuditTests<PostgresFixture>(fixture);
public sealed class AuditOnSqlServer(SqlServerFixture fixture) : AuditTests<SqlServerFixture>(fixture);
