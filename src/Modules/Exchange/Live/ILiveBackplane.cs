using NucleusCloud.Modules.Exchange.Data;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>
/// Carries live news to every host: stored events (by number: each host reads them from the
/// database), ephemeral ones (typing, presence: carried whole) and revocations. PostgreSQL's
/// LISTEN/NOTIFY when hosts share PostgreSQL, a polled table on SQL Server; in-process for the embedded SQLite (one host).
/// </summary>
internal interface ILiveBackplane
{
    /// <summary>Inside the transaction that stored events up to <paramref name="lastSequence"/>.</summary>
    Task StageAsync(ExchangeDbContext db, Guid spaceId, long lastSequence, CancellationToken cancellationToken);

    /// <summary>Right after that transaction committed; never throws (the events are stored: the caller's change stands).</summary>
    Task CommittedAsync(Guid spaceId, long lastSequence);

    Task BroadcastAsync(Guid spaceId, string type, object data, CancellationToken cancellationToken);

    /// <summary>Every host drops the connections of <paramref name="userId"/> (or of the whole tenant, when null) from the space.</summary>
    Task RevokeAsync(Guid spaceId, Guid tenantId, Guid? userId, CancellationToken cancellationToken);
}

/// <summary>One host, no server: news goes straight to this host's dispatcher.</summary>
internal sealed class InProcessBackplane(LiveDispatcher dispatcher) : ILiveBackplane
{
    public Task StageAsync(ExchangeDbContext db, Guid spaceId, long lastSequence, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CommittedAsync(Guid spaceId, long lastSequence)
    {
        dispatcher.Stored(spaceId, lastSequence);
        return Task.CompletedTask;
    }

    public Task BroadcastAsync(Guid spaceId, string type, object data, CancellationToken cancellationToken) =>
        dispatcher.EphemeralAsync(LiveJson.Ephemeral(spaceId, type, data));

    public Task RevokeAsync(Guid spaceId, Guid tenantId, Guid? userId, CancellationToken cancellationToken) =>
        dispatcher.RevokeAsync(spaceId, tenantId, userId);
}
