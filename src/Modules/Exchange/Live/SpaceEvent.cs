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

    /// <summary>The event's payload as JSON, exactly as sent.</summary>
    public required string Data { get; init; }

    public DateTimeOffset OccurredAt { get; init; }
}
