using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Abstractions.Persistence.RowLevelSecurity;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
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
    public async Task A_connection_kept_open_still_acts_for_its_tenant_after_a_failed_save()
    {
        var tenant = await PopulatedTenantAsync();
        var scopes = App.Services.GetRequiredService<ITenantScopeFactory>();
        string taken;
        int before;
        await using (var look = scopes.CreateScope(tenant))
        {
            var solutions = look.ServiceProvider.GetRequiredService<CatalogueDbContext>().Solutions;
            (taken, before) = (await solutions.Select(s => s.Slug).FirstAsync(), await solutions.CountAsync());
        }

        await using var scope = scopes.CreateScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        await db.Database.OpenConnectionAsync();

        // The first command on the connection is a save of two rows that fails: its transaction takes the tenant setting with it.
        db.Solutions.Add(new NucleusCloud.Modules.Catalogue.Solutions.Solution { Slug = $"fine-{Guid.NewGuid():N}"[..20], Name = "Fine" });
        db.Solutions.Add(new NucleusCloud.Modules.Catalogue.Solutions.Solution { Slug = taken, Name = "Twin" });
        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        (await db.Solutions.CountAsync()).ShouldBe(before, "the next query on the same connection says its tenant again");
        db.Solutions.Add(new NucleusCloud.Modules.Catalogue.Solutions.Solution { Slug = $"after-{Guid.NewGuid():N}"[..20], Name = "After" });
        await db.SaveChangesAsync();
        (await db.Solutions.CountAsync()).ShouldBe(before + 1);
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

        // The catalogue's search reads the tenant's solutions into its index once, then answers from memory.
        var index = commands.TheOne(c => c.Text.Contains("catalogue.solutions", StringComparison.Ordinal) && c.Text.Contains("\"CaseStudyText\"", StringComparison.Ordinal));
        var like = commands.TheOne(c => c.Text.Contains("partners.partners", StringComparison.Ordinal) && c.Text.Contains("LIKE", StringComparison.Ordinal) && !c.Text.Contains("count(*)", StringComparison.Ordinal));
        await using var application = await OpenAsync(TestDatabaseRoles.As(fixture.ConnectionString, TestDatabaseRoles.Application), tenant.Id);
        await ChangedAsync(application, "SET enable_seqscan = off");
        foreach (var (command, table) in new[] { (index, "solutions"), (like, "partners") })
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

    [SkippableFact]
    public async Task Exchange_rows_are_read_and_written_only_by_the_tenants_with_a_place_in_their_space()
    {
        var (space, host, member, stranger) = await ExchangeWorldAsync();
        await using var superuser = await OpenAsync(fixture.Superuser(fixture.ConnectionString), tenant: null);
        var application = TestDatabaseRoles.As(fixture.ConnectionString, TestDatabaseRoles.Application);
        await using var asMember = await OpenAsync(application, member.Tenant.Id);
        await using var asStranger = await OpenAsync(application, stranger.Tenant.Id);
        await using var asNobody = await OpenAsync(application, tenant: null);
        await using var asSystem = await OpenAsync(application, tenant: null);
        await ChangedAsync(asSystem, "SET app.system = 'on'");
        var checkedTables = 0;
        var failures = new List<string>();
        foreach (var (table, ofSpace) in ExchangeTables(space))
        {
            var sql = $"SELECT count(*) FROM exchange.{table} WHERE {ofSpace}";
            var all = await CountAsync(superuser, sql);
            if (all == 0)
            {
                continue; // nothing of this kind in the space (presence needs a live connection)
            }

            checkedTables++;
            Expect(failures, table, "the stranger reads none", await CountAsync(asStranger, sql) == 0);
            Expect(failures, table, "a connection of no tenant reads none", await CountAsync(asNobody, sql) == 0);
            Expect(failures, table, "the system reads all", await CountAsync(asSystem, sql) == all);
            Expect(failures, table, "the member reads them", table == "tenant_notices" || await CountAsync(asMember, sql) == all);
            var column = RowSecurity.Quote(AnyColumn(table));
            Expect(failures, table, "the stranger changes none", await ChangedAsync(asStranger, $"UPDATE exchange.{table} SET {column} = {column} WHERE {ofSpace}") == 0);
            Expect(failures, table, "the stranger deletes none", await ChangedAsync(asStranger, $"DELETE FROM exchange.{table} WHERE {ofSpace}") == 0);
        }

        checkedTables.ShouldBeGreaterThanOrEqualTo(13, "the space holds rows of most kinds");
        failures.ShouldBeEmpty();

        // Writing into a space it has no place in: a post, and a membership of its own making.
        var ids = await OneRowAsync(superuser, $"SELECT p.\"Id\", p.\"ChannelId\" FROM exchange.space_posts p WHERE p.\"SpaceId\" = '{space}' LIMIT 1");
        (await RefusedAsync(asStranger, $"""
            CREATE TEMP TABLE probe ON COMMIT DROP AS SELECT * FROM exchange.space_posts WHERE "AuthorTenantId" = '{stranger.Tenant.Id}' LIMIT 1;
            UPDATE probe SET "Id" = gen_random_uuid(), "SpaceId" = '{space}', "ChannelId" = '{ids[1]}';
            INSERT INTO exchange.space_posts SELECT * FROM probe;
            """)).ShouldBeTrue("a post into another's space");
        (await RefusedAsync(asStranger, $"""
            INSERT INTO exchange.space_members ("SpaceId", "TenantId", "TenantName", "Status", "SuggestSolutions", "InvitedAt", "JoinedAfterSequence")
            VALUES ('{space}', '{stranger.Tenant.Id}', 'Gatecrasher', 'Active', false, now(), 0)
            """)).ShouldBeTrue("a membership of its own making in an invite-only space");
    }

    [SkippableFact]
    public async Task An_outbox_takes_a_tenants_own_events_and_shows_them_to_the_system_alone()
    {
        var (a, b) = (await App.NewTenantAsync(), await App.NewTenantAsync());
        var admin = App.MemberOf(a);
        var partner = (await admin.CreatePartnerAsync(a, "Leaving vendor", "ItVendor"))["id"]!.GetValue<string>();
        (await admin.DeleteAsync($"/api/{a.Slug}/partners/{partner}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);

        var application = TestDatabaseRoles.As(fixture.ConnectionString, TestDatabaseRoles.Application);
        await using var asA = await OpenAsync(application, a.Id);
        await using var asSystem = await OpenAsync(application, tenant: null);
        await ChangedAsync(asSystem, "SET app.system = 'on'");
        const string outbox = "partners.partners_outbox";
        var ofA = $"SELECT count(*) FROM {outbox} WHERE \"TenantId\" = '{a.Id}'";
        (await CountAsync(asSystem, ofA)).ShouldBe(1, "the system sees the event to deliver");
        (await CountAsync(asA, ofA)).ShouldBe(0, "a tenant never reads an outbox, its own events included");
        (await ChangedAsync(asA, $"UPDATE {outbox} SET \"Attempts\" = 0")).ShouldBe(0);
        (await ChangedAsync(asA, $"DELETE FROM {outbox}")).ShouldBe(0);
        string Insert(Guid tenant) => $"INSERT INTO {outbox} (\"Id\", \"TenantId\", \"Type\", \"Payload\", \"OccurredAt\", \"Attempts\") VALUES (gen_random_uuid(), '{tenant}', 'partners.partner-removed', '{{}}', now(), 0)";
        (await ChangedAsync(asA, Insert(a.Id))).ShouldBe(1, "its own event goes in");
        (await RefusedAsync(asA, Insert(b.Id))).ShouldBeTrue("an event in another tenant's name does not");
    }

    /// <summary>An invite-only space of one tenant with a second as member, holding a row of every kind; and a stranger with a space of its own.</summary>
    private async Task<(string Space, ExchangeUser Host, ExchangeUser Member, ExchangeUser Stranger)> ExchangeWorldAsync()
    {
        var host = await App.UserAsync(await App.NewTenantAsync("xh"), TenantRole.Owner);
        var member = await App.UserAsync(await App.NewTenantAsync("xm"), TenantRole.Owner);
        var stranger = await App.UserAsync(await App.NewTenantAsync("xs"), TenantRole.Owner);
        var own = await stranger.CreateSpaceAsync("Stranger's own");
        await stranger.PostedAsync(own.Id(), own.GeneralChannel(), "In my own space");

        var space = await host.CreateSpaceAsync("Walled space");
        var (id, channel) = (space.Id(), space.GeneralChannel());
        await host.InviteAsync(id, member.Tenant);
        await member.JoinAsync(id);
        var solution = await member.Client.CreateSolutionAsync(member.Tenant, "Shared registry", SolutionStatus.Published);
        var post = await host.PostedAsync(id, channel, "First words");
        await OkAsync(host.Client.PutAsJsonAsync($"{host.Spaces}/{id}/posts/{post.Id()}", new { body = "First words, edited" }, Api.Json));
        await OkAsync(member.Client.PutAsync($"{member.Spaces}/{id}/posts/{post.Id()}/reactions/thanks", null));
        var request = await host.Client.PostAsJsonAsync($"{host.Spaces}/{id}/requests", new { title = "Registries", question = "Who has one?" }, Api.Json);
        var requestId = (await request.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>()).Id();
        await OkAsync(member.Client.PostAsJsonAsync($"{member.Spaces}/{id}/requests/{requestId}/snapshots", new { solutionSlug = solution.Slug }, Api.Json));
        var document = new ByteArrayContent(SampleFiles.Pdf());
        document.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        await OkAsync(host.Client.PostAsync($"{host.Spaces}/{id}/documents?title=Plan", document));
        var meeting = await host.Client.PostAsJsonAsync($"{host.Spaces}/{id}/meetings", new
        {
            title = "Kick-off", startsAt = DateTimeOffset.UtcNow.AddDays(7), endsAt = DateTimeOffset.UtcNow.AddDays(7).AddHours(1), timeZone = "Europe/Tallinn",
        }, Api.Json);
        var meetingId = (await meeting.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>()).Id();
        await OkAsync(member.Client.PutAsJsonAsync($"{member.Spaces}/{id}/meetings/{meetingId}/rsvp", new { answer = "Yes" }, Api.Json));
        await OkAsync(member.Client.PostAsJsonAsync($"{member.Spaces}/{id}/agreements",
            new { kind = "MoU", title = "Cooperation", partnerTenantId = host.Tenant.Id, areas = new[] { "registries" } }, Api.Json));
        return (id, host, member, stranger);
    }

    /// <summary>Every exchange table, with the condition that picks the rows of one space.</summary>
    private static IEnumerable<(string Table, string OfSpace)> ExchangeTables(string space)
    {
        var inSpace = $"\"SpaceId\" = '{space}'";
        return
        [
            ("spaces", $"\"Id\" = '{space}'"), ("space_members", inSpace), ("space_delegates", inSpace), ("space_channels", inSpace),
            ("space_posts", inSpace), ("space_post_revisions", $"\"PostId\" IN (SELECT \"Id\" FROM exchange.space_posts WHERE {inSpace})"),
            ("space_post_reactions", $"\"PostId\" IN (SELECT \"Id\" FROM exchange.space_posts WHERE {inSpace})"), ("space_events", inSpace),
            ("space_presence", inSpace), ("knowledge_requests", inSpace), ("shared_snapshots", inSpace), ("tenant_notices", inSpace),
            ("space_documents", inSpace), ("space_meetings", inSpace),
            ("meeting_rsvps", $"\"MeetingId\" IN (SELECT \"Id\" FROM exchange.space_meetings WHERE {inSpace})"), ("cooperation_agreements", inSpace),
        ];
    }

    private static string AnyColumn(string table) => table switch
    {
        "spaces" => "Name",
        "space_post_revisions" or "space_post_reactions" => "PostId",
        "meeting_rsvps" => "MeetingId",
        _ => "SpaceId",
    };

    private static async Task<string[]> OneRowAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue(sql);
        return [.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i).ToString()!)];
    }

    /// <summary>A tenant with a row in every tenant-owned table, made through the API where it offers the act.</summary>
    private async Task<TenantInfo> PopulatedTenantAsync() => (await PopulatedTenants.CreateAsync(App)).Tenant;

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
