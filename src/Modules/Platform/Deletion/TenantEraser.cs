using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Export;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Abstractions.Storage;
using NucleusCloud.Modules.Platform.Billing;
using NucleusCloud.Modules.Platform.Data;
using NucleusCloud.Modules.Platform.Tenants;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Platform.Deletion;

/// <summary>
/// Erases a tenant whose deletion is due: its Stripe subscription ended first, then its own rows in its scope, its share of the exchange's shared tables as the system
/// (which their row-level policies let through), its files and exports, then its platform rows (billing, host names,
/// onboarding, the registry entry); a dedicated tenant's own database is dropped. Every step can run again, so a crash part-way is finished by the next sweep.
/// </summary>
internal sealed class TenantEraser(ITenantScopeFactory scopes, IFileStorage storage, CachedTenantStore store, TenantDatabases databases, ILogger<TenantEraser> logger)
{
    private const int MaxPasses = 10;

    public async Task EraseAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var tenant = await store.FindByIdAsync(tenantId, cancellationToken) ?? throw new InvalidOperationException($"Tenant {tenantId} is not in the registry.");
        string? cancelled;
        await using (var scope = scopes.CreatePlatformScope())
        {
            cancelled = await scope.ServiceProvider.GetRequiredService<SubscriptionCancellation>().CancelAsync(tenantId, cancellationToken);
        }

        long rows = 0;
        await using (var scope = scopes.CreateScope(tenant))
        {
            rows += await ErasePassesAsync(scope.ServiceProvider, tenantId, shared: false, cancellationToken);
        }

        await using (var scope = scopes.CreatePlatformScope())
        {
            rows += await ErasePassesAsync(scope.ServiceProvider, tenantId, shared: true, cancellationToken);
        }

        // Its own database goes whole, after its rows: a crash before the drop leaves an empty database for the next sweep to drop.
        if (tenant.DataPlacement == DataPlacement.Dedicated && databases.DedicatedOffered)
        {
            await databases.DropAsync(tenantId, cancellationToken);
        }

        var files = 0;
        await foreach (var key in storage.ListAsync(TenantFileKeys.PrefixOf(tenantId), cancellationToken))
        {
            await storage.DeleteAsync(key, cancellationToken);
            files++;
        }

        await using (var scope = scopes.CreatePlatformScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await db.Exports.Where(e => e.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
            await db.Onboardings.Where(o => o.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
            await db.Tenants.Where(t => t.Id == tenantId).ExecuteDeleteAsync(cancellationToken); // billing and host names go with it
            store.Invalidate();
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordPlatformAsync("tenant.deleted", tenantId.ToString(), new Dictionary<string, string?>
            {
                ["slug"] = tenant.Slug, ["rows"] = rows.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["files"] = files.ToString(System.Globalization.CultureInfo.InvariantCulture), ["stripeSubscriptionCancelled"] = cancelled,
            }, cancellationToken);
        }

        logger.LogInformation("Tenant {TenantId} erased: {Rows} rows, {Files} files", tenantId, rows, files);
    }

    private static async Task<long> ErasePassesAsync(IServiceProvider services, Guid tenantId, bool shared, CancellationToken cancellationToken)
    {
        long total = 0;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var (deleted, left) = (0, 0);
            foreach (var source in services.GetServices<ITenantDataSource>())
            {
                var (gone, remaining) = await source.EraseAsync(tenantId, shared, cancellationToken);
                (deleted, left) = (deleted + gone, left + remaining);
            }

            total += deleted;
            if (left == 0)
            {
                return total;
            }
        }

        throw new InvalidOperationException($"Rows of tenant {tenantId} are still referenced after {MaxPasses} passes; the erasure stops and is retried.");
    }
}

/// <summary>Erases the tenants whose deletion is due, every <c>Platform:Deletion:SweepSeconds</c>.</summary>
internal sealed class TenantDeletionSweeper(IServiceScopeFactory scopes, TenantEraser eraser, IConfiguration configuration, TimeProvider clock, ILogger<TenantDeletionSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Platform:Deletion:SweepSeconds", 60)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                List<Guid> due;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var now = clock.GetUtcNow();
                    due = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Tenants.AsNoTracking()
                        .Where(t => t.DeletionDueAt != null && t.DeletionDueAt <= now).Select(t => t.Id).ToListAsync(stoppingToken);
                }

                foreach (var tenantId in due)
                {
                    await eraser.EraseAsync(tenantId, stoppingToken);
                }

                await Task.Delay(every, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                logger.LogError(error, "A tenant's erasure failed; the next sweep tries again");
                await Task.Delay(every, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
