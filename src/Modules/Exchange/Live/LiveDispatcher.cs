using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>
/// Sends this host's live connections what the backplane announces. Stored events go out in
/// sequence order per space: on each notice the dispatcher reads, under the space's lock, every
/// event after the last one it sent, so a late or lost notice never reorders or drops one.
/// </summary>
internal sealed partial class LiveDispatcher(IHubContext<ExchangeHub> hub, ITenantScopeFactory scopes, LiveConnections connections, LiveStandings standings, PresenceWriter presence,
    ILogger<LiveDispatcher> logger)
{
    public const string EventMethod = "spaceEvent";
    public const string RevokedMethod = "spaceRevoked";
    public const string HostStoppingMethod = "hostStopping";
    private readonly ConcurrentDictionary<Guid, Feed> _feeds = new();

    /// <summary>
    /// A connection of this host joined the space's group: returns the last sequence this host's connections of the space were
    /// sent (read once, through <paramref name="readLast"/>, when no connection here watched it yet). Read under the space's lock,
    /// so every later event reaches the new connection live, and every earlier one is its to read from the log.
    /// </summary>
    public async Task<long> WatchAsync(Guid spaceId, Func<Task<long>> readLast)
    {
        var feed = _feeds.GetOrAdd(spaceId, _ => new Feed());
        await feed.Gate.WaitAsync();
        try
        {
            if (feed.Sent < 0)
            {
                feed.Sent = await readLast();
            }

            return feed.Sent;
        }
        finally
        {
            feed.Gate.Release();
        }
    }

    public void Stored(Guid spaceId, long lastSequence) =>
        _ = Task.Run(() => DeliverAsync(spaceId, lastSequence));

    private async Task DeliverAsync(Guid spaceId, long lastSequence)
    {
        var feed = _feeds.GetOrAdd(spaceId, _ => new Feed());
        await feed.Gate.WaitAsync();
        try
        {
            if (!connections.AnyIn(spaceId))
            {
                // Nobody here listens: whoever joins later reads the log itself.
                feed.Sent = Math.Max(feed.Sent, lastSequence);
                return;
            }

            if (feed.Sent < 0)
            {
                feed.Sent = lastSequence - 1;
            }

            await using var scope = scopes.CreatePlatformScope();
            var log = scope.ServiceProvider.GetRequiredService<SpaceEventLog>();
            while (feed.Sent < lastSequence)
            {
                var events = await log.ReadAfterAsync(spaceId, feed.Sent, SpaceEventLog.PageSize, CancellationToken.None);
                if (events.Count == 0)
                {
                    break;
                }

                foreach (var message in events)
                {
                    await hub.Clients.Group(LiveConnections.Group(spaceId)).SendAsync(EventMethod, message);
                    feed.Sent = message.Sequence!.Value;
                }
            }
        }
        catch (Exception failure)
        {
            LogDeliveryFailed(failure, spaceId);
        }
        finally
        {
            feed.Gate.Release();
        }
    }

    /// <summary>Tells every connection of this host that the host is stopping (<see cref="HostStopping"/>).</summary>
    public Task HostStoppingAsync(CancellationToken cancellationToken) => hub.Clients.All.SendAsync(HostStoppingMethod, cancellationToken);

    public Task EphemeralAsync(SpaceEventMessage message) =>
        connections.AnyIn(message.SpaceId)
            ? hub.Clients.Group(LiveConnections.Group(message.SpaceId)).SendAsync(EventMethod, message)
            : Task.CompletedTask;

    /// <summary>Drops this host's connections of the tenant's user (or of all its users) from the space, at once; a join is checked again.</summary>
    public Task RevokeAsync(Guid spaceId, Guid tenantId, Guid? userId)
    {
        standings.Forget(spaceId);
        return DropAsync(spaceId, connections.Matching(spaceId, tenantId, userId));
    }

    /// <summary>Drops these connections of this host from the space and tells each of them.</summary>
    public async Task DropAsync(Guid spaceId, IReadOnlyList<string> revoked)
    {
        try
        {
            if (revoked.Count == 0)
            {
                return;
            }

            foreach (var connectionId in revoked)
            {
                await hub.Groups.RemoveFromGroupAsync(connectionId, LiveConnections.Group(spaceId));
                connections.Left(connectionId, spaceId);
                presence.Left(connectionId);
                await hub.Clients.Client(connectionId).SendAsync(RevokedMethod, new { spaceId });
            }
        }
        catch (Exception failure)
        {
            LogDeliveryFailed(failure, spaceId);
        }
    }

    private sealed class Feed
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>The last sequence sent to this host's connections; -1 until known.</summary>
        public long Sent { get; set; } = -1;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Live delivery failed for space {SpaceId}.")]
    private partial void LogDeliveryFailed(Exception failure, Guid spaceId);
}
