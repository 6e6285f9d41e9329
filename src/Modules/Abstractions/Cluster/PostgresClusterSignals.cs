using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NucleusCloud.Modules.Abstractions.Persistence;

namespace NucleusCloud.Modules.Abstractions.Cluster;

/// <summary>
/// Cluster news over PostgreSQL LISTEN/NOTIFY on one channel, on a small pool of its own. A notice names the host that sent it,
/// which ignores its own. After its listening connection was lost (a database restart), a host tells every topic it may have
/// missed news, once it listens again.
/// </summary>
internal sealed partial class PostgresClusterSignals(string connectionString, ILogger<PostgresClusterSignals> logger) : BackgroundService, IClusterSignals
{
    public const string Channel = "nucleus_cluster";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 3, MinPoolSize = 0 }.ConnectionString);
    private readonly ConcurrentDictionary<string, ClusterTopic> _topics = new(StringComparer.Ordinal);
    private readonly Guid _origin = Guid.NewGuid();

    private sealed record Notice(Guid Origin, string Topic, string Message);

    public void Subscribe(ClusterTopic topic)
    {
        if (!_topics.TryAdd(topic.Name, topic))
        {
            throw new InvalidOperationException($"The cluster topic '{topic.Name}' has a subscriber already.");
        }
    }

    public async Task PublishAsync(string topic, string message)
    {
        try
        {
            await using var notify = _dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
            notify.Parameters.AddWithValue("channel", Channel);
            notify.Parameters.AddWithValue("payload", JsonSerializer.Serialize(new Notice(_origin, topic, message), Json));
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
        payload => _ = HearAsync(payload), async again =>
        {
            if (again)
            {
                await Task.WhenAll(_topics.Values.Select(t => Guarded(t.Name, t.OnMissed)));
            }
        }, LogListenFailed, stoppingToken);

    private Task HearAsync(string payload)
    {
        var notice = JsonSerializer.Deserialize<Notice>(payload, Json);
        return notice is not null && notice.Origin != _origin && _topics.TryGetValue(notice.Topic, out var topic)
            ? Guarded(topic.Name, () => topic.OnMessage(notice.Message))
            : Task.CompletedTask;
    }

    /// <summary>A subscriber's failure is logged: it must not stop the listener.</summary>
    private async Task Guarded(string topic, Func<Task> act)
    {
        try
        {
            await act();
        }
        catch (Exception failure)
        {
            LogSubscriberFailed(failure, topic);
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _dataSource.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other hosts about {Topic}; they resynchronise when they listen again.")]
    private partial void LogPublishFailed(Exception failure, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster listener lost its PostgreSQL connection; reconnecting.")]
    private partial void LogListenFailed(Exception failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber of the cluster topic {Topic} failed.")]
    private partial void LogSubscriberFailed(Exception failure, string topic);
}
