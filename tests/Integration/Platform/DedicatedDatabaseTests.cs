using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Exchange;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Platform;

/// <summary>
/// A tenant placed in a database of its own (PostgreSQL only): its content is there and nowhere in the shared database, its
/// events are delivered from there, it moves in and out by export and import, and its deletion drops the database.
/// Both databases are inspected as the server's superuser, behind every role and policy.
/// </summary>
public sealed class DedicatedDatabaseTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    /// <summary>The modules whose rows follow the tenant's placement; the registry, accounts and memberships, audit and exchange stay shared.</summary>
    private static readonly string[] TenantPlacedSchemas = ["catalogue", "crm", "partners", "brand", "strategy"];

    [SkippableFact]
    public async Task An_onboarded_dedicated_tenant_keeps_every_row_of_its_content_in_its_own_database_and_none_in_the_shared_one()
    {
        var app = fixture.App;
        var platform = app.PlatformAdmin();
        var slug = $"ke-{Guid.NewGuid():N}"[..14];
        var started = await platform.PostAsJsonAsync("/api/platform/onboardings", new
        {
            slug, name = "Kenya ICT Authority", kind = "Country", countryCode = "KE", hostNames = Array.Empty<string>(), defaultLanguage = "en",
            timeZone = "Africa/Nairobi", plan = "national", dataPlacement = "Dedicated", adminEmail = $"ict-{Guid.NewGuid():N}@example.go.ke",
        }, Api.Json);
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var onboarding = (await started.Content.ReadFromJsonAsync<OnboardingDto>(Api.Json))!;
        var done = await Eventually.Until(() => platform.GetFromJsonAsync<OnboardingDto>($"/api/platform/onboardings/{onboarding.Id}", Api.Json)!,
            o => o!.Status != OnboardingStatus.Running, "onboarded");
        done!.Status.ShouldBe(OnboardingStatus.Completed, done.Error);
        var kenya = (await platform.GetFromJsonAsync<TenantInfo>($"/api/platform/tenants/{onboarding.TenantId}", Api.Json))!;
        kenya.DataPlacement.ShouldBe(DataPlacement.Dedicated);

        var (own, shared) = (await app.UserAsync(kenya, TenantRole.Owner), await app.UserAsync(await app.NewTenantAsync("shared"), TenantRole.Owner));
        await own.FillAsync("Mombasa");
        await shared.FillAsync("Tartu");
        var organisation = (await (await own.Client.PostAsJsonAsync($"/api/{slug}/crm/organisations", new { name = "Treasury", kind = "Ministry", country = "UG" }, Api.Json))
            .Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(Api.Json))!["id"]!.GetValue<Guid>();
        (await own.Client.PostAsJsonAsync($"/api/{slug}/crm/organisations/{organisation}/interactions", new { kind = "Call", occurredOn = "2026-05-01", summary = "First call" }, Api.Json))
            .EnsureSuccessStatusCode();

        var ownDatabase = OwnDatabase(app, kenya);
        var sharedDatabase = fixture.Superuser(fixture.ConnectionString);
        var inOwn = await RowsOfAsync(ownDatabase, kenya.Id);
        foreach (var schema in TenantPlacedSchemas)
        {
            inOwn.ShouldContain(t => t.StartsWith($"{schema}.", StringComparison.Ordinal), $"the {schema} module's rows are in the tenant's own database");
        }

        (await RowsOfAsync(sharedDatabase, kenya.Id)).ShouldBeEmpty("no row of the dedicated tenant's content is in the shared database");
        (await RowsOfAsync(ownDatabase, shared.Tenant.Id)).ShouldBeEmpty("another tenant's rows never reach the dedicated database");
        (await RowsOfAsync(sharedDatabase, shared.Tenant.Id)).ShouldNotBeEmpty();

        // Served from there: each tenant reads its own, through the same API.
        (await own.Client.ListSolutionsAsync(kenya)).Items.Select(s => s.Name).ShouldBe(["Mombasa registry"]);
        (await shared.Client.ListSolutionsAsync(shared.Tenant)).Items.Select(s => s.Name).ShouldBe(["Tartu registry"]);
        (await app.Anonymous().GetStringAsync($"/api/{slug}/catalogue/solutions")).ShouldNotContain("Tartu");

        // Its outbox is in its own database, and delivered from there into the strategy's facts (in its own database too).
        await Eventually.Until(() => CountAsync(ownDatabase, """SELECT count(*) FROM strategy.indicator_facts WHERE "TenantId" = @tenant""", kenya.Id), n => n >= 1,
            "the interaction's event delivered from the tenant's own outbox");
        (await CountAsync(ownDatabase, """SELECT count(*) FROM crm.crm_outbox WHERE "DispatchedAt" IS NULL AND "TenantId" = @tenant""", kenya.Id)).ShouldBe(0);
    }

    [SkippableFact]
    public async Task A_tenant_moves_into_its_own_database_by_export_and_import_and_its_deletion_drops_that_database()
    {
        await using var app = await fixture.OwnAppAsync();
        app.Settings["Platform:Deletion:Grace"] = "00:00:01";
        app.Settings["Platform:Deletion:SweepSeconds"] = "1";
        var platform = app.PlatformAdmin();
        var source = await app.UserAsync(await app.NewTenantAsync("from"), TenantRole.Owner);
        await source.FillAsync("Kisumu");
        var export = await platform.ExportedAsync(source.Tenant);

        var target = await app.NewTenantAsync("own", placement: DataPlacement.Dedicated);
        var imported = await platform.ImportedAsync(target, export);
        imported["error"].ShouldBeNull();
        (await app.MemberOf(target).ListSolutionsAsync(target)).Items.Select(s => s.Name).ShouldBe(["Kisumu registry"]);
        var ownDatabase = OwnDatabase(app, target);
        (await RowsOfAsync(ownDatabase, target.Id)).Count.ShouldBeGreaterThan(TenantPlacedSchemas.Length);
        (await RowsOfAsync(fixture.Superuser(app.ConnectionString), target.Id)).ShouldBeEmpty();

        await platform.ExportedAsync(target);
        var deletion = await platform.PostAsJsonAsync($"/api/platform/tenants/{target.Id}/deletion", new { confirm = target.Slug }, Api.Json);
        deletion.StatusCode.ShouldBe(HttpStatusCode.Accepted, await deletion.Content.ReadAsStringAsync());
        try
        {
            await Eventually.Until(() => platform.GetAsync($"/api/platform/tenants/{target.Id}"), r => r.StatusCode == HttpStatusCode.NotFound, "the tenant erased",
                TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException(string.Join('\n', app.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Select(e => e.Exception?.ToString() ?? e.Message)));
        }
        (await app.Services.GetRequiredService<TenantDatabases>().ExistsAsync(target.Id, CancellationToken.None)).ShouldBeFalse("its database is dropped");
        (await app.MemberOf(source.Tenant).ListSolutionsAsync(source.Tenant)).Items.Select(s => s.Name).ShouldBe(["Kisumu registry"]);
    }

    [SkippableFact]
    public async Task A_context_made_before_its_scope_pointed_at_a_dedicated_tenant_refuses_to_open_rather_than_use_the_wrong_database()
    {
        var app = fixture.App;
        var dedicated = await app.NewTenantAsync("guard", placement: DataPlacement.Dedicated);
        await using var scope = app.Services.GetRequiredService<NucleusCloud.Tenancy.Scopes.ITenantScopeFactory>().CreatePlatformScope();
        var early = scope.ServiceProvider.GetRequiredService<NucleusCloud.Modules.Catalogue.Data.CatalogueDbContext>(); // made for the shared database
        scope.ServiceProvider.GetRequiredService<DatabaseTarget>().Use(dedicated.Id);
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(early.Solutions));
        refused.Message.ShouldContain("created before its scope's tenant was known");
    }

    private string OwnDatabase(NucleusApp app, TenantInfo tenant) =>
        new NpgsqlConnectionStringBuilder(fixture.Superuser(app.ConnectionString))         {
            Database = app.Services.GetRequiredService<TenantDatabases>().DatabaseName(tenant.Id),
            Pooling = false, // a superuser's idle session would stop the owner's DROP DATABASE … WITH (FORCE)
        }.ConnectionString;

    /// <summary>"schema.table: rows" for every table of the tenant-placed modules holding rows of the tenant.</summary>
    private static async Task<List<string>> RowsOfAsync(string connectionString, Guid tenantId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<(string Schema, string Table)>();
        await using (var list = new NpgsqlCommand("""
            SELECT table_schema, table_name FROM information_schema.columns
            WHERE column_name = 'TenantId' AND table_schema = ANY(@schemas) ORDER BY 1, 2
            """, connection))
        {
            list.Parameters.AddWithValue("schemas", TenantPlacedSchemas);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var found = new List<string>();
        foreach (var (schema, table) in tables)
        {
            await using var count = new NpgsqlCommand($"""SELECT count(*) FROM "{schema}"."{table}" WHERE "TenantId" = @tenant""", connection);
            count.Parameters.AddWithValue("tenant", tenantId);
            if ((long)(await count.ExecuteScalarAsync())! is var rows and > 0)
            {
                found.Add($"{schema}.{table}: {rows}");
            }
        }

        return found;
    }

    private static async Task<long> CountAsync(string connectionString, string sql, Guid tenantId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("tenant", tenantId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
