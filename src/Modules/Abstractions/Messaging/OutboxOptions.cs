namespace NucleusCloud.Modules.Abstractions.Messaging;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Off: events wait in the outboxes (another host delivers them, or this one after a restart).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often each outbox is read when no save in this process said something was added (other hosts' events).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claim keeps other hosts off a message; a host that dies mid-batch frees it when this ends.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>After this many failures a message stays undelivered, with its last error, for an operator.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long a delivered message is kept (to trace what happened) before it is deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
