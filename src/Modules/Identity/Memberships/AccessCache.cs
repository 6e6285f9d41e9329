using Microsoft.Extensions.Caching.Memory;
using NucleusCloud.Modules.Abstractions.Caching;
using NucleusCloud.Modules.Abstractions.Cluster;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.Memberships;

/// <summary>
/// What <see cref="MembershipChecker"/> read of a tenant's memberships and sign-in rules, kept a minute at most on each host, so a
/// member's every request does not ask the database who they are. Any saved change to a tenant's memberships or rules
/// (<see cref="AccessChanges"/>) forgets the whole tenant here at once and on every other host as the news arrives
/// (<see cref="IClusterSignals"/>); a host that may have missed news forgets everything. Where hosts cannot be told (SQL
/// Server), another host's copy lasts its minute — as signed-out sessions do (<see cref="Sessions.SessionCache"/>).
/// Refusals are not kept: someone just invited is let in at once.
/// </summary>
internal sealed class AccessCache
{
    private static readonly TimeSpan ReadEvery = TimeSpan.FromMinutes(1);
    private const string Topic = "identity.tenant-access";
    private readonly IMemoryCache _cache;
    private readonly IClusterSignals _signals;

    private readonly CacheGenerations<Guid> _generations = new();

    public AccessCache(IMemoryCache cache, IClusterSignals signals)
    {
        _cache = cache;
        _signals = signals;
        signals.Subscribe(new ClusterTopic(Topic, tenant => Forget(Guid.Parse(tenant)), () =>
        {
            _generations.ForgetEverything();
            return Task.CompletedTask;
        }));
    }

    public Task<(TenantRole Role, Guid? PartnerId)?> MembershipAsync(Guid tenantId, Guid userId, Func<Task<(TenantRole Role, Guid? PartnerId)?>> read) =>
        ReadAsync($"access:member:{tenantId:N}:{userId:N}", tenantId, read, keep: found => found is not null);

    public Task<(bool TwoFactorForAdmins, bool SingleSignOn)> RulesAsync(Guid tenantId, Func<Task<(bool TwoFactorForAdmins, bool SingleSignOn)>> read) =>
        ReadAsync($"access:rules:{tenantId:N}", tenantId, read, keep: _ => true);

    /// <summary>After a tenant's memberships or rules changed: forgotten here now, and on the other hosts as the news arrives.</summary>
    public Task ChangedAsync(Guid tenantId)
    {
        Forget(tenantId);
        return _signals.PublishAsync(Topic, tenantId.ToString("N"));
    }

    private async Task<T> ReadAsync<T>(string key, Guid tenantId, Func<Task<T>> read, Func<T, bool> keep)
    {
        // Kept under the tenant's generation as the read begins: a change saved meanwhile is never followed by what it found.
        var versioned = _generations.Key(key, tenantId);
        if (_cache.TryGetValue(versioned, out T? known))
        {
            return known!;
        }

        var found = await read();
        if (keep(found))
        {
            _cache.Set(versioned, found, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = ReadEvery, Size = 1 });
        }

        return found;
    }

    private Task Forget(Guid tenantId)
    {
        _generations.Forget(tenantId);
        return Task.CompletedTask;
    }
}
