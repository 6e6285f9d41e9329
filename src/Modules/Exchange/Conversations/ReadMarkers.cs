using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Modules.Exchange.Spaces;

namespace NucleusCloud.Modules.Exchange.Conversations;

/// <summary>
/// Unread posts per delegate: opening a channel marks it read; a channel's unread posts are those written since by someone else, not deleted
/// or hidden, and within the history the member may read. A channel never opened counts everything in that history.
/// </summary>
internal sealed class ReadMarkers(ExchangeDbContext db, ActingMember acting, TimeProvider clock) : IReadMarkers
{
    public async Task<Outcome<DateTimeOffset?>> MarkReadAsync(ClaimsPrincipal caller, Guid spaceId, Guid channelId, CancellationToken cancellationToken = default)
    {
        var standing = await acting.StandingAsync(caller, spaceId, SpaceRequirement.TakePart, cancellationToken);
        if (standing.Value is not { } s)
        {
            return standing.Refusal!;
        }

        if (!await db.Channels.AnyAsync(c => c.Id == channelId && c.SpaceId == spaceId, cancellationToken))
        {
            return Refusal.NotFound("Channel");
        }

        var userId = s.Delegate!.UserId;
        var read = await db.ChannelReads.FirstOrDefaultAsync(r => r.ChannelId == channelId && r.UserId == userId, cancellationToken);
        var before = read?.ReadAt;
        if (read is null)
        {
            db.ChannelReads.Add(new ChannelRead { ChannelId = channelId, UserId = userId, TenantId = s.Member!.TenantId, SpaceId = spaceId, ReadAt = clock.GetUtcNow() });
        }
        else
        {
            read.ReadAt = clock.GetUtcNow();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two tabs opened the channel at once: the other one's mark stands, and is as good.
            db.ChangeTracker.Clear();
        }

        return before;
    }

    public async Task<Outcome<IReadOnlyList<UnreadCount>>> UnreadAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        var actor = await acting.ResolveAsync(caller, cancellationToken);
        if (actor.Value is not { } me)
        {
            return actor.Refusal!;
        }

        var (tenantId, userId) = (me.Tenant.Id, me.UserId);
        // The spaces the caller takes part in, with where its history starts in each.
        var spaces = await db.Delegates.AsNoTracking().Where(d => d.TenantId == tenantId && d.UserId == userId)
            .Join(db.Members.Where(m => m.TenantId == tenantId && m.Status == MemberStatus.Active), d => d.SpaceId, m => m.SpaceId, (d, m) => new { m.SpaceId, m.JoinedAt })
            .Join(db.Spaces, x => x.SpaceId, sp => sp.Id, (x, sp) => new { x.SpaceId, x.JoinedAt, sp.HistoryVisibleToNewMembers, sp.HostTenantId })
            .ToListAsync(cancellationToken);
        var ids = spaces.Select(x => x.SpaceId).ToList();
        var reads = await db.ChannelReads.AsNoTracking().Where(r => r.UserId == userId && ids.Contains(r.SpaceId)).ToDictionaryAsync(r => r.ChannelId, r => r.ReadAt, cancellationToken);
        var channels = await db.Channels.AsNoTracking().Where(c => ids.Contains(c.SpaceId)).Select(c => new { c.Id, c.SpaceId }).ToListAsync(cancellationToken);

        var counts = new List<UnreadCount>();
        foreach (var channel in channels)
        {
            var space = spaces.First(x => x.SpaceId == channel.SpaceId);
            var since = reads.TryGetValue(channel.Id, out var readAt) ? readAt
                : space.HistoryVisibleToNewMembers || space.HostTenantId == tenantId ? DateTimeOffset.MinValue : space.JoinedAt ?? DateTimeOffset.MaxValue;
            var unread = await db.Posts.CountAsync(p => p.ChannelId == channel.Id && p.CreatedAt > since && p.AuthorUserId != userId && p.DeletedAt == null && p.HiddenAt == null,
                cancellationToken);
            if (unread > 0)
            {
                counts.Add(new UnreadCount(channel.SpaceId, channel.Id, unread));
            }
        }

        return counts;
    }
}
