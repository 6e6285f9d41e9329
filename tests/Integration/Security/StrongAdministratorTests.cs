using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Security;

/// <summary>
/// Platform administrators act only after a second factor; a tenant may demand one of its owners and
/// administrators; the platform's acts on tenants are written in the platform's log, and an invitation
/// into a tenant names its reason in the tenant's own log.
/// </summary>
public abstract class StrongAdministratorTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    private HttpClient WithSecondFactor(Guid userId)
    {
        var client = App.As(userId);
        client.DefaultRequestHeaders.Add(TestAuthentication.SecondFactorHeader, "totp");
        return client;
    }

    [SkippableFact]
    public async Task A_platform_administrator_without_a_second_factor_is_asked_for_one_on_every_platform_action()
    {
        var adminId = await App.NewUserAsync(platformAdmin: true);
        var problem = await (await App.As(adminId).GetAsync("/api/platform/tenants")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem["type"]!.GetValue<string>().ShouldBe(SecondFactor.ProblemType);
        await (await App.As(adminId).PostAsJsonAsync("/api/platform/tenants", new { slug = "no-second-factor", name = "Refused", kind = "Country", countryCode = "EE" }, Api.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // The page sends the administrator to the two-factor page, and back afterwards.
        var page = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        page.DefaultRequestHeaders.Add(TestAuthentication.UserHeader, adminId.ToString());
        var redirect = await page.GetAsync("/platform/tenants");
        redirect.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        redirect.Headers.Location!.ToString().ShouldStartWith("/account/two-factor?required=true");

        (await WithSecondFactor(adminId).GetAsync("/api/platform/tenants")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task Registering_suspending_and_reactivating_are_in_the_platform_log_and_an_invitation_names_its_reason_in_the_tenants_log()
    {
        var admin = App.PlatformAdmin();
        var slug = $"audited-{Guid.NewGuid():N}"[..20];
        var registered = await admin.PostAsJsonAsync("/api/platform/tenants", new { slug, name = "Audited nucleus", kind = "Country", countryCode = "EE" }, Api.Json);
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var tenantId = JsonNode.Parse(await registered.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        await (await admin.PostAsJsonAsync("/api/platform/tenants", new { slug, name = "Twice", kind = "Country", countryCode = "EE" }, Api.Json)).ShouldBeValidationProblemAsync("slug");
        (await admin.PutAsJsonAsync($"/api/platform/tenants/{tenantId}/status", new { status = "Suspended" }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PutAsJsonAsync($"/api/platform/tenants/{tenantId}/status", new { status = "Active" }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var invitations = $"/api/platform/tenants/{tenantId}/invitations";
        var email = $"first-admin-{Guid.NewGuid():N}@example.org";
        await (await admin.PostAsJsonAsync(invitations, new { email, role = "Owner" }, Api.Json)).ShouldBeValidationProblemAsync("reason");
        (await admin.PostAsJsonAsync(invitations, new { email, role = "Owner", reason = "Onboarding call of 3 December: their chief digital officer." }, Api.Json))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var platformLog = JsonNode.Parse(await admin.GetStringAsync("/api/platform/audit?pageSize=100"))!["items"]!.AsArray();
        var mine = platformLog.Where(e => e!["entityId"]?.GetValue<string>() == tenantId).Select(e => e!["action"]!.GetValue<string>()).ToList();
        mine.ShouldBe(["tenant.reactivated", "tenant.suspended", "tenant.registered"]);
        platformLog.ShouldContain(e => e!["action"]!.GetValue<string>() == "platform.invited-into-tenant" && e["details"]!["reason"]!.GetValue<string>().StartsWith("Onboarding call", StringComparison.Ordinal));

        var tenant = (await App.Services.GetRequiredService<ITenantStore>().FindByIdAsync(Guid.Parse(tenantId)))!;
        var ownerOfTenant = App.MemberOf(TenantRole.Owner, tenant);
        var tenantLog = JsonNode.Parse(await ownerOfTenant.GetStringAsync($"/api/{tenant.Slug}/audit?action=platform.invited"))!["items"]!.AsArray();
        var entry = tenantLog.ShouldHaveSingleItem()!;
        entry["details"]!["email"]!.GetValue<string>().ShouldBe(email);
        entry["details"]!["reason"]!.GetValue<string>().ShouldStartWith("Onboarding call");
    }

    [SkippableFact]
    public async Task A_tenant_that_asks_for_a_second_factor_gets_it_from_its_owners_and_administrators_only()
    {
        var tenant = await App.NewTenantAsync();
        var other = await App.NewTenantAsync();
        var ownerId = await App.NewUserAsync();
        await App.GrantAsync(ownerId, tenant, TenantRole.Owner);
        var adminId = await App.NewUserAsync();
        await App.GrantAsync(adminId, tenant, TenantRole.Admin);
        await App.GrantAsync(adminId, other, TenantRole.Admin);
        var editor = App.MemberOf(TenantRole.Editor, tenant);
        var rules = $"/api/{tenant.Slug}/identity/security";

        // Only an owner sets the rule, and only from a sign-in that used a second factor.
        await (await App.As(adminId).PutAsJsonAsync(rules, new { requireTwoFactorForAdmins = true }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await App.As(ownerId).PutAsJsonAsync(rules, new { requireTwoFactorForAdmins = true }, Api.Json)).ShouldBeValidationProblemAsync("requireTwoFactorForAdmins");
        var set = await WithSecondFactor(ownerId).PutAsJsonAsync(rules, new { requireTwoFactorForAdmins = true }, Api.Json);
        set.StatusCode.ShouldBe(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());

        var refused = await (await App.As(adminId).PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", Api.NewSolution("Without"), Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        refused["type"]!.GetValue<string>().ShouldBe(SecondFactor.ProblemType);
        await WithSecondFactor(adminId).CreateSolutionAsync(tenant, "With a second factor");
        await editor.CreateSolutionAsync(tenant, "An editor's draft", SolutionStatus.Draft);
        // The rule is this tenant's: the same administrator elsewhere is not asked.
        await App.As(adminId).CreateSolutionAsync(other, "Elsewhere");
    }

    [SkippableFact]
    public async Task An_api_key_expires_never_mints_keys_or_invites_and_shows_when_it_was_last_used()
    {
        var tenant = await App.NewTenantAsync();
        var owner = App.MemberOf(TenantRole.Owner, tenant);
        var keys = $"/api/{tenant.Slug}/identity/api-keys";
        await (await owner.PostAsJsonAsync(keys, new { name = "Owner key", role = "Owner" }, Api.Json)).ShouldBeValidationProblemAsync("role");
        await (await owner.PostAsJsonAsync(keys, new { name = "Past", role = "Viewer", expiresAt = DateTimeOffset.UtcNow.AddDays(-1) }, Api.Json)).ShouldBeValidationProblemAsync("expiresAt");
        await (await owner.PostAsJsonAsync(keys, new { name = "Forever", role = "Viewer", expiresAt = DateTimeOffset.UtcNow.AddYears(5) }, Api.Json)).ShouldBeValidationProblemAsync("expiresAt");
        await (await owner.PostAsJsonAsync(keys, new { role = "Viewer" }, Api.Json)).ShouldBeValidationProblemAsync("name");

        var created = JsonNode.Parse(await (await owner.PostAsJsonAsync(keys, new { name = "Integration", role = "Admin" }, Api.Json)).Content.ReadAsStringAsync())!;
        var expires = created["apiKey"]!["expiresAt"]!.GetValue<DateTimeOffset>();
        (expires - DateTimeOffset.UtcNow).TotalDays.ShouldBeInRange(364, 366);
        created["apiKey"]!["lastUsedAt"].ShouldBeNull();
        var key = App.Anonymous();
        key.DefaultRequestHeaders.Add("X-Api-Key", created["key"]!.GetValue<string>());

        // An administrator's key does what an administrator does, but never makes keys or brings people in.
        await key.CreateSolutionAsync(tenant, "By the key");
        await (await key.PostAsJsonAsync(keys, new { name = "Child", role = "Viewer" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await key.PostAsJsonAsync($"/api/{tenant.Slug}/identity/invitations", new { email = "friend@example.org", role = "Admin" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var listed = JsonNode.Parse(await owner.GetStringAsync(keys))!["items"]!.AsArray().Single(k => k!["name"]!.GetValue<string>() == "Integration")!;
        listed["lastUsedAt"].ShouldNotBeNull();

        // Past its date, the key is refused.
        await using (var scope = await App.Services.GetRequiredService<NucleusCloud.Tenancy.Scopes.ITenantScopeFactory>().CreateScopeAsync(tenant.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<NucleusCloud.Modules.Identity.Data.AccessDbContext>();
            var id = Guid.Parse(created["apiKey"]!["id"]!.GetValue<string>());
            var stored = await db.ApiKeys.SingleAsync(k => k.Id == id);
            db.Entry(stored).Property(k => k.ExpiresAt).CurrentValue = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        await (await key.GetAsync($"/api/{tenant.Slug}/catalogue/solutions")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}

public sealed class StrongAdministratorsOnSqlite(SqliteFixture fixture) : StrongAdministratorTests<SqliteFixture>(fixture);

public sealed class StrongAdministratorsOnPostgres(PostgresFixture fixture) : StrongAdministratorTests<PostgresFixture>(fixture);
public sealed class StrongAdministratorsOnSqlServer(SqlServerFixture fixture) : StrongAdministratorTests<SqlServerFixture>(fixture);
