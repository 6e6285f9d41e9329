using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace NucleusCloud.Modules.Abstractions.Persistence.RowLevelSecurity;

/// <summary>
/// A module's context for the few reads that span tenants (<c>CrossTenant.Query</c>). Under row-level
/// security it is a separate context on the platform role's connection, which may read every tenant's
/// rows and write none (it has no such grant), and tracks nothing; otherwise it is the scope's own.
/// </summary>
public sealed class CrossTenantReads<TContext> : IAsyncDisposable
    where TContext : DbContext
{
    private readonly bool _owned;

    internal CrossTenantReads(TContext context, bool owned) => (Context, _owned) = (context, owned);

    public TContext Context { get; }

    public ValueTask DisposeAsync() => _owned ? Context.DisposeAsync() : ValueTask.CompletedTask;
}

internal static class CrossTenantReadsRegistration
{
    public static void AddCrossTenantReads<TContext, TPostgres>(this IServiceCollection services, DatabaseOptions options, string schema)
        where TContext : DbContext
        where TPostgres : TContext
    {
        if (!options.RowLevelSecurity)
        {
            services.AddScoped(sp => new CrossTenantReads<TContext>(sp.GetRequiredService<TContext>(), owned: false));
            return;
        }

        // Built once: the platform role reads through its own policy, so the context needs no tenant session.
        var platformOptions = ModuleDatabase.UsePostgres(new DbContextOptionsBuilder<TPostgres>(), options.PlatformConnectionString!, schema)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options;
        services.AddScoped(sp => new CrossTenantReads<TContext>(ActivatorUtilities.CreateInstance<TPostgres>(sp, platformOptions), owned: true));
    }
}
