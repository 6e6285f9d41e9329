using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Cluster;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Modules.Platform.Data;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Platform.Tenants;

/// <summary>
/// Answers tenant look-ups for every request from memory. A change made through this host
/// invalidates at once (the generation moves on), and tells the other hosts, which do the same (<see cref="IClusterSignals"/>;
/// a suspension reaches every host at once). Where hosts cannot be told (SQL Server), they see it within <see cref="Lifetime"/>.
/// Misses are cached too, so unknown slugs and unmapped host names cost no query per request. Billing that makes
/// the tenant read-only is part of the answer (Stripe's events invalidate it too).
/// </summary>
internal sealed class CachedTenantStore : ITenantStore
{
    internal static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const string Topic = "platform.tenants-changed";
    private readonly IServiceScopeFactory _scopes;
    private readonly IMemoryCache _cache;
    private readonly IClusterSignals _signals;
    private long _generation;

    public CachedTenantStore(IServiceScopeFactory scopes, IMemoryCache cache, IClusterSignals signals)
    {
        _scopes = scopes;
        _cache = cache;
        _signals = signals;
        signals.Subscribe(new ClusterTopic(Topic, _ => ForgetAll(), ForgetAll));
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _ = _signals.PublishAsync(Topic, ""); // never throws; the caller's change is made, the others' caches follow
    }

    private Task ForgetAll()
    {
        Interlocked.Increment(ref _generation);
        return Task.CompletedTask;
    }

    public ValueTask<TenantInfo?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        var normalised = slug.ToLowerInvariant();
        return FindAsync("slug", normalised, t => t.Slug == normalised, cancellationToken);
    }

    public ValueTask<TenantInfo?> FindByHostAsync(string hostName, CancellationToken cancellationToken = default)
    {
        var host = hostName.ToLowerInvariant();
        return FindAsync("host", host, t => t.HostNames.Any(h => h.HostName == host), cancellationToken);
    }

    public ValueTask<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
        FindAsync("id", id.ToString(), t => t.Id == id, cancellationToken);

    public async ValueTask<IReadOnlyList<TenantInfo>> ListDedicatedAsync(CancellationToken cancellationToken = default)
    {
        var cacheKey = $"platform:tenants:{Volatile.Read(ref _generation)}:dedicated";
        if (_cache.TryGetValue(cacheKey, out IReadOnlyList<TenantInfo>? cached))
        {
            return cached!;
        }

        await using var scope = _scopes.CreateAsyncScope();
        var dedicated = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Tenants.AsNoTracking().Include(t => t.HostNames)
            .Where(t => t.DataPlacement == DataPlacement.Dedicated).OrderBy(t => t.Slug).ToListAsync(cancellationToken);
        IReadOnlyList<TenantInfo> infos = [.. dedicated.Select(t => t.ToInfo())];
        _cache.Set(cacheKey, infos, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        return infos;
    }

    /// <summary>From when unpaid billing makes the tenant read-only: the end of its subscription, or of its grace period.</summary>
    private static async Task<DateTimeOffset?> ReadOnlyFromAsync(PlatformDbContext db, Guid tenantId, CancellationToken cancellationToken) =>
        await db.Billing.AsNoTracking().Where(b => b.TenantId == tenantId).FirstOrDefaultAsync(cancellationToken) switch
        {
            { Standing: BillingStanding.Canceled } billing => billing.StandingAt ?? billing.UpdatedAt,
            { Standing: BillingStanding.PastDue, GraceEndsAt: { } graceEnds } => graceEnds,
            _ => null,
        };

    private async ValueTask<TenantInfo?> FindAsync(string kind, string key, System.Linq.Expressions.Expression<Func<Tenant, bool>> match, CancellationToken cancellationToken)
    {
        var cacheKey = $"platform:tenant:{Volatile.Read(ref _generation)}:{kind}:{key}";
        if (_cache.TryGetValue(cacheKey, out TenantInfo? cached))
        {
            return cached;
        }

        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var tenant = await db.Tenants.AsNoTracking().Include(t => t.HostNames).FirstOrDefaultAsync(match, cancellationToken);
        var info = tenant is null ? null : tenant.ToInfo() with { ReadOnlyFrom = await ReadOnlyFromAsync(db, tenant.Id, cancellationToken) };
        _cache.Set(cacheKey, info, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        return info;
    }
}
