using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>
/// <c>/hubs/exchange</c>: live updates of the spaces a user takes part in. The URL names no tenant and
/// the client names no group: every method checks the caller's standing in the space on the server
/// first, and only then touches the group <c>space:{id}</c>.
/// Its reads run in the participant's tenant's scope, so the database's own policies hold for them too;
/// only the clean-up of a closed connection acts as the system.
/// </summary>
[Authorize(Policy = TenantPolicies.SignedIn)]
internal sealed class ExchangeHub(LiveMembership membership, LiveConnections connections, LiveDispatcher dispatcher, ILiveBackplane backplane, TypingBudget typing,
    ITenantScopeFactory scopes, TimeProvider clock) : Hub
{
    public const string Path = "/hubs/exchange";
    private static readonly TimeSpan TypingInterval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Joins the space's live group and returns every stored event after <paramref name="afterSequence"/>
    /// (a page of at most 1,000; <see cref="JoinResult.HasMore"/> says to ask <see cref="EventsAfter"/> for more).
    /// Live events may arrive while this call runs: clients apply each sequence once, in order.
    /// </summary>
    public async Task<JoinResult> JoinSpace(Guid spaceId, long afterSequence)
    {
        var cancellationToken = Context.ConnectionAborted;
        var participant = await membership.FindAsync(spaceId, Context.User!, cancellationToken)
            ?? throw new HubException("This space does not exist or you do not take part in it.");

        // Group first, then the log: an event committed in between is sent twice (clients skip the repeat), never lost.
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveConnections.Group(spaceId), cancellationToken);
        await using var scope = await scopes.CreateScopeAsync(participant.TenantId, cancellationToken);
        var presence = scope.ServiceProvider.GetRequiredService<PresenceBook>();
        var wasOnline = await presence.IsOnlineAsync(spaceId, participant.UserId, cancellationToken);
        connections.Joined(Context.ConnectionId, spaceId, participant, Context.User!);
        await presence.AddAsync(Context.ConnectionId, spaceId, participant);
        var last = await dispatcher.WatchAsync(spaceId, () =>
            scope.ServiceProvider.GetRequiredService<ExchangeDbContext>().Spaces.Where(s => s.Id == spaceId).Select(s => s.LastSequence).SingleAsync(cancellationToken));

        // A member that joined later reads the log from its joining on, unless the space shows its history. A client that
        // saw everything (a reconnect) has nothing to read.
        var after = Math.Max(afterSequence, participant.HistoryAfterSequence);
        IReadOnlyList<SpaceEventMessage> events = after >= last ? []
            : await scope.ServiceProvider.GetRequiredService<SpaceEventLog>().ReadAfterAsync(spaceId, after, SpaceEventLog.PageSize, cancellationToken);
        if (!wasOnline)
        {
            await backplane.BroadcastAsync(spaceId, LiveEventTypes.Presence, Presence(participant, online: true), cancellationToken);
        }

        return new JoinResult(events, events.Count == SpaceEventLog.PageSize, last, await presence.OnlineAsync(spaceId, cancellationToken));
    }

    /// <summary>The next page of stored events, for a connection that joined the space.</summary>
    public async Task<EventsPage> EventsAfter(Guid spaceId, long afterSequence)
    {
        var participant = connections.In(Context.ConnectionId, spaceId) ?? throw new HubException("Join the space first.");
        await using var scope = await scopes.CreateScopeAsync(participant.TenantId, Context.ConnectionAborted);
        var events = await scope.ServiceProvider.GetRequiredService<SpaceEventLog>().ReadAfterAsync(spaceId, Math.Max(afterSequence, participant.HistoryAfterSequence), SpaceEventLog.PageSize, Context.ConnectionAborted);
        return new EventsPage(events, events.Count == SpaceEventLog.PageSize);
    }

    public async Task LeaveSpace(Guid spaceId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveConnections.Group(spaceId));
        if (connections.Left(Context.ConnectionId, spaceId) is { } participant)
        {
            await using var scope = await scopes.CreateScopeAsync(participant.TenantId);
            var presence = scope.ServiceProvider.GetRequiredService<PresenceBook>();
            presence.Remove(Context.ConnectionId);
            await AnnounceOfflineAsync(presence, spaceId, participant);
        }
    }

    /// <summary>Tells the space the caller is typing in a channel (at most every two seconds per connection).</summary>
    public async Task Typing(Guid spaceId, Guid channelId)
    {
        var participant = connections.In(Context.ConnectionId, spaceId) ?? throw new HubException("Join the space first.");
        var key = $"typing:{spaceId:N}";
        var now = clock.GetUtcNow();
        if (Context.Items.TryGetValue(key, out var last) && last is DateTimeOffset previous && now - previous < TypingInterval)
        {
            return;
        }

        Context.Items[key] = now;
        if (!typing.TryTake(spaceId))
        {
            return;
        }

        await backplane.BroadcastAsync(spaceId, LiveEventTypes.Typing,
            new { channelId, userId = participant.UserId, displayName = participant.DisplayName, tenantName = participant.TenantName }, Context.ConnectionAborted);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var left = connections.Disconnected(Context.ConnectionId);
        if (left.Count > 0)
        {
            // The connection's rows in every space it was in, whichever tenant it acted for: the exchange cleans up as the system.
            await using var scope = scopes.CreatePlatformScope();
            var presence = scope.ServiceProvider.GetRequiredService<PresenceBook>();
            presence.Remove(Context.ConnectionId);
            foreach (var (spaceId, participant) in left)
            {
                await AnnounceOfflineAsync(presence, spaceId, participant);
            }
        }

        await base.OnDisconnectedAsync(exception);
    }

    private async Task AnnounceOfflineAsync(PresenceBook presence, Guid spaceId, LiveParticipant participant)
    {
        // Another tab of the same person, on this host or another, keeps it online.
        if (!await presence.IsOnlineAsync(spaceId, participant.UserId, CancellationToken.None))
        {
            await backplane.BroadcastAsync(spaceId, LiveEventTypes.Presence, Presence(participant, online: false), CancellationToken.None);
        }
    }

    private static object Presence(LiveParticipant participant, bool online) =>
        new { userId = participant.UserId, displayName = participant.DisplayName, tenantId = participant.TenantId, tenantName = participant.TenantName, online };
}
