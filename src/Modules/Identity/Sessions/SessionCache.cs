using Microsoft.Extensions.Caching.Memory;
using NucleusCloud.Modules.Abstractions.Caching;
using NucleusCloud.Modules.Abstractions.Cluster;

namespace NucleusCloud.Modules.Identity.Sessions;

/// <summary>
/// What <see cref="SessionCheck"/> read of an account's security stamp and of a refresh family's revocation, kept a minute at most
/// on each host, and forgotten on every host when a sign-in is revoked on one (<see cref="IClusterSignals"/>), so the revocation
/// takes effect everywhere on the next request; a host that may have missed such news forgets everything. Where hosts cannot be
/// told (SQL Server), what they read lasts its minute.
/// </summary>
internal sealed class SessionCache
{
    private static readonly TimeSpan ReadEvery = TimeSpan.FromMinutes(1);
    private const string UserTopic = "identity.session-user";
    private const string FamilyTopic = "identity.session-family";
    private readonly IMemoryCache _cache;
    private readonly IClusterSignals _signals;
    private readonly CacheGenerations<Guid> _generations = new();
    // Forgettings made here or heard from another host.
    private readonly Forgettings _forgettings = new();

    public SessionCache(IMemoryCache cache, IClusterSignals signals)
    {
        _cache = cache;
        _signals = signals;
        signals.Subscribe(new ClusterTopic(UserTopic, user => Heard(StampKey(Guid.Parse(user))), ForgetEverything));
        signals.Subscribe(new ClusterTopic(FamilyTopic, family => Heard(FamilyKey(Guid.Parse(family))), ForgetEverything));
    }

    public Task<string?> StampAsync(Guid userId, Func<Task<string?>> read) => ReadAsync(StampKey(userId), read);

    public Task<bool> FamilyRevokedAsync(Guid familyId, Func<Task<bool>> read) => ReadAsync(FamilyKey(familyId), read);

    public Task ForgetUserAsync(Guid userId)
    {
        Remove(StampKey(userId));
        return _signals.PublishAsync(UserTopic, userId.ToString("N"));
    }

    public Task ForgetFamilyAsync(Guid familyId)
    {
        Remove(FamilyKey(familyId));
        return _signals.PublishAsync(FamilyTopic, familyId.ToString("N"));
    }

    private async Task<T> ReadAsync<T>(string key, Func<Task<T>> read)
    {
        if (_cache.TryGetValue(key, out T? known))
        {
            return known!;
        }

        var mark = _forgettings.Mark();
        var value = await read();
        if (_forgettings.NoneSince(mark))
        {
            _cache.Set(key, value, ReadEvery);
        }

        return value;
    }

    private string StampKey(Guid userId) => _generations.Key($"session-stamp:{userId:N}");

    private string FamilyKey(Guid familyId) => _generations.Key($"session-family:{familyId:N}");

    private void Remove(string key)
    {
        _forgettings.Count();
        _cache.Remove(key);
    }

    private Task Heard(string key)
    {
        Remove(key);
        return Task.CompletedTask;
    }

    private Task ForgetEverything()
    {
        _forgettings.Count();
        _generations.ForgetEverything();
        return Task.CompletedTask;
    }
}
