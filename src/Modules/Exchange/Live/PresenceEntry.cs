using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>
/// One live connection joined to a space, on some host: who is online, across every host. A host
/// refreshes its rows while it runs; rows not refreshed (a host that died) stop counting.
/// </summary>
[CrossTenant]
internal sealed class PresenceEntry
{
    public required string ConnectionId { get; init; }

    public required Guid SpaceId { get; init; }

    public required Guid UserId { get; init; }

    public required Guid TenantId { get; init; }

    public required string DisplayName { get; init; }

    public required string TenantName { get; init; }

    public required Guid HostId { get; init; }

    public DateTimeOffset SeenAt { get; set; }
}
