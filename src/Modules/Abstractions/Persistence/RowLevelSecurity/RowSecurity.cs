using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Abstractions.Persistence.RowLevelSecurity;

/// <summary>
/// PostgreSQL's own wall behind the EF Core tenant filters. Every tenant-owned table, found in the
/// modules' models (so a new one cannot be forgotten), gets <c>FORCE ROW LEVEL SECURITY</c> and a policy
/// that shows and accepts only the rows of the tenant the connection acts for (<see cref="TenantSession"/>);
/// the platform role may read all of them, the owner (migrations) may do anything. The application's role
/// gets the rights to use the tables and is checked to own nothing and bypass nothing.
/// </summary>
public static class RowSecurity
{
    /// <summary>The tenant the connection acts for, or null: an unset or reset setting reads as empty.</summary>
    public const string CurrentTenant = "NULLIF(current_setting('app.tenant_id', true), '')::uuid";

    /// <summary>Whether the connection acts as the system (<see cref="TenantSession"/>: platform scopes only, never a request).</summary>
    public const string ActsAsSystem = "current_setting('app.system', true) = 'on'";

    /// <summary>A tenant-owned table and its tenant column.</summary>
    public sealed record TenantTable(string Schema, string Table, string TenantColumn)
    {
        public string QualifiedName => $"{Quote(Schema)}.{Quote(Table)}";
    }

