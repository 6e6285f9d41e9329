using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NucleusCloud.Modules.Abstractions.Persistence;

/// <summary>Applies one module's migrations; the Host runs every registered migrator at start-up.</summary>
public interface IModuleMigrator
{
    string Schema { get; }

    /// <summary>The module's DbContext service type.</summary>
    Type ContextType { get; }

    /// <summary>Whether the module's rows live in a dedicated tenant's own database (see <see cref="TenantDatabases"/>).</summary>
    bool FollowsTenantPlacement { get; }

    /// <summary>Migrates the database <paramref name="database"/> names (as its owner under row-level security): the shared one, or <paramref name="dedicatedTenantId"/>'s own.</summary>
    Task MigrateAsync(IServiceProvider services, DatabaseOptions database, Guid? dedicatedTenantId, CancellationToken cancellationToken);
}

internal sealed class ModuleMigrator<TContext>(string schema, bool followsTenantPlacement) : IModuleMigrator
    where TContext : DbContext
{
    public string Schema => schema;

    public Type ContextType => typeof(TContext);

    public bool FollowsTenantPlacement => followsTenantPlacement;

    public async Task MigrateAsync(IServiceProvider services, DatabaseOptions database, Guid? dedicatedTenantId, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        if (dedicatedTenantId is { } tenantId)
        {
            scope.ServiceProvider.GetRequiredService<DatabaseTarget>().Use(tenantId);
        }

        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        context.Database.SetConnectionString(database.MigrationConnection);

        // EF Core takes a database-wide lock for the duration, so concurrent hosts wait rather than collide.
        await context.Database.MigrateAsync(cancellationToken);
    }
}

/// <summary>Readiness: the database answers and this module has no pending migration.</summary>
internal sealed class MigrationsAppliedCheck<TContext>(TContext context) : IHealthCheck
    where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext healthContext, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await context.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }

            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied.");
        }
#pragma warning disable CA1031 // A readiness probe reports every failure rather than throwing.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The database check failed.", exception);
        }
    }
}
