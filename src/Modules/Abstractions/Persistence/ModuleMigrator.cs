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

    Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <param name="ownerConnectionString">Under row-level security, the owner role's connection; otherwise the context's own.</param>
internal sealed class ModuleMigrator<TContext>(string schema, string? ownerConnectionString) : IModuleMigrator
    where TContext : DbContext
{
    public string Schema => schema;

    public Type ContextType => typeof(TContext);

    public async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        if (ownerConnectionString is not null)
        {
            context.Database.SetConnectionString(ownerConnectionString);
        }

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
