using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Resolution;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Tenancy;

/// <summary>From the route or a mapped host name to a tenant, or to a clear refusal.</summary>
public abstract class TenantResolutionTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task An_unknown_tenant_answers_404_problem_details()
    {
        var problem = await (await App.Anonymous().GetAsync("/api/nope/catalogue/solutions")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem["type"]!.GetValue<string>().ShouldBe(TenantProblems.NotFoundType);
    }

    [SkippableFact]
    public async Task An_unknown_tenant_page_answers_the_html_404_page()
    {
        var response = await App.Anonymous().GetAsync("/nope-nope");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("Page not found");
    }

    [SkippableFact]
    public async Task A_suspended_tenant_is_read_only_to_its_members_offline_to_others_until_it_is_reactivated()
    {
        var tenant = await App.NewTenantAsync();
        var member = App.MemberOf(tenant);
        await member.CreateSolutionAsync(tenant, "Before suspension");

        await SetStatusAsync(tenant, TenantStatus.Suspended);
        (await member.ListSolutionsAsync(tenant)).Items.Select(s => s.Name).ShouldBe(["Before suspension"]);
        var offline = await (await App.Anonymous().GetAsync($"/api/{tenant.Slug}/catalogue/solutions")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        offline["type"]!.GetValue<string>().ShouldBe(TenantProblems.SuspendedType);
        var refused = await (await member.PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", Api.NewSolution("During suspension"), Api.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        refused["type"]!.GetValue<string>().ShouldBe(TenantProblems.SuspendedType);
        refused["detail"]!.GetValue<string>().ShouldContain("suspended");
        (await App.Anonymous().GetAsync($"/{tenant.Slug}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await SetStatusAsync(tenant, TenantStatus.Active);
        await member.CreateSolutionAsync(tenant, "After reactivation");
        (await App.Anonymous().ListSolutionsAsync(tenant)).Items.Select(s => s.Name).ShouldBe(["After reactivation", "Before suspension"], ignoreOrder: true);
    }

    [SkippableFact]
    public async Task A_tenant_still_provisioning_or_deleted_is_not_served()
    {
        var provisioning = await App.NewTenantAsync(status: TenantStatus.Provisioning);
        var deleted = await App.NewTenantAsync(status: TenantStatus.Deleted);

        (await (await App.Anonymous().GetAsync($"/api/{provisioning.Slug}/catalogue/solutions")).ShouldBeProblemAsync(HttpStatusCode.Forbidden))["type"]!
            .GetValue<string>().ShouldBe(TenantProblems.NotReadyType);
        await (await App.Anonymous().GetAsync($"/api/{deleted.Slug}/catalogue/solutions")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task A_mapped_host_name_resolves_its_tenant_and_only_its_tenant()
    {
        var host = $"showcase-{Guid.NewGuid():N}.example.org";
        var mapped = await App.NewTenantAsync(hostNames: [host]);
        var other = await App.NewTenantAsync();
        var published = await App.MemberOf(mapped).CreateSolutionAsync(mapped, "Mapped solution");
        await App.MemberOf(other).CreateSolutionAsync(other, "Other solution");
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Host = host;

        var list = await client.GetFromJsonAsync<NucleusCloud.Modules.Abstractions.Http.PagedResult<NucleusCloud.Modules.Catalogue.Contracts.SolutionListItem>>("/api/catalogue/solutions", Api.Json);
        list!.Items.Select(s => s.Id).ShouldBe([published.Id]);
        (await client.GetAsync($"/api/{mapped.Slug}/catalogue/solutions")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Another tenant's API is not reachable through this tenant's host name.
        await (await client.GetAsync($"/api/{other.Slug}/catalogue/solutions")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await client.GetStringAsync("/")).ShouldContain(mapped.Name);
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task Tenant_slugs_are_case_insensitive_in_urls()
    {
        var tenant = await App.NewTenantAsync();
        await App.MemberOf(tenant).CreateSolutionAsync(tenant, "Case");
        (await App.Anonymous().GetAsync($"/api/{tenant.Slug.ToUpperInvariant()}/catalogue/solutions")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task SetStatusAsync(TenantInfo tenant, TenantStatus status)
    {
        await using var scope = App.Services.GetRequiredService<NucleusCloud.Tenancy.Scopes.ITenantScopeFactory>().CreatePlatformScope();
        (await scope.ServiceProvider.GetRequiredService<ITenantRegistry>().SetStatusAsync(tenant.Id, status)).Succeeded.ShouldBeTrue();
    }
}

public sealed class TenantResolutionOnSqlite(SqliteFixture fixture) : TenantResolutionTests<SqliteFixture>(fixture);

public sealed class TenantResolutionOnPostgres(PostgresFixture fixture) : TenantResolutionTests<PostgresFixture>(fixture);
public sealed class TenantResolutionOnSqlServer(SqlServerFixture fixture) : TenantResolutionTests<SqlServerFixture>(fixture);
