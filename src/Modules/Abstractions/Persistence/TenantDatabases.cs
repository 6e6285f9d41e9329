using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NucleusCloud.Modules.Abstractions.Persistence.RowLevelSecurity;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Abstractions.Persistence;

/// <summary>
/// Where each tenant's content lives. The modules that hold a tenant's own content (registered with
/// <c>followsTenantPlacement</c>) keep a dedicated tenant's rows in a PostgreSQL database of its own, on the same server and
/// for the same roles as the shared database; the platform's registry, accounts and memberships, the audit log and the
/// exchange (shared between tenants by design) stay in the shared database. This is the one place that knows the mapping:
/// the contexts ask it for their connection, the Host and the onboarding ask it to create and migrate a database, and the
/// erasure to drop one.
/// </summary>
public sealed partial class TenantDatabases
{
    private static readonly TimeSpan IdleConnectionLifetime = TimeSpan.FromMinutes(1);
    private readonly DatabaseOptions _shared;
    private readonly IServiceProvider _services;
    private readonly ConcurrentDictionary<Guid, DatabaseOptions> _dedicated = new();

    public TenantDatabases(DatabaseOptions shared, IServiceProvider services)
    {
        if (!PrefixPattern().IsMatch(shared.DedicatedDatabasePrefix))
        {
            throw new InvalidOperationException("Database:DedicatedDatabasePrefix must be lower-case letters, digits and underscores, at most 30 characters.");
        }

        (_shared, _services) = (shared, services);
    }

    /// <summary>Whether tenants may have a database of their own: only on PostgreSQL (SQLite is one file for one small installation).</summary>
    public bool DedicatedOffered => _shared.Provider == DatabaseProvider.Postgres;

    /// <summary>The migrators of the modules whose rows follow the tenant into its own database.</summary>
    public IReadOnlyList<IModuleMigrator> TenantPlacedModules => [.. _services.GetServices<IModuleMigrator>().Where(m => m.FollowsTenantPlacement)];

    public bool FollowsTenantPlacement(Type contextType) => TenantPlacedModules.Any(m => m.ContextType == contextType);

    public string DatabaseName(Guid tenantId) => _shared.DedicatedDatabasePrefix + tenantId.ToString("N");

    /// <summary>The settings of the database a tenant's content lives in: the shared ones, or the same roles on its own database.</summary>
    public DatabaseOptions For(TenantInfo? tenant) =>
        tenant is { DataPlacement: DataPlacement.Dedicated } && DedicatedOffered ? Dedicated(tenant.Id) : _shared;

    /// <summary>The same roles on the tenant's own database, each pool bounded and closing idle connections.</summary>
    public DatabaseOptions Dedicated(Guid tenantId) => _dedicated.GetOrAdd(tenantId, id =>
    {
        var database = DatabaseName(id);
        return new DatabaseOptions
        {
            Provider = _shared.Provider,
            ConnectionString = OnDatabase(_shared.ConnectionString, database)!,
            MigrationConnectionString = OnDatabase(_shared.MigrationConnectionString, database),
            PlatformConnectionString = OnDatabase(_shared.PlatformConnectionString, database),
            MigrateOnStartup = _shared.MigrateOnStartup,
            DedicatedDatabasePrefix = _shared.DedicatedDatabasePrefix,
            DedicatedPoolSize = _shared.DedicatedPoolSize,
        };
    });

    /// <summary>Dedicated tenants in the registry (none on SQLite): the hosts migrate their databases and deliver their outboxes.</summary>
    public async ValueTask<IReadOnlyList<TenantInfo>> ListDedicatedAsync(CancellationToken cancellationToken) =>
        DedicatedOffered ? await _services.GetRequiredService<ITenantStore>().ListDedicatedAsync(cancellationToken) : [];

    /// <summary>
    /// Creates the tenant's database when it is missing, then migrates every tenant-placed module in it and, under row-level
    /// security, installs the same policies as in the shared database. Safe to repeat and to run on several hosts at once.
    /// </summary>
    public async Task PrepareAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        if (!DedicatedOffered)
        {
            throw new InvalidOperationException("A dedicated database needs PostgreSQL.");
        }

        await CreateAsync(tenantId, cancellationToken);
        var options = Dedicated(tenantId);
        var modules = TenantPlacedModules;
        await using var migrationLock = await MigrationLock.AcquireAsync(options, cancellationToken);
        foreach (var module in modules)
        {
            await module.MigrateAsync(_services, options, tenantId, cancellationToken);
        }

        if (options.RowLevelSecurity)
        {
            await RowSecurity.InstallAsync(_services, options, modules, sharedByDesign: [], cancellationToken);
        }
    }

    /// <summary>Drops the tenant's database, closing this host's connections to it first and any other host's with <c>FORCE</c>.</summary>
    public async Task DropAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var options = Dedicated(tenantId);
        foreach (var connectionString in new[] { options.ConnectionString, options.MigrationConnectionString, options.PlatformConnectionString }.OfType<string>())
        {
            await using var pooled = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var server = await OpenServerAsync(cancellationToken);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {RowSecurity.Quote(DatabaseName(tenantId))} WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync(cancellationToken);
        _dedicated.TryRemove(tenantId, out _);
    }

    /// <summary>Whether the tenant's database exists on the server.</summary>
    public async Task<bool> ExistsAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var server = await OpenServerAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT FROM pg_database WHERE datname = @name)", server);
        exists.Parameters.AddWithValue("name", DatabaseName(tenantId));
        return (bool)(await exists.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task CreateAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        if (await ExistsAsync(tenantId, cancellationToken))
        {
            return;
        }

        // CREATE DATABASE runs outside a transaction, so two hosts may race: the loser's "already exists" is success.
        await using var server = await OpenServerAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {RowSecurity.Quote(DatabaseName(tenantId))}", server);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exists) when (exists.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
        }
    }

    /// <summary>The owner's connection to the shared database: the role that owns the schemas creates and drops tenants' databases (it needs CREATEDB).</summary>
    private async Task<NpgsqlConnection> OpenServerAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_shared.MigrationConnection) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private string? OnDatabase(string? connectionString, string database) => connectionString is null ? null
        : new NpgsqlConnectionStringBuilder(connectionString)
        {
            Database = database,
            MaxPoolSize = _shared.DedicatedPoolSize,
            MinPoolSize = 0,
            ConnectionIdleLifetime = (int)IdleConnectionLifetime.TotalSeconds,
        }.ConnectionString;

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,29}$")]
    private static partial Regex PrefixPattern();
}

/// <summary>
/// Points a scope's tenant-placed contexts at one dedicated tenant's database, for the system's own work there (the outbox
/// dispatcher, migrations). Set before the first context of the scope is resolved; a request's tenant needs no target.
/// </summary>
public sealed class DatabaseTarget
{
    public Guid? DedicatedTenantId { get; private set; }

    public void Use(Guid tenantId) =>
        DedicatedTenantId = DedicatedTenantId is null || DedicatedTenantId == tenantId ? tenantId
            : throw new InvalidOperationException("A scope's database target cannot change once set; open a new scope instead.");
}
