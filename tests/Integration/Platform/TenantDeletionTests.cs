using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Export;
using NucleusCloud.Modules.Abstractions.Storage;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Scopes;
using NucleusCloud.Tests.Integration.Exchange;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Platform;

/// <summary>Deleting a tenant: after an export, confirmed by its slug, revocable during the grace, then every row and file gone — and only its.</summary>
public abstract class TenantDeletionTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    [SkippableFact]
    public async Task A_deleted_tenant_leaves_no_row_or_file_anywhere_and_the_others_keep_theirs()
    {
        await using var app = await fixture.OwnAppAsync();
        app.Settings["Platform:Deletion:Grace"] = "00:00:03";
        app.Settings["Platform:Deletion:SweepSeconds"] = "1";
        var (a, b) = (await app.UserAsync(await app.NewTenantAsync("del"), TenantRole.Owner), await app.UserAsync(await app.NewTenantAsync("keep"), TenantRole.Owner));
        await a.FillAsync("Doomed");
        await b.FillAsync("Kept");
        var (spaceOfA, spaceOfB) = (await a.CreateSpaceAsync("Hosted by the doomed", "Open"), await b.CreateSpaceAsync("Hosted by the kept", "Open"));
        await b.JoinAsync(spaceOfA.Id());
        await a.JoinAsync(spaceOfB.Id());
        await a.PostedAsync(spaceOfB.Id(), spaceOfB.GeneralChannel(), "A post of the doomed elsewhere");
        await b.PostedAsync(spaceOfB.Id(), spaceOfB.GeneralChannel(), "A post of the kept at home");
        var (clientOfA, clientOfB) = (await IntegrationAsync(a), await IntegrationAsync(b));

        var platform = app.PlatformAdmin();
        var url = $"/api/platform/tenants/{a.Tenant.Id}/deletion";
        await (await platform.PostAsJsonAsync(url, new { confirm = a.Tenant.Slug }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await platform.ExportedAsync(a.Tenant);
        await platform.ExportedAsync(b.Tenant);
        var (jobsOfA, jobsOfB) = (Jobs(app, a.Tenant), Jobs(app, b.Tenant));
        (jobsOfA.Count, jobsOfB.Count).ShouldBe((1, 1));
        await (await platform.PostAsJsonAsync(url, new { confirm = "something else" }, Api.Json)).ShouldBeValidationProblemAsync("confirm");
        await (await a.Client.PostAsJsonAsync(url, new { confirm = a.Tenant.Slug }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // Scheduled: suspended at once, and called off within the grace.
        (await platform.PostAsJsonAsync(url, new { confirm = a.Tenant.Slug }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await a.Client.PostAsJsonAsync($"/api/{a.Tenant.Slug}/catalogue/solutions", Api.NewSolution("During the grace"), Api.Json)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await platform.DeleteAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await Task.Delay(TimeSpan.FromSeconds(5));
        (await platform.GetAsync($"/api/platform/tenants/{a.Tenant.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK, "a cancelled deletion erases nothing");

        (await platform.PostAsJsonAsync(url, new { confirm = a.Tenant.Slug }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Eventually.Until(() => platform.GetAsync($"/api/platform/tenants/{a.Tenant.Id}"), r => r.StatusCode == HttpStatusCode.NotFound, "the tenant erased",
            TimeSpan.FromSeconds(60));

        (await RowsAsync(app, a.Tenant)).ShouldBeEmpty("no table holds a row of the deleted tenant");
        (await IntegrationsAsync(app, a.Tenant, clientOfA)).ShouldBe((0, false), "its integrations and their clients in the identity server are gone");
        (await IntegrationsAsync(app, b.Tenant, clientOfB)).ShouldBe((1, true));
        (await FilesAsync(app, a.Tenant)).ShouldBeEmpty("no file of it is kept, its exports included");
        Jobs(app, a.Tenant).ShouldBeEmpty("its background jobs are gone");
        JobProgress(app, jobsOfA.Single()).ShouldBeNull("with their progress and reports");
        Jobs(app, b.Tenant).ShouldBe(jobsOfB);
        JobProgress(app, jobsOfB.Single()).ShouldNotBeNull();
        (await app.Anonymous().GetAsync($"/api/{a.Tenant.Slug}/catalogue/solutions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await platform.GetStringAsync("/api/platform/audit?pageSize=100")).ShouldContain("tenant.deleted");

        // The other tenant keeps everything of its own, its space's other posts included.
        (await RowsAsync(app, b.Tenant)).ShouldNotBeEmpty();
        (await FilesAsync(app, b.Tenant)).ShouldNotBeEmpty();
        (await b.Client.ListSolutionsAsync(b.Tenant)).Items.Select(s => s.Name).ShouldBe(["Kept registry"]);
        var thread = await b.Client.GetStringAsync($"{b.Spaces}/{spaceOfB.Id()}/channels/{spaceOfB.GeneralChannel()}/posts");
        thread.ShouldContain("A post of the kept at home");
        thread.ShouldNotContain("A post of the doomed elsewhere");
    }

    /// <summary>Every table's rows of the tenant, read the way its export reads them: its own tables in its scope, the shared ones as the system.</summary>
    private static async Task<List<string>> RowsAsync(NucleusApp app, TenantInfo tenant)
    {
        var found = new List<string>();
        var scopes = app.Services.GetRequiredService<ITenantScopeFactory>();
        foreach (var (scope, shared) in new[] { (scopes.CreateScope(tenant with { Status = TenantStatus.Active }), false), (scopes.CreatePlatformScope(), true) })
        {
            await using (scope)
            {
                foreach (var source in scope.ServiceProvider.GetServices<ITenantDataSource>())
                {
                    await foreach (var table in source.ReadAsync(tenant.Id, shared, CancellationToken.None))
                    {
                        if (table.Rows.Count > 0)
                        {
                            found.Add($"{table.Module}.{table.Name}: {table.Rows.Count}");
                        }
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The tenant's background jobs, as the job storage lists them.</summary>
    private static HashSet<string> Jobs(NucleusApp app, TenantInfo tenant)
    {
        using var connection = app.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        return connection.GetAllItemsFromSet($"nucleus-jobs:{tenant.Id:N}");
    }

    private static Dictionary<string, string>? JobProgress(NucleusApp app, string job)
    {
        using var connection = app.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        return connection.GetAllEntriesFromHash($"nucleus-job:{job}");
    }

    private static async Task<string> IntegrationAsync(ExchangeUser session)
    {
        var response = await session.Client.PostAsJsonAsync($"/api/{session.Tenant.Slug}/identity/integrations", new { name = "ERP", role = "Viewer" }, Api.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["clientId"]!.GetValue<string>();
    }

    /// <summary>Integrations are not exported (their secrets stay with the identity server), so they are counted here rather than by <see cref="RowsAsync"/>.</summary>
    private static async Task<(int Rows, bool Client)> IntegrationsAsync(NucleusApp app, TenantInfo tenant, string clientId)
    {
        await using var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant with { Status = TenantStatus.Active });
        var rows = await scope.ServiceProvider.GetRequiredService<NucleusCloud.Modules.Identity.Data.AccessDbContext>().Integrations.CountAsync();
        var client = await scope.ServiceProvider.GetRequiredService<OpenIddict.Abstractions.IOpenIddictApplicationManager>().FindByClientIdAsync(clientId) is not null;
        return (rows, client);
    }

    private static async Task<List<string>> FilesAsync(NucleusApp app, TenantInfo tenant)
    {
        var keys = new List<string>();
        await foreach (var key in app.Services.GetRequiredService<IFileStorage>().ListAsync($"{tenant.Id:N}/"))
        {
            keys.Add(key);
        }

        return keys;
    }
}

public sealed class TenantDeletionOnSqlite(SqliteFixture fixture) : TenantDeletionTests<SqliteFixture>(fixture);

public sealed class TenantDeletionOnPostgres(PostgresFixture fixture) : TenantDeletionTests<PostgresFixture>(fixture);
public sealed class TenantDeletionOnSqlServer(SqlServerFixture fixture) : TenantDeletionTests<SqlServerFixture>(fixture);
