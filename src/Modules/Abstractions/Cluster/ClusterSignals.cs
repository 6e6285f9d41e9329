namespace NucleusCloud.Modules.Abstractions.Cluster;

/// <summary>
/// News that every host must act on (a cached page to drop), published by the host where the change happened and heard by
/// the others: through Redis when one is configured (<see cref="RedisClusterSignals"/>), else by PostgreSQL's LISTEN/NOTIFY
/// (<see cref="PostgresClusterSignals"/>); the embedded SQLite has one host, so there it goes nowhere (<see cref="SingleHostSignals"/>).
/// </summary>
public interface IClusterSignals
{
    /// <summary>Tells the other hosts. Best effort, never throws: a host that cannot be told hears <see cref="ClusterTopic.OnMissed"/> later.</summary>
    Task PublishAsync(string topic, string message);

    void Subscribe(ClusterTopic topic);
}

/// <param name="Name">What the news is about; at most a few dozen characters (a notice is limited to 8,000 bytes).</param>
/// <param name="OnMessage">Called on each other host with the message.</param>
/// <param name="OnMissed">Called when this host may have missed messages (its listening connection was lost): act as if everything changed.</param>
public sealed record ClusterTopic(string Name, Func<string, Task> OnMessage, Func<Task> OnMissed);

/// <summary>One host: nobody else to tell.</summary>
internal sealed class SingleHostSignals : IClusterSignals
{
    public Task PublishAsync(string topic, string message) => Task.CompletedTask;

    public void Subscribe(ClusterTopic topic)
    {
    }
}
