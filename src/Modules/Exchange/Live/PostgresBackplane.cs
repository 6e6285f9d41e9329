using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Data;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>
/// The backplane over PostgreSQL LISTEN/NOTIFY: every host listens on one channel. A stored event's
/// notice is sent inside the transaction that stored it, so PostgreSQL delivers it only after the
/// commit, in commit order; it carries the space and the sequence, and each host reads the events
/// themselves (a notice is limited to 8,000 bytes; posts are not). A host that lost its listening
/// connection catches up at the next notice, as its dispatcher reads everything after what it sent.
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

    public async Task StageAsync(ExchangeDbContext db, Guid spaceId, long lastSequence, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        notify.Parameters.AddWithValue("channel", Channel);
        notify.Parameters.AddWithValue("payload", BackplaneNotice.Stored(spaceId, lastSequence).ToJson());
        await notify.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Committed(Guid spaceId, long lastSequence)
    {
        // Every host, this one included, hears of it through LISTEN.
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => _ = BackplaneNotice.Read(e.Payload, dispatcher, logger);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure) when (failure is NpgsqlException or InvalidOperationException or System.IO.IOException)
            {
                LogListenFailed(failure);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The exchange backplane lost its PostgreSQL listener; reconnecting.")]
    private partial void LogListenFailed(Exception failure);

}
