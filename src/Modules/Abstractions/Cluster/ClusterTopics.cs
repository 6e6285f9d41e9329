using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace NucleusCloud.Modules.Abstractions.Cluster;

/// <summary>
/// The topics a host listens to and the notices that carry them, whatever the transport: a notice names the host that sent it,
/// which ignores its own, and a subscriber that fails is logged without stopping the listener.
/// </summary>
internal sealed partial class ClusterTopics(ILogger logger)
{
    /// <summary>Sent by a host that could not publish its news when it can again: the others resynchronise every topic.</summary>
    public const string Resync = "cluster.resync";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
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

    public string Notify(string topic, string message) => JsonSerializer.Serialize(new Notice(_origin, topic, message), Json);

    public Task HearAsync(string notice)
    {
        var heard = JsonSerializer.Deserialize<Notice>(notice, Json);
        if (heard is not null && heard.Origin != _origin && heard.Topic == Resync)
        {
            return MissedAsync();
        }

        return heard is not null && heard.Origin != _origin && _topics.TryGetValue(heard.Topic, out var topic)
            ? GuardedAsync(topic.Name, () => topic.OnMessage(heard.Message))
            : Task.CompletedTask;
    }

    /// <summary>This host may have missed notices (its connection to the transport was lost): every topic resynchronises.</summary>
    public Task MissedAsync() => Task.WhenAll(_topics.Values.Select(t => GuardedAsync(t.Name, t.OnMissed)));

    private async Task GuardedAsync(string topic, Func<Task> act)
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

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber of the cluster topic {Topic} failed.")]
    private partial void LogSubscriberFailed(Exception failure, string topic);
}
