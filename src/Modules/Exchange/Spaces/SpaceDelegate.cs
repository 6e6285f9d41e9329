using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Exchange.Spaces;

/// <summary>A user a member tenant sends into a space, possibly as one of its moderators.</summary>
[CrossTenant]
internal sealed class SpaceDelegate
{
    public required Guid SpaceId { get; init; }

    public required Guid TenantId { get; init; }

    public required Guid UserId { get; init; }

    public required string DisplayName { get; set; }

    public bool IsModerator { get; set; }

    public DateTimeOffset DelegatedAt { get; init; }
}
