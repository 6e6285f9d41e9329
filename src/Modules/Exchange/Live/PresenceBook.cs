using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Data;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>
/// Who is online in a space, across hosts: this host's own people from its connections, the other hosts' from the shared
/// presence table, read at most once a second per space (so thousands of joins in a second ask the database once).
/// </summary>
internal sealed class PresenceBook(IServiceProvider services, LiveConnections connections, PresenceWriter writer, IMemoryCache cache, TimeProvider clock)
{
    /// <summary>A row not refreshed for this long belongs to a host that stopped.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(2);

    /// <summary>How long a host reuses what it read of the other hosts' presence in a space.</summary>
    public static readonly TimeSpan ElsewhereLifetime = TimeSpan.FromSeconds(1);

    /// <summary>Reached for only when the database is read (a join mostly finds what it needs in memory).</summary>
    private ExchangeDbContext Db => services.GetRequiredService<ExchangeDbContext>();

    /// <summary>At most this many people are listed as online (a space of thousands shows the first of them).</summary>
    public const int ListedOnline = 200;

    public Task AddAsync(string connectionId, Guid spaceId, LiveParticipant participant) => writer.JoinedAsync(new PresenceEntry
    {
        ConnectionId = connectionId,
        SpaceId = spaceId,
        UserId = participant.UserId,
        TenantId = participant.TenantId,
        DisplayName = participant.DisplayName,
        TenantName = participant.TenantName,
        HostId = connections.HostId,
        SeenAt = clock.GetUtcNow(),
    });

    public void Remove(string connectionId) => writer.Left(connectionId);

    public async Task<IReadOnlyList<OnlineUserDto>> OnlineAsync(Guid spaceId, CancellationToken cancellationToken)
    {
        // Each source lists a person once and in name order, so the first of the whole are among the first of each.
        var here = connections.People(spaceId, ListedOnline).Select(p => new OnlineUserDto(p.UserId, p.DisplayName, p.TenantId, p.TenantName));
        var elsewhere = (await ElsewhereAsync(spaceId, cancellationToken)).Take(ListedOnline);
        return [.. here.Concat(elsewhere).DistinctBy(u => u.UserId).OrderBy(u => u.DisplayName, StringComparer.Ordinal).ThenBy(u => u.UserId).Take(ListedOnline)];
    }

    public async Task<bool> IsOnlineAsync(Guid spaceId, Guid userId, CancellationToken cancellationToken) =>
        connections.StillIn(spaceId, userId) || (await ElsewhereAsync(spaceId, cancellationToken)).Any(u => u.UserId == userId);

    /// <summary>The people online in the space through other hosts, each once (in SQL: a space of thousands ships each person once), by name.</summary>
    private async Task<IReadOnlyList<OnlineUserDto>> ElsewhereAsync(Guid spaceId, CancellationToken cancellationToken)
    {
        var key = $"exchange:live:elsewhere:{spaceId:N}";
        if (cache.TryGetValue(key, out IReadOnlyList<OnlineUserDto>? known))
        {
            return known!;
        }

        var since = clock.GetUtcNow() - Freshness;
        var rows = await Db.Presence.AsNoTracking().Where(p => p.SpaceId == spaceId && p.HostId != connections.HostId && p.SeenAt > since)
            .Select(p => new { p.UserId, p.DisplayName, p.TenantId, p.TenantName }).Distinct().ToListAsync(cancellationToken);
        IReadOnlyList<OnlineUserDto> people = [.. rows.DistinctBy(u => u.UserId).OrderBy(u => u.DisplayName, StringComparer.Ordinal).ThenBy(u => u.UserId)
            .Select(u => new OnlineUserDto(u.UserId, u.DisplayName, u.TenantId, u.TenantName))];
        cache.Set(key, people, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = ElsewhereLifetime, Size = 1 });
        return people;
    }

    /// <summary>Keeps this host's rows fresh and drops rows of hosts that stopped.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await Db.Presence.Where(p => p.HostId == connections.HostId).ExecuteUpdateAsync(p => p.SetProperty(e => e.SeenAt, now), cancellationToken);
        var stale = now - (Freshness * 5);
        await Db.Presence.Where(p => p.SeenAt < stale).ExecuteDeleteAsync(cancellationToken);
    }
}
