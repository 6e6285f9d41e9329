using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Data;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>
/// The backplane over PostgreSQL LISTEN/NOTIFY: every host listens on one channel. A stored event's
/// notice is sent right after the transaction that stored it commits, not inside it: a NOTIFY inside a
/// transaction takes a database-wide lock at commit, which would queue every host's writes behind one
/// another. The notice carries the space and the sequence, and each host reads the events themselves
/// (a notice is limited to 8,000 bytes; posts are not), everything after what it sent — so notices
/// arriving out of order, or one lost, are caught up at the next. A host that lost its listening
/// connection catches up the same way; if the notice cannot be sent, this host's own clients still get the events.
/// </summary>
internal sealed partial class PostgresBackplane(NpgsqlDataSource dataSource, LiveDispatcher dispatcher, ILogger<PostgresBackplane> logger)
    : BackgroundService, ILiveBackplane
{
    public const string Channel = "nucleus_exchange";
    /// <summary>
    /// The backplane's own small pool (the listener and short NOTIFY calls): its connections come on top
    /// of the application's pool, and PostgreSQL's <c>max_connections</c> (100 by default) bounds the sum.
    /// </summary>
    public static NpgsqlDataSource DataSource(string connectionString) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 6, MinPoolSize = 0 }.ConnectionString);

    public Task StageAsync(ExchangeDbContext db, Guid spaceId, long lastSequence, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task CommittedAsync(Guid spaceId, long lastSequence)
    {
        try
        {
            // Every host, this one included, hears of it through LISTEN. Not the request's token: the change is committed, its notice goes.
            await NotifyAsync(BackplaneNotice.Stored(spaceId, lastSequence), CancellationToken.None);
        }
        catch (NpgsqlException failure)
        {
            LogNoticeFailed(failure, spaceId);
            dispatcher.Stored(spaceId, lastSequence);
        }
    }

    public Task BroadcastAsync(Guid spaceId, string type, object data, CancellationToken cancellationToken) =>
        NotifyAsync(BackplaneNotice.Ephemeral(spaceId, type, data), cancellationToken);

    public Task RevokeAsync(Guid spaceId, Guid tenantId, Guid? userId, CancellationToken cancellationToken) =>
        NotifyAsync(BackplaneNotice.Revoked(spaceId, tenantId, userId), cancellationToken);

    private async Task NotifyAsync(BackplaneNotice notice, CancellationToken cancellationToken)
    {
        await using var notify = dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
        notify.Parameters.AddWithValue("channel", Channel);
        notify.Parameters.AddWithValue("payload", notice.ToJson());
        await notify.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => PostgresListener.ListenAsync(dataSource, Channel,
        payload => _ = BackplaneNotice.Read(payload, dispatcher, logger), _ => Task.CompletedTask, LogListenFailed, stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The exchange backplane could not announce events of space {SpaceId} to other hosts; they catch up at its next event.")]
    private partial void LogNoticeFailed(Exception failure, Guid spaceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The exchange backplane lost its PostgreSQL listener; reconnecting.")]
    private partial void LogListenFailed(Exception failure);

}
