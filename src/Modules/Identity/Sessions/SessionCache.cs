using Microsoft.Extensions.Caching.Memory;
using NucleusCloud.Modules.Abstractions.Cluster;

namespace NucleusCloud.Modules.Identity.Sessions;

/// <summary>
/// What <see cref="SessionCheck"/> read of an account's security stamp and of a refresh family's revocation, kept a minute at most
/// on each host, and forgotten on every host when a sign-in is revoked on one (<see cref="IClusterSignals"/>), so the revocation
/// takes effect everywhere on the next request. Where hosts cannot be told (SQL Server), or while a host's listener is cut, what
/// they read lasts its minute.
/// </summary>
internal sealed class SessionCache
{
    private static readonly TimeSpan ReadEvery = TimeSpan.FromMinutes(1);
    private const string UserTopic = "identity.session-user";
    private const string FamilyTopic = "identity.session-family";
    private readonly IMemoryCache _cache;
    private readonly IClusterSignals _signals;

    public SessionCache(IMemoryCache cache, IClusterSignals signals)
    {
        _cache = cache;
        _signals = signals;
        signals.Subscribe(new ClusterTopic(UserTopic, user => Remove(StampKey(Guid.Parse(user))), () => Task.CompletedTask));
        signals.Subscribe(new ClusterTopic(FamilyTopic, family => Remove(FamilyKey(Guid.Parse(family))), () => Task.CompletedTask));
    }

    public Task<string?> StampAsync(Guid userId, Func<Task<string?>> read) => ReadAsync(StampKey(userId), read);

    public Task<bool> FamilyRevokedAsync(Guid familyId, Func<Task<bool>> read) => ReadAsync(FamilyKey(familyId), read);

    public Task ForgetUserAsync(Guid userId)
    {
        _cache.Remove(StampKey(userId));
        return _signals.PublishAsync(UserTopic, userId.ToString("N"));
    }

    public Task ForgetFamilyAsync(Guid familyId)
    {
        _cache.Remove(FamilyKey(familyId));
        return _signals.PublishAsync(FamilyTopic, familyId.ToString("N"));
    }

    private async Task<T> ReadAsync<T>(string key, Func<Task<T>> read) =>
        (await _cache.GetOrCreateAsync(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = ReadEvery;
            return read();
        }))!;

    private static string StampKey(Guid userId) => $"session-stamp:{userId:N}";

    private static string FamilyKey(Guid familyId) => $"session-family:{familyId:N}";

    private Task Remove(string key)
    {
        _cache.Remove(key);
        return Task.CompletedTask;
    }
}
