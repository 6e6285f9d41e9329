using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Abstractions.Persistence.RowLevelSecurity;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Modules.Catalogue.Proposals;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.EntityFramework;
using NucleusCloud.Tenancy.Scopes;
using NucleusCloud.Tests.Integration.Exchange;
using NucleusCloud.Tests.Integration.Infrastructure;
using NucleusCloud.Tests.Shared;

namespace NucleusCloud.Tests.Integration.Security;

/// <summary>
/// PostgreSQL's own wall, proven without the application's filters: SQL sent straight as the application's
/// role, acting for tenant A, reads none of tenant B's rows in any tenant-owned table and changes none;
/// with no tenant set it reads nothing; the role cannot take the wall down; searches keep the tenant an
/// index condition under the policies.
/// </summary>
public sealed class RowLevelSecurityTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task Every_tenant_owned_table_is_forced_behind_the_tenant_policy()
    {
        var tables = TenantTables();
        tables.Count.ShouldBeGreaterThan(15, "every module's tenant-owned tables were found");
        await using var superuser = await OpenAsync(fixture.Superuser(fixture.ConnectionString), tenant: null);
        foreach (var table in tables)
        {
            await using var check = new NpgsqlCommand("""
                SELECT c.relrowsecurity AND c.relforcerowsecurity, pg_get_userbyid(c.relowner),
                       (SELECT count(*) FROM pg_policies p WHERE p.schemaname = @schema AND p.tablename = @table AND p.policyname = 'tenant_isolation')
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = @schema AND c.relname = @table
                """, superuser);
            check.Parameters.AddWithValue("schema", table.Schema);
            check.Parameters.AddWithValue("table", table.Table);
            await using var reader = await check.ExecuteReaderAsync();
            (await reader.ReadAsync()).ShouldBeTrue(table.QualifiedName);
            reader.GetBoolean(0).ShouldBeTrue($"{table.QualifiedName} forces row-level security");
            reader.GetString(1).ShouldBe(TestDatabaseRoles.Owner, $"{table.QualifiedName} belongs to the owner, not the application");
            reader.GetInt64(2).ShouldBe(1, $"{table.QualifiedName} has the tenant policy");
        }
    }

    [SkippableFact]
    public async Task Acting_for_one_tenant_the_application_role_reads_and_changes_none_of_anothers_rows()
    {
        var (a, b) = (await PopulatedTenantAsync(), await PopulatedTenantAsync());
        await using var superuser = await OpenAsync(fixture.Superuser(fixture.ConnectionString), tenant: null);
        await using var asA = await OpenAsync(TestDatabaseRoles.As(fixture.ConnectionString, TestDatabaseRoles.Application), a.Id);
        var failures = new List<string>();
        foreach (var table in TenantTables())
        {
            var (name, tenant) = (table.QualifiedName, RowSecurity.Quote(table.TenantColumn));
            (await CountAsync(superuser, $"SELECT count(*) FROM {name} WHERE {tenant} = '{a.Id}'")).ShouldBeGreaterThan(0, $"{name} holds rows of A: the test is not empty");
            (await CountAsync(superuser, $"SELECT count(*) FROM {name} WHERE {tenant} = '{b.Id}'")).ShouldBeGreaterThan(0, $"{name} holds rows of B: the test is not empty");

            Expect(failures, name, "reads its own rows", await CountAsync(asA, $"SELECT count(*) FROM {name}") > 0);
            Expect(failures, name, "reads no other tenant's row", await CountAsync(asA, $"SELECT count(*) FROM {name} WHERE {tenant} <> '{a.Id}'") == 0);
            Expect(failures, name, "updates none of B's rows", await ChangedAsync(asA, $"UPDATE {name} SET {tenant} = {tenant} WHERE {tenant} = '{b.Id}'") == 0);
            Expect(failures, name, "deletes none of B's rows", await ChangedAsync(asA, $"DELETE FROM {name} WHERE {tenant} = '{b.Id}'") == 0);
            var columns = await WritableColumnsAsync(superuser, table);
            Expect(failures, name, "cannot insert a row for B", await RefusedAsync(asA, $"""
                CREATE TEMP TABLE probe ON COMMIT DROP AS SELECT * FROM {name} LIMIT 1;
                UPDATE probe SET {tenant} = '{b.Id}';
                INSERT INTO {name} ({columns}) OVERRIDING SYSTEM VALUE SELECT {columns} FROM probe;
                """));
            Expect(failures, name, "cannot hand its own row to B", await RefusedAsync(asA, $"UPDATE {name} SET {tenant} = '{b.Id}' WHERE ctid = (SELECT ctid FROM {name} LIMIT 1)"));
        }

        failures.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Without_a_tenant_the_application_role_reads_nothing()
    {
        await PopulatedTenantAsync();
        var application = TestDatabaseRoles.As(fixture.ConnectionString, TestDatabaseRoles.Application);
        await using var superuser = await OpenAsync(fixture.Superuser(fixture.ConnectionString), tenant: null);
        await using var unset = await OpenAsync(application, tenant: null);
        await using var reset = await OpenAsync(application, tenant: null);
        await ChangedAsync(reset, "SET app.tenant_id = ''");
        foreach (var table in TenantTables())
        {
            (await CountAsync(superuser, $"SELECT count(*) FROM {table.QualifiedName}")).ShouldBeGreaterThan(0, table.QualifiedName);
            (await CountAsync(unset, $"SELECT count(*) FROM {table.QualifiedName}")).ShouldBe(0, $"{table.QualifiedName}, never set");
            (await CountAsync(reset, $"SELECT count(*) FROM {table.QualifiedName}")).ShouldBe(0, $"{table.QualifiedName}, set empty");
        }
    }

    [SkippableFact]
    public async Task With_the_ef_filters_off_a_tenants_own_contexts_still_see_only_its_rows()
    {
        var (a, _) = (await PopulatedTenantAsync(), await PopulatedTenantAsync());
        await using var scope = App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(a);
        var checkedTypes = 0;
        foreach (var migrator in App.Services.GetServices<IModuleMigrator>())
        {
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(migrator.ContextType);
            foreach (var type in context.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType) && !e.IsOwned()).Select(e => e.ClrType))
            {
                var tenants = await (Task<List<Guid>>)TenantsSeenMethod.MakeGenericMethod(type).Invoke(null, [context])!;
                tenants.ShouldNotBeEmpty($"{type.Name}: A's own rows are read");
                tenants.ShouldAllBe(t => t == a.Id, $"{type.Name}: the database hides other tenants' rows");
                checkedTypes++;
            }
        }

        checkedTypes.ShouldBe(TenantTables().Count);
    }

    [SkippableFact]
    public async Task The_application_role_cannot_take_the_wall_down()
    {
        await PopulatedTenantAsync();
        await using var application = await OpenAsync(TestDatabaseRoles.As(fixture.ConnectionString, TestDatabaseRoles.Application), tenant: null);
        (await RefusedAsync(application, "ALTER TABLE catalogue.solutions DISABLE ROW LEVEL SECURITY")).ShouldBeTrue("only the owner alters the table");
        (await RefusedAsync(application, "DROP POLICY tenant_isolation ON catalogue.solutions")).ShouldBeTrue("only the owner drops a policy");
        (await RefusedAsync(application, $"SET ROLE {TestDatabaseRoles.Platform}")).ShouldBeTrue("the application cannot become the platform role");
        (await RefusedAsync(application, $"SET ROLE {TestDatabaseRoles.Owner}")).ShouldBeTrue("the application cannot become the owner");
        (await RefusedAsync(application, "SET row_security = off; SELECT count(*) FROM catalogue.solutions")).ShouldBeTrue("switching row security off makes the read fail, not pass");
    }

    [SkippableFact]
    public async Task Searches_keep_the_tenant_an_index_condition_under_the_policies()
    {
        var tenant = await PopulatedTenantAsync();
        var reader = App.MemberOf(TenantRole.Viewer, tenant);
        using var commands = new CommandCapture(new NpgsqlConnectionStringBuilder(fixture.ConnectionString).Database!);
        (await reader.GetAsync($"/api/{tenant.Slug}/catalogue/solutions?q=walled+regis")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reader.GetAsync($"/api/{tenant.Slug}/partners?q=walled")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var fullText = commands.TheOne(c => c.Text.Contains("to_tsquery", StringComparison.Ordinal));
        var like = commands.TheOne(c => c.Text.Contains("partners.partners", StringComparison.Ordinal) && c.Text.Contains("LIKE", StringComparison.Ordinal) && !c.Text.Contains("count(*)", StringComparison.Ordinal));
        await using var application = await OpenAsync(TestDatabaseRoles.As(fixture.ConnectionString, TestDatabaseRoles.Application), tenant.Id);
        await ChangedAsync(application, "SET enable_seqscan = off");
        foreach (var (command, table) in new[] { (fullText, "solutions"), (like, "partners") })
        {
            var plan = await ExplainAsync(application, command);
            plan.ShouldContain("Index Cond", Case.Sensitive, plan);
            plan.Split('\n').Where(line => line.Contains("Index Cond", StringComparison.Ordinal)).ShouldContain(line => line.Contains("\"TenantId\"", StringComparison.Ordinal), plan);
            plan.ShouldNotContain($"Seq Scan on {table}", Case.Sensitive, plan);
        }
    }

    [SkippableFact]
    public async Task A_host_whose_application_role_could_bypass_the_wall_refuses_to_start()
    {
        _ = App; // the roles and the database exist
        var superuser = fixture.Superuser(await fixture.CreateEmptyDatabaseAsync());
        await using var bypassing = new NucleusApp(DatabaseProvider.Postgres, superuser);
        bypassing.Settings["Database:MigrationConnectionString"] = TestDatabaseRoles.As(superuser, TestDatabaseRoles.Owner);
        bypassing.Settings["Database:PlatformConnectionString"] = TestDatabaseRoles.As(superuser, TestDatabaseRoles.Platform);
        Should.Throw<InvalidOperationException>(() => bypassing.Services).Message.ShouldContain("may bypass row-level security");

        await using var owning = new NucleusApp(DatabaseProvider.Postgres, superuser);
        owning.Settings["Database:ConnectionString"] = TestDatabaseRoles.As(superuser, TestDatabaseRoles.Owner);
        owning.Settings["Database:MigrationConnectionString"] = TestDatabaseRoles.As(superuser, TestDatabaseRoles.Owner);
        owning.Settings["Database:PlatformConnectionString"] = TestDatabaseRoles.As(superuser, TestDatabaseRoles.Platform);
        Should.Throw<InvalidOperationException>(() => owning.Services).Message.ShouldContain("three different roles");
    }

    /// <summary>A tenant with a row in every tenant-owned table, made through the API where it offers the act.</summary>
    private async Task<TenantInfo> PopulatedTenantAsync()
    {
        var tenant = await App.NewTenantAsync("rls");
        var owner = await App.UserAsync(tenant, TenantRole.Owner);
        var (t, client) = (tenant.Slug, owner.Client);
        client.DefaultRequestHeaders.Add(TestAuthentication.SecondFactorHeader, "totp");
        var solution = await client.CreateSolutionAsync(tenant, "Walled registry");
        await OkAsync(client.PostAsJsonAsync($"/api/{t}/catalogue/solutions/{solution.Id}/status", new { status = "Archived" }, Api.Json));
        await OkAsync(client.PostAsJsonAsync($"/api/{t}/catalogue/solutions/{solution.Id}/case-studies", new { title = "A rollout", year = 2025 }, Api.Json));
        var partner = (await client.CreatePartnerAsync(tenant, "Walled vendor", "ItVendor"))["id"]!.GetValue<string>();
        await OkAsync(client.PostAsJsonAsync($"/api/{t}/partners/{partner}/agreements", new { title = "MoU", startsOn = "2026-01-01" }, Api.Json));
        await OkAsync(client.PutAsJsonAsync($"/api/{t}/partners/{partner}/surveys/2026", new { score = 4, respondents = 3 }, Api.Json));
        var asset = await client.PostAsJsonAsync($"/api/{t}/brand/assets", new { title = "Logo", kind = "Logo" }, Api.Json);
        var assetId = (await asset.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<string>();
        var upload = new ByteArrayContent(SampleFiles.Png());
        upload.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        await OkAsync(client.PostAsync($"/api/{t}/brand/assets/{assetId}/versions?fileName=logo.png", upload));
        await OkAsync(client.PutAsJsonAsync($"/api/{t}/brand/kit", new { brandName = "Walled", colours = new { primary = "#0b5394", accent = "#f1c232", text = "#1f2328", background = "#ffffff" } }, Api.Json));
        await OkAsync(client.PostAsJsonAsync($"/api/{t}/identity/api-keys", new { name = "Key", role = "Viewer" }, Api.Json));
        await OkAsync(client.PostAsJsonAsync($"/api/{t}/identity/invitations", new { email = $"later-{Guid.NewGuid():N}@example.org", role = "Editor" }, Api.Json));
        await OkAsync(client.PutAsJsonAsync($"/api/{t}/identity/security", new { requireTwoFactorForAdmins = true }, Api.Json));

        // No API of the tenant's own makes these two: the showcase's contact form and a partner's portal do.
        await using var scope = App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        await scope.ServiceProvider.GetRequiredService<ICrmIntake>().ReceiveQueryAsync(new IncomingQuery("Ana", "ana@example.org", null, "PT", "Registries", "We need one.", null, "showcase"));
        var catalogue = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        catalogue.SolutionProposals.Add(new SolutionProposal { SolutionId = solution.Id, PartnerId = Guid.Parse(partner), ProposedBy = "guest@vendor.example", ProposedAt = DateTimeOffset.UtcNow, Summary = "Better" });
        await catalogue.SaveChangesAsync();
        return tenant;
    }

    private IReadOnlyList<RowSecurity.TenantTable> TenantTables()
    {
        using var scope = App.Services.CreateScope();
        return [.. App.Services.GetServices<IModuleMigrator>()
            .SelectMany(m => RowSecurity.TenantTables(((DbContext)scope.ServiceProvider.GetRequiredService(m.ContextType)).Model))
            .Distinct()];
    }

    private static readonly MethodInfo TenantsSeenMethod = typeof(RowLevelSecurityTests).GetMethod(nameof(TenantsSeenAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static Task<List<Guid>> TenantsSeenAsync<T>(DbContext context)
        where T : class, ITenantOwned =>
        CrossTenant.Query(context.Set<T>(), "test: the database alone keeps tenants apart").Select(r => r.TenantId).Distinct().ToListAsync();

    private static async Task OkAsync(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }

    private static void Expect(List<string> failures, string table, string what, bool holds)
    {
        if (!holds)
        {
            failures.Add($"{table}: {what}");
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, Guid? tenant)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        if (tenant is { } id)
        {
            await ChangedAsync(connection, $"SET app.tenant_id = '{id}'");
        }

        return connection;
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Rows changed, inside a transaction that is rolled back: the probe leaves nothing behind.</summary>
    private static async Task<int> ChangedAsync(NpgsqlConnection connection, string sql)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        var changed = await command.ExecuteNonQueryAsync();
        if (sql.StartsWith("SET", StringComparison.Ordinal))
        {
            await transaction.CommitAsync();
        }

        return changed;
    }

    /// <summary>Whether PostgreSQL refused the statement for want of rights (42501: a policy or a privilege).</summary>
    private static async Task<bool> RefusedAsync(NpgsqlConnection connection, string sql)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync();
            return false;
        }
        catch (PostgresException refusal) when (refusal.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            return true;
        }
    }

    private static async Task<string> WritableColumnsAsync(NpgsqlConnection superuser, RowSecurity.TenantTable table)
    {
        await using var command = new NpgsqlCommand("""
            SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_attribute a
            WHERE a.attrelid = to_regclass(@table) AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
            """, superuser);
        command.Parameters.AddWithValue("table", table.QualifiedName);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> ExplainAsync(NpgsqlConnection connection, CommandCapture.Captured captured)
    {
        await using var explain = new NpgsqlCommand("EXPLAIN " + captured.Text, connection);
        explain.Parameters.AddRange(captured.Parameters);
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
