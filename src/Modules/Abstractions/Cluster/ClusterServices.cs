using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;

namespace NucleusCloud.Modules.Abstractions.Cluster;

public static class ClusterServices
{
    /// <summary>
    /// Cluster news — through Redis when <c>Redis:Configuration</c> is set, else through the database where it can carry them — and
    /// the output cache's evictions made cluster-wide with it. Call after the modules' services
    /// (the output cache's store is theirs to add).
    /// </summary>
    public static IServiceCollection AddClusterSignals(this IServiceCollection services, IConfiguration configuration)
    {
        var database = ModuleDatabase.Read(configuration);
        if (configuration["Redis:Configuration"] is { Length: > 0 } redis)
        {
            services.AddSingleton<IClusterSignals>(sp => new RedisClusterSignals(redis, sp.GetRequiredService<ILogger<RedisClusterSignals>>()));
        }
        else if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddSingleton(sp => new PostgresClusterSignals(database.ConnectionString, sp.GetRequiredService<ILogger<PostgresClusterSignals>>()));
            services.AddSingleton<IClusterSignals>(sp => sp.GetRequiredService<PostgresClusterSignals>());
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<PostgresClusterSignals>());
        }
        else
        {
            // SQLite has one host. SQL Server has no notifications: deploy/README.md says what several hosts on it share without Redis.
            services.AddSingleton<IClusterSignals, SingleHostSignals>();
        }

        services.AddSingleton<ClusterBudgets>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterBudgets>());

        var store = services.LastOrDefault(d => d.ServiceType == typeof(IOutputCacheStore))
            ?? throw new InvalidOperationException("No output cache store is registered: add the modules' services first.");
        services.Remove(store);
        services.AddSingleton<IOutputCacheStore>(sp => new ClusterOutputCacheStore(Resolve(sp, store), sp.GetRequiredService<IClusterSignals>(), sp.GetServices<IShowcaseChangedElsewhere>()));
        return services;
    }

    private static IOutputCacheStore Resolve(IServiceProvider sp, ServiceDescriptor descriptor) => (IOutputCacheStore)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!));
}