    public static IReadOnlyList<TenantTable> TenantTables(IModel model) =>
        [.. model.GetEntityTypes()
            .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType) && !e.IsOwned() && e.GetTableName() is not null)
            .Select(e =>
            {
                var table = StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema());
                return new TenantTable(e.GetSchema() ?? "public", table.Name, e.FindProperty(nameof(ITenantOwned.TenantId))!.GetColumnName(table)!);
            })
            .Distinct()];

    /// <summary>The modules' outboxes: written by tenants, read and marked by the system's dispatcher.</summary>
    public static IReadOnlyList<TenantTable> OutboxTables(IModel model) =>
        [.. model.GetEntityTypes()
            .Where(e => e.ClrType == typeof(OutboxMessage))
            .Select(e =>
            {
                var table = StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema());
                return new TenantTable(e.GetSchema() ?? "public", table.Name, e.FindProperty(nameof(OutboxMessage.TenantId))!.GetColumnName(table)!);
            })];

    /// <summary>
    /// Installs the policies and grants (as the owner, in one transaction), then checks the application's role. The modules' own
    /// policies for tables shared by design (<paramref name="sharedByDesign"/>) belong to the shared database only.
    /// </summary>
    public static async Task InstallAsync(IServiceProvider services, DatabaseOptions options, IReadOnlyList<IModuleMigrator> migrators,
        IEnumerable<IRowSecurityPolicies> sharedByDesign, CancellationToken cancellationToken)
    {
        var roles = DatabaseRoles.From(options);
        var tables = new List<TenantTable>();
        var outboxes = new List<TenantTable>();
        await using (var scope = services.CreateAsyncScope())
        {
            foreach (var migrator in migrators)
            {
                var model = ((DbContext)scope.ServiceProvider.GetRequiredService(migrator.ContextType)).Model;
                tables.AddRange(TenantTables(model));
                outboxes.AddRange(OutboxTables(model));
            }
        }

        var schemas = migrators.Select(m => m.Schema).Distinct(StringComparer.Ordinal).ToList();
        var sql = new StringBuilder();
        foreach (var schema in schemas)
        {
            sql.AppendLine(GrantsSql(schema, roles));
        }

        foreach (var table in tables.Distinct())
        {
            sql.AppendLine(TenantPolicySql(table, roles));
        }

        foreach (var outbox in outboxes.Distinct())
        {
            sql.AppendLine(OutboxPolicySql(outbox, roles));
        }

        foreach (var module in sharedByDesign)
        {
            sql.AppendLine(module.Sql(roles));
        }

        await using var connection = new NpgsqlConnection(options.MigrationConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await using var install = new NpgsqlCommand(sql.ToString(), connection, transaction);
            await install.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await RefuseAPowerfulApplicationRoleAsync(connection, roles, schemas, cancellationToken);
    }

    public static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static string GrantsSql(string schema, DatabaseRoles roles) => $"""
        GRANT USAGE ON SCHEMA {Quote(schema)} TO {Quote(roles.Application)}, {Quote(roles.Platform)};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {Quote(schema)} TO {Quote(roles.Application)};
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {Quote(schema)} TO {Quote(roles.Application)};
        GRANT SELECT ON ALL TABLES IN SCHEMA {Quote(schema)} TO {Quote(roles.Platform)};
        """;

    private static string TenantPolicySql(TenantTable table, DatabaseRoles roles)
    {
        var (name, tenant) = (table.QualifiedName, Quote(table.TenantColumn));
        return $"""
            ALTER TABLE {name} ENABLE ROW LEVEL SECURITY;
            ALTER TABLE {name} FORCE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS tenant_isolation ON {name};
            CREATE POLICY tenant_isolation ON {name} USING ({tenant} = {CurrentTenant}) WITH CHECK ({tenant} = {CurrentTenant});
            DROP POLICY IF EXISTS platform_reads ON {name};
            CREATE POLICY platform_reads ON {name} FOR SELECT TO {Quote(roles.Platform)} USING (true);
            DROP POLICY IF EXISTS migrations ON {name};
            CREATE POLICY migrations ON {name} TO CURRENT_USER USING (true) WITH CHECK (true);
            """;
    }

    /// <summary>A tenant adds its own events and sees none (it never reads its outbox); the system, in a platform scope, reads and marks all.</summary>
    private static string OutboxPolicySql(TenantTable table, DatabaseRoles roles)
    {
        var (name, tenant) = (table.QualifiedName, Quote(table.TenantColumn));
        return $"""
            ALTER TABLE {name} ENABLE ROW LEVEL SECURITY;
            ALTER TABLE {name} FORCE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS outbox_publish ON {name};
            CREATE POLICY outbox_publish ON {name} FOR INSERT WITH CHECK ({tenant} = {CurrentTenant});
            DROP POLICY IF EXISTS outbox_dispatch ON {name};
            CREATE POLICY outbox_dispatch ON {name} USING ({ActsAsSystem}) WITH CHECK ({ActsAsSystem});
            DROP POLICY IF EXISTS platform_reads ON {name};
            CREATE POLICY platform_reads ON {name} FOR SELECT TO {Quote(roles.Platform)} USING (true);
            DROP POLICY IF EXISTS migrations ON {name};
            CREATE POLICY migrations ON {name} TO CURRENT_USER USING (true) WITH CHECK (true);
            """;
    }

    /// <summary>The wall is only as good as the role behind it: no superuser, no bypass, no owner's or platform's rights, nothing owned.</summary>
    private static async Task RefuseAPowerfulApplicationRoleAsync(NpgsqlConnection owner, DatabaseRoles roles, IReadOnlyList<string> schemas, CancellationToken cancellationToken)
    {
        await using var check = new NpgsqlCommand("""
            SELECT (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = @app),
                   pg_has_role(@app, current_user, 'MEMBER') OR pg_has_role(@app, @platform, 'MEMBER'),
                   (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relowner = (SELECT oid FROM pg_roles WHERE rolname = @app) AND n.nspname = ANY(@schemas))
            """, owner);
        check.Parameters.AddWithValue("app", roles.Application);
        check.Parameters.AddWithValue("platform", roles.Platform);
        check.Parameters.AddWithValue("schemas", schemas.ToArray());
        await using var reader = await check.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var problem = reader.IsDBNull(0) ? $"the role {roles.Application} does not exist"
            : reader.GetBoolean(0) ? $"the role {roles.Application} is a superuser or may bypass row-level security"
            : reader.GetBoolean(1) ? $"the role {roles.Application} is a member of the owner's or the platform's role"
            : reader.GetInt64(2) > 0 ? $"the role {roles.Application} owns tables of the product's schemas"
            : null;
        if (problem is not null)
        {
            throw new InvalidOperationException($"Row-level security would not hold: {problem}. Database:ConnectionString must name a role that owns nothing and cannot bypass it (see deploy/postgres).");
        }
    }
}
