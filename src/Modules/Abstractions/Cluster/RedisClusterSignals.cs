using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace NucleusCloud.Modules.Abstractions.Cluster;

/// <summary>
/// Cluster news over Redis publish/subscribe (<c>Redis:Configuration</c>), for deployments that run Redis beside the database.
/// Redis out of reach never fails or holds a request: each host keeps serving from its own caches (as a single host would), and
/// when its connection comes back it resynchronises every topic and asks the others to do the same.
/// </summary>
internal sealed partial class RedisClusterSignals : IClusterSignals, IDisposable
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("nucleus:cluster");
    private readonly ConnectionMultiplexer _redis;
    private readonly ClusterTopics _topics;
    private readonly ILogger<RedisClusterSignals> _logger;

    public RedisClusterSignals(string configuration, ILogger<RedisClusterSignals> logger)
    {
        _logger = logger;
        _topics = new ClusterTopics(logger);
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false; // start, and keep trying, when Redis is not there yet
        _redis = ConnectionMultiplexer.Connect(options);
        // The client subscribes again by itself once it reconnects. What was published meanwhile never reached this host, and what
        // this host published may not have reached the others (they may have kept their connection): both sides resynchronise.
        _redis.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription)
            {
                _ = _topics.MissedAsync();
            }
            else
            {
                _ = PublishAsync(ClusterTopics.Resync, "");
            }
        };
        _redis.GetSubscriber().Subscribe(Channel, (_, notice) => _topics.HearAsync(notice.ToString()));
    }

    public void Subscribe(ClusterTopic topic) => _topics.Subscribe(topic);

    public Task PublishAsync(string topic, string message)
    {
        try
        {
            // Not awaited: while Redis is away the client holds the notice and sends it on reconnecting, and a request never waits.
            _redis.GetSubscriber().Publish(Channel, _topics.Notify(topic, message), CommandFlags.FireAndForget);
        }
        catch (Exception failure) when (failure is RedisException or TimeoutException)
        {
            LogPublishFailed(failure, topic);
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _redis.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other hosts about {Topic} through Redis; each host serves from its own caches until Redis is back.")]
    private partial void LogPublishFailed(Exception failure, string topic);
}
