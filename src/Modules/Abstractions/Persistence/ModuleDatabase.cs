using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Persistence.RowLevelSecurity;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Abstractions.Persistence;

/// <summary>An EF Core interceptor that one module adds to its own context (<see cref="ModuleDatabase.AddModuleInterceptor{TContext, TInterceptor}"/>).</summary>
public interface IModuleInterceptor<TContext> : IInterceptor
    where TContext : DbContext;

/// <summary>
/// Registers a module's DbContext on the configured provider. EF Core migrations are
/// provider-specific, so each module has one context subclass per provider
/// (<typeparamref name="TSqlite"/>, <typeparamref name="TPostgres"/>, <typeparamref name="TSqlServer"/>) owning that
/// provider's migrations; the module's code only ever sees <typeparamref name="TContext"/>.
/// </summary>
public static class ModuleDatabase
{
    /// <summary>Adds an EF Core interceptor to one module's context only (e.g. the catalogue's search stamp).</summary>
    public static IServiceCollection AddModuleInterceptor<TContext, TInterceptor>(this IServiceCollection services)
        where TContext : DbContext
        where TInterceptor : class, IModuleInterceptor<TContext>
    {
        services.TryAddSingleton<TInterceptor>();
        return services.AddSingleton<IModuleInterceptor<TContext>>(sp => sp.GetRequiredService<TInterceptor>());
    }

    /// <summary>Every context's interceptors (auditing, the outbox's nudge), then the module's own.</summary>
    private static IInterceptor[] Interceptors<TContext>(IServiceProvider sp)
        where TContext : DbContext =>
        [sp.GetRequiredService<AuditingInterceptor>(), sp.GetRequiredService<OutboxNudge>(), .. sp.GetServices<IModuleInterceptor<TContext>>()];

    /// <param name="followsTenantPlacement">
    /// The module holds a tenant's own content, which lives in the tenant's own database when it has one (<see cref="TenantDatabases"/>);
    /// otherwise its rows stay in the shared database whatever the tenant's placement.
    /// </param>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgres, TSqlServer>(
        this IServiceCollection services, IConfiguration configuration, string schema, bool followsTenantPlacement = false)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
        where TSqlServer : TContext
    {
        var options = Read(configuration);
        services.TryAddScoped<AuditingInterceptor>();
        services.TryAddScoped<AuditActor>();
        services.TryAddScoped<TenantSession>();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxNudge>();
        services.TryAddScoped<DatabaseTarget>();
        services.TryAddSingleton(sp => new TenantDatabases(options, sp));
        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<TContext, TPostgres>((sp, builder) =>
            {
                var connectionString = followsTenantPlacement ? TenantConnection(sp) : options.ConnectionString;
                UsePostgres(builder, connectionString, schema).AddInterceptors(Interceptors<TContext>(sp));
                if (followsTenantPlacement)
                {
                    builder.AddInterceptors(new PlacementGuard(sp, connectionString));
                }

                if (options.RowLevelSecurity)
                {
                    builder.AddInterceptors(sp.GetRequiredService<TenantSession>());
                }

                builder.AddInterceptors(PostgresRestarts.Instance); // last: it opens the connection, after the guard above has checked it
            });
        }
        else if (options.Provider == DatabaseProvider.SqlServer)
        {
            // Dedicated tenant databases and row-level security are PostgreSQL's; on SQL Server the EF Core tenant filters stand alone.
            services.AddDbContext<TContext, TSqlServer>((sp, builder) => UseSqlServer(builder, options.ConnectionString, schema)
                .AddInterceptors(Interceptors<TContext>(sp)));
        }
        else
        {
            services.AddDbContext<TContext, TSqlite>((sp, builder) => UseSqlite(builder, options.ConnectionString, schema).AddInterceptors(Interceptors<TContext>(sp)));
        }

        services.AddCrossTenantReads<TContext, TPostgres>(options, schema);
        services.AddScoped<Export.ITenantDataSource>(sp => new Export.DbContextTenantData<TContext>(schema, sp.GetRequiredService<TContext>()));
        services.AddSingleton<IModuleMigrator>(new ModuleMigrator<TContext>(schema, followsTenantPlacement));
        services.AddHealthChecks().AddCheck<MigrationsAppliedCheck<TContext>>($"db-{schema}", HealthStatus.Unhealthy, ["ready"]);
        return services;
    }

    /// <summary>The connection of the scope's database: its target's, or its tenant's (the shared one for a shared tenant or none).</summary>
    internal static string TenantConnection(IServiceProvider scope)
    {
        var databases = scope.GetRequiredService<TenantDatabases>();
        return scope.GetRequiredService<DatabaseTarget>().DedicatedTenantId is { } target
            ? databases.Dedicated(target).ConnectionString
            : databases.For(scope.GetRequiredService<ITenantContext>().Tenant).ConnectionString;
    }

    public static DatabaseOptions Read(IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        configuration.GetSection(DatabaseOptions.Section).Bind(options);
        return options;
    }

    /// <summary>Each module keeps its own migrations history, so modules migrate independently.</summary>
    public static string HistoryTable(string schema) => $"__ef_migrations_{schema}";

    public static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder builder, string connectionString, string schema) =>
        builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(HistoryTable(schema)));

    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder builder, string connectionString, string schema) =>
        builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(HistoryTable(schema), schema));

    public static DbContextOptionsBuilder UseSqlServer(DbContextOptionsBuilder builder, string connectionString, string schema) =>
        builder.UseSqlServer(connectionString, sqlServer => sqlServer.MigrationsHistoryTable(HistoryTable(schema), schema));

    /// <summary>Makes sure the directory of a SQLite file exists; a no-op for other providers.</summary>
    public static void EnsureStorageExists(DatabaseOptions options)
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
    }

    /// <summary>Describes the server for logs without its password.</summary>
    public static string Describe(DatabaseOptions options) => options.Provider switch
    {
        DatabaseProvider.Postgres => $"PostgreSQL {new NpgsqlConnectionStringBuilder(options.ConnectionString).Host}",
        DatabaseProvider.SqlServer => $"SQL Server {new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(options.ConnectionString).DataSource}",
        _ => $"SQLite {new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString).DataSource}",
    };
}
