using System.Net;
using System.Net.Http.Json;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Tenancy;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Platform;

/// <summary><c>/api/platform/tenants</c>: only platform administrators register tenants and change their status.</summary>
public abstract class TenantRegistryApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task A_platform_admin_registers_a_tenant_that_then_serves_its_api()
    {
        var slug = $"gov-{Guid.NewGuid():N}"[..16];
        var response = await App.PlatformAdmin().PostAsJsonAsync("/api/platform/tenants",
            new { slug, name = "Digital Hub Denmark", kind = "Country", countryCode = "DK" }, Api.Json);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var tenant = (await response.Content.ReadFromJsonAsync<TenantInfo>(Api.Json))!;
        tenant.Slug.ShouldBe(slug);
        tenant.Status.ShouldBe(TenantStatus.Active);
        (await App.Anonymous().ListSolutionsAsync(tenant)).Total.ShouldBe(0);

        var list = await App.PlatformAdmin().GetFromJsonAsync<PagedResult<TenantInfo>>("/api/platform/tenants?pageSize=100", Api.Json);
        list!.Items.Select(t => t.Slug).ShouldContain(slug);
    }

    [SkippableTheory]
    [InlineData("api")]
    [InlineData("platform")]
    [InlineData("health")]
    [InlineData("Bad Slug")]
    [InlineData("-dash")]
    public async Task Reserved_or_malformed_slugs_are_refused(string slug)
    {
        var response = await App.PlatformAdmin().PostAsJsonAsync("/api/platform/tenants",
            new { slug, name = "Anything", kind = "Country", countryCode = "EE" }, Api.Json);
        await response.ShouldBeValidationProblemAsync("slug");
    }

    [SkippableFact]
    public async Task A_country_needs_a_real_iso_code_and_a_taken_slug_is_refused()
    {
        var taken = await App.NewTenantAsync();
        await (await App.PlatformAdmin().PostAsJsonAsync("/api/platform/tenants",
            new { slug = "zz-land", name = "Nowhere", kind = "Country", countryCode = "ZZ" }, Api.Json)).ShouldBeValidationProblemAsync("countryCode");
        await (await App.PlatformAdmin().PostAsJsonAsync("/api/platform/tenants",
            new { slug = taken.Slug, name = "Twin", kind = "Country", countryCode = "EE" }, Api.Json)).ShouldBeValidationProblemAsync("slug");
        await (await App.PlatformAdmin().PostAsJsonAsync("/api/platform/tenants",
            new { slug = "org-x", name = "", kind = "Galaxy" }, Api.Json)).ShouldBeValidationProblemAsync("kind");
    }

    [SkippableFact]
    public async Task Tenant_members_and_strangers_cannot_use_the_platform_api()
    {
        var tenant = await App.NewTenantAsync();
        await (await App.Anonymous().GetAsync("/api/platform/tenants")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await App.MemberOf(tenant).GetAsync("/api/platform/tenants")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await App.MemberOf(tenant).PutAsJsonAsync($"/api/platform/tenants/{tenant.Id}/status", new { status = "Suspended" }, Api.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await App.Anonymous().GetAsync($"/api/{tenant.Slug}/catalogue/solutions")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task A_platform_admin_suspends_a_tenant_and_its_api_refuses_at_once()
    {
        var tenant = await App.NewTenantAsync();
        (await App.Anonymous().GetAsync($"/api/{tenant.Slug}/catalogue/solutions")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await App.PlatformAdmin().PutAsJsonAsync($"/api/platform/tenants/{tenant.Id}/status", new { status = "Suspended" }, Api.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await App.Anonymous().GetAsync($"/api/{tenant.Slug}/catalogue/solutions")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await App.PlatformAdmin().PutAsJsonAsync($"/api/platform/tenants/{Guid.NewGuid()}/status", new { status = "Active" }, Api.Json))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class TenantRegistryApiOnSqlite(SqliteFixture fixture) : TenantRegistryApiTests<SqliteFixture>(fixture);

public sealed class TenantRegistryApiOnPostgres(PostgresFixture fixture) : TenantRegistryApiTests<PostgresFixture>(fixture);
public sealed class TenantRegistryApiOnSqlServer(SqlServerFixture fixture) : TenantRegistryApiTests<SqlServerFixture>(fixture);
