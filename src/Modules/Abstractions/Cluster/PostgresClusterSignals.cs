using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NucleusCloud.Modules.Abstractions.Persistence;

namespace NucleusCloud.Modules.Abstractions.Cluster;

/// <summary>
/// Cluster news over PostgreSQL LISTEN/NOTIFY on one channel, on a small pool of its own. After its listening connection was lost
/// (a database restart), a host tells every topic it may have missed news, once it listens again.
/// </summary>
internal sealed partial class PostgresClusterSignals(string connectionString, ILogger<PostgresClusterSignals> logger) : BackgroundService, IClusterSignals
{
    public const string Channel = "nucleus_cluster";
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 3, MinPoolSize = 0 }.ConnectionString);
    private readonly ClusterTopics _topics = new(logger);

    public void Subscribe(ClusterTopic topic) => _topics.Subscribe(topic);

    public async Task PublishAsync(string topic, string message)
    {
        try
        {
            await using var notify = _dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
            notify.Parameters.AddWithValue("channel", Channel);
            notify.Parameters.AddWithValue("payload", _topics.Notify(topic, message));
            await notify.ExecuteNonQueryAsync();
        }
        catch (Exception failure)
        {
            // A database failure cut the other hosts' listeners too, and they resynchronise when they listen again; at shutdown
            // the pool is disposed. Either way the caller's change is made and must not fail for the news.
            LogPublishFailed(failure, topic);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => PostgresListener.ListenAsync(_dataSource, Channel,
        payload => _ = _topics.HearAsync(payload), async again =>
        {
            if (again)
            {
                await _topics.MissedAsync();
            }
        }, LogListenFailed, stoppingToken);

    public override void Dispose()
    {
        base.Dispose();
        _dataSource.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other hosts about {Topic}; they resynchronise when they listen again.")]
    private partial void LogPublishFailed(Exception failure, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster listener lost its PostgreSQL connection; reconnecting.")]
    private partial void LogListenFailed(Exception failure);
}
