using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>
/// One entry of a space's event log: what its live clients were told, numbered per space, so a
/// client that reconnects with its last sequence receives exactly what it missed.
/// </summary>
[CrossTenant]
internal sealed class SpaceEvent
{
    public required Guid SpaceId { get; init; }

    public required long Sequence { get; init; }

    public required string Type { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The post the event carries (created, edited, deleted, reactions), so its earlier text can be redacted.</summary>
    public Guid? PostId { get; init; }

    /// <summary>
    /// The payload as JSON, as sent; replaced by a tombstone once the post it carries is edited or
    /// deleted (the sequence stays, the earlier text does not).
    /// </summary>
    public required string Data { get; set; }
}
