using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Exchange.Conversations;

/// <summary>A post's earlier text, kept when it is edited or deleted (its edit history).</summary>
[CrossTenant]
internal sealed class PostRevision
{
    public required Guid PostId { get; init; }

    /// <summary>The post's version this text was (1 = as first written).</summary>
    public required int Version { get; init; }

    public required string Body { get; init; }

    public DateTimeOffset ReplacedAt { get; init; }

    public required string ReplacedBy { get; init; }
}
