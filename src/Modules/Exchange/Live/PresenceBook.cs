using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Data;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>Who is online in a space, across hosts (the shared presence table).</summary>
internal sealed class PresenceBook(ExchangeDbContext db, LiveConnections connections, TimeProvider clock)
{
    /// <summary>A row not refreshed for this long belongs to a host that stopped.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(2);

    public async Task AddAsync(string connectionId, Guid spaceId, LiveParticipant participant, CancellationToken cancellationToken)
    {
        if (await db.Presence.AnyAsync(p => p.ConnectionId == connectionId && p.SpaceId == spaceId, cancellationToken))
        {
            return;
        }

        await db.Presence.Where(p => p.ConnectionId == connectionId).ExecuteDeleteAsync(cancellationToken);
        db.Presence.Add(new PresenceEntry
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
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task RemoveAsync(string connectionId, CancellationToken cancellationToken) =>
        db.Presence.Where(p => p.ConnectionId == connectionId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>At most this many people are listed as online (a space of thousands shows the first of them).</summary>
    public const int ListedOnline = 200;

    public async Task<IReadOnlyList<OnlineUserDto>> OnlineAsync(Guid spaceId, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - Freshness;
        // Distinct people, in SQL: a space with thousands of connections must not ship every row to each joiner.
        var rows = await db.Presence.AsNoTracking().Where(p => p.SpaceId == spaceId && p.SeenAt > since)
            .Select(p => new { p.UserId, p.DisplayName, p.TenantId, p.TenantName }).Distinct()
            .OrderBy(p => p.DisplayName).Take(ListedOnline).ToListAsync(cancellationToken);
        return [.. rows.DistinctBy(u => u.UserId).Select(u => new OnlineUserDto(u.UserId, u.DisplayName, u.TenantId, u.TenantName))];
    }

    public async Task<bool> IsOnlineAsync(Guid spaceId, Guid userId, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - Freshness;
        return await db.Presence.AnyAsync(p => p.SpaceId == spaceId && p.UserId == userId && p.SeenAt > since, cancellationToken);
    }

    /// <summary>Keeps this host's rows fresh and drops rows of hosts that stopped.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Presence.Where(p => p.HostId == connections.HostId).ExecuteUpdateAsync(p => p.SetProperty(e => e.SeenAt, now), cancellationToken);
        var stale = now - (Freshness * 5);
        await db.Presence.Where(p => p.SeenAt < stale).ExecuteDeleteAsync(cancellationToken);
    }
}
