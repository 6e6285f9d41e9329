using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Modules.Catalogue.Search;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Tests.Integration.Hosting;

/// <summary>
/// What can be known of the SQL Server provider without a server (none can run on this machine; the suite that needs one
/// runs in <c>.github/workflows/sqlserver.yml</c>): every module has its SQL Server context and migrations, they cover the
/// model, the script they make creates every table before anything refers to it, every key fits SQL Server's limits, no
/// table is reached by two cascading paths (SQL Server refuses those), and the SQL of the key queries names the tenant.
/// </summary>
public sealed partial class SqlServerModelTests
{
    private static readonly Guid TenantId = Guid.Parse("7e2b1a40-0000-4000-8000-00000000a001");

    public static TheoryData<string> Contexts() => [.. Factories().Keys];

    [Fact]
    public void Every_module_context_has_a_SQL_Server_twin()
    {
        var postgres = FactoriesOf("Postgres").Keys.Select(n => n["Postgres".Length..]).Order().ToList();
        var sqlServer = Factories().Keys.Select(n => n["SqlServer".Length..]).Order().ToList();
        sqlServer.ShouldBe(postgres);
        sqlServer.Count.ShouldBe(10);
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_migrations_cover_the_model(string context)
    {
        using var db = Create(context);
        db.Database.ProviderName.ShouldBe("Microsoft.EntityFrameworkCore.SqlServer");
        db.Database.GetMigrations().ShouldNotBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse($"{context} has model changes no migration covers: run dotnet-ef migrations add for SQL Server too");
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_script_applies_the_migrations_in_order_and_creates_each_table_before_it_is_referred_to(string context)
    {
        using var db = Create(context);
        var script = db.GetService<IMigrator>().GenerateScript();
        var migrations = db.Database.GetMigrations().ToList();
        migrations.ShouldBe(migrations.Order(StringComparer.Ordinal).ToList());
        var recorded = migrations.Select(id => script.IndexOf($"N'{id}'", StringComparison.Ordinal)).ToList();
        recorded.ShouldAllBe(position => position >= 0);
        recorded.ShouldBe(recorded.Order().ToList(), "the history rows are written in the migrations' order");

        var created = CreatedTable().Matches(script).Select(m => (Table: m.Groups[1].Value, At: m.Index)).ToList();
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            created.ShouldContain(c => c.Table == $"{table.Schema}].[{table.Name}", $"{table.Schema}.{table.Name} is never created");
        }

        foreach (Match reference in ReferencedTable().Matches(script))
        {
            var target = reference.Groups[1].Value;
            created.ShouldContain(c => c.Table == target && c.At < reference.Index, $"{target} is referred to before it is created");
        }
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Every_key_and_index_fits_SQL_Server_limits(string context)
    {
        using var db = Create(context);
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            // ASP.NET Core Identity's own passkey table keys on a credential id of up to 1,024 bytes, as Identity ships it for
            // SQL Server, which creates it with a warning; real credential ids are 16 to 64 bytes.
            if (table.PrimaryKey is { } primaryKey && table.Name != "user_passkeys")
            {
                // The primary key is the clustered index: 900 bytes at most.
                KeyBytes(primaryKey.Columns).ShouldBeLessThanOrEqualTo(900, $"{table.Name}.{primaryKey.Name}");
            }

            foreach (var key in table.UniqueConstraints.Where(k => !k.GetIsPrimaryKey()))
            {
                KeyBytes(key.Columns).ShouldBeLessThanOrEqualTo(1700, $"{table.Name}.{key.Name}");
            }

            foreach (var index in table.Indexes)
            {
                KeyBytes(index.Columns).ShouldBeLessThanOrEqualTo(1700, $"{table.Name}.{index.Name}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void No_table_is_reached_by_two_cascading_paths_or_a_cascading_cycle(string context)
    {
        using var db = Create(context);
        var cascades = db.Model.GetRelationalModel().Tables
            .SelectMany(t => t.ForeignKeyConstraints)
            .Where(fk => fk.OnDeleteAction == ReferentialAction.Cascade)
            .Select(fk => (From: fk.PrincipalTable.Name, To: fk.Table.Name))
            .ToList();
        foreach (var start in cascades.Select(c => c.From).Distinct())
        {
            var paths = new Dictionary<string, int>();
            Walk(start, [start]);

            void Walk(string table, HashSet<string> path)
            {
                foreach (var next in cascades.Where(c => c.From == table).Select(c => c.To))
                {
                    path.Contains(next).ShouldBeFalse($"cascading deletes from {start} come back to {next}");
                    paths[next] = paths.GetValueOrDefault(next) + 1;
                    paths[next].ShouldBe(1, $"deleting from {start} cascades to {next} by two paths");
                    Walk(next, [.. path, next]);
                }
            }
        }
    }

    [Fact]
    public void The_catalogue_s_paged_and_filtered_queries_name_the_tenant()
    {
        using var db = (CatalogueDbContext)Create("SqlServerCatalogueDbContext", InTenant());
        var pattern = TextMatch.ContainsPattern("health");
        var sql = db.Solutions.Where(s => EF.Functions.Like(s.Name, pattern, TextMatch.Escape))
            .OrderBy(s => s.Name).Skip(40).Take(20).ToQueryString();
        sql.ShouldContain("[s].[TenantId] = @");
        sql.ShouldContain("LIKE @");
        sql.ShouldContain("ESCAPE N'\\'");
        sql.ShouldContain("OFFSET @");
        sql.ShouldContain("FETCH NEXT @");
        sql.ShouldContain($"'{TenantId}'", Case.Insensitive);
    }

    [Fact]
    public void The_CRM_s_queries_name_the_tenant()
    {
        using var db = (CrmDbContext)Create("SqlServerCrmDbContext", InTenant());
        db.Organisations.OrderBy(o => o.Name).Take(25).ToQueryString().ShouldContain("[o].[TenantId] = @");
        db.Opportunities.Where(o => o.Title.Length > 0).ToQueryString().ShouldContain("[o].[TenantId] = @");
    }

    [Fact]
    public void The_search_index_reads_its_tenant_s_solutions_and_stamp_only()
    {
        using var db = (CatalogueDbContext)Create("SqlServerCatalogueDbContext", InTenant());
        SearchIndexes.Sources(db).ToQueryString().ShouldContain("[s].[TenantId] = @");
        SearchIndexes.Stamp(db).ToQueryString().ShouldContain("[s].[TenantId] = @");
    }

    [Fact]
    public void The_migration_lock_and_the_search_index_are_SQL_Server_s_own()
    {
        MigrationLock.ApplicationLockName.ShouldNotBeNullOrWhiteSpace();
        SolutionSearchSql.SqlServerIndex.ShouldContain("SERVERPROPERTY('IsFullTextInstalled')");
        using var db = Create("SqlServerCatalogueDbContext");
        var script = db.GetService<IMigrator>().GenerateScript();
        // Full-text DDL cannot run in a transaction: the script commits before it.
        var index = script.IndexOf("CREATE FULLTEXT INDEX", StringComparison.Ordinal);
        index.ShouldBeGreaterThan(0);
        script.LastIndexOf("COMMIT;", index, StringComparison.Ordinal).ShouldBeGreaterThan(script.LastIndexOf("BEGIN TRANSACTION;", index, StringComparison.Ordinal));
        // Nor can dropping it, since the search keeps its own index in memory.
        var dropped = script.IndexOf("DROP FULLTEXT INDEX", index, StringComparison.Ordinal);
        dropped.ShouldBeGreaterThan(index);
        script.LastIndexOf("COMMIT;", dropped, StringComparison.Ordinal).ShouldBeGreaterThan(script.LastIndexOf("BEGIN TRANSACTION;", dropped, StringComparison.Ordinal));
    }

    private static int KeyBytes(IEnumerable<IColumn> columns) => columns.Sum(c => ColumnBytes(c.StoreType));

    private static int ColumnBytes(string storeType)
    {
        var type = storeType.ToLowerInvariant();
        var length = LengthOf().Match(type);
        type.ShouldNotContain("(max)", customMessage: $"{storeType} cannot be part of a key");
        return type switch
        {
            _ when type.StartsWith("nvarchar", StringComparison.Ordinal) || type.StartsWith("nchar", StringComparison.Ordinal) => 2 * int.Parse(length.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            _ when type.StartsWith("varchar", StringComparison.Ordinal) || type.StartsWith("varbinary", StringComparison.Ordinal) || type.StartsWith("char", StringComparison.Ordinal) => int.Parse(length.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            "uniqueidentifier" => 16,
            "bigint" or "float" or "datetime2" => 8,
            "int" or "real" => 4,
            "smallint" => 2,
            "tinyint" or "bit" => 1,
            "datetimeoffset" => 10,
            "date" => 3,
            _ when type.StartsWith("decimal", StringComparison.Ordinal) => 17,
            _ => throw new ShouldAssertException($"unexpected key column type {storeType}"),
        };
    }

    private static TenantContext InTenant()
    {
        var tenant = new TenantContext();
        tenant.Set(new TenantInfo(TenantId, "sqlserver-test", "SQL Server test", TenantKind.Country, "EE", TenantStatus.Active, [], DataPlacement.Shared));
        return tenant;
    }

    /// <summary>Made as <c>dotnet ef</c> makes them, by the modules' design-time factories; none opens a connection.</summary>
    private static DbContext Create(string context, ITenantContext? tenant = null)
    {
        var db = (DbContext)Factories()[context].CreateDbContext([]);
        if (tenant is null)
        {
            return db;
        }

        // The same options, with a tenant in context (the design-time factories have none).
        var options = db.GetService<IDbContextOptions>();
        db.Dispose();
        return (DbContext)Activator.CreateInstance(db.GetType(), BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, [options, tenant], null)!;
    }

    private static Dictionary<string, IDesignTimeDbContextFactory<DbContext>> Factories() => FactoriesOf("SqlServer");

    private static Dictionary<string, IDesignTimeDbContextFactory<DbContext>> FactoriesOf(string provider) =>
        Directory.GetFiles(AppContext.BaseDirectory, "NucleusCloud.Modules.*.dll")
            .Select(f => Assembly.Load(AssemblyName.GetAssemblyName(f)))
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)))
            .Select(t => (Context: t.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)).GetGenericArguments()[0], Factory: t))
            .Where(f => f.Context.Name.StartsWith(provider, StringComparison.Ordinal))
            .ToDictionary(f => f.Context.Name, f => (IDesignTimeDbContextFactory<DbContext>)Activator.CreateInstance(f.Factory, nonPublic: true)!);

    [GeneratedRegex(@"CREATE TABLE \[([^\]]+\]\.\[[^\]]+)\]")]
    private static partial Regex CreatedTable();

    [GeneratedRegex(@"REFERENCES \[([^\]]+\]\.\[[^\]]+)\]")]
    private static partial Regex ReferencedTable();

    [GeneratedRegex(@"\((\d+)\)")]
    private static partial Regex LengthOf();
}
