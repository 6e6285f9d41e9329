using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Exchange.Meetings;

/// <summary>A delegate's answer to a meeting's invitation.</summary>
[CrossTenant]
internal sealed class Rsvp
{
    public required Guid MeetingId { get; init; }

    public required Guid UserId { get; init; }

    public required Guid TenantId { get; init; }

    public required string DisplayName { get; set; }

    public required string TenantName { get; set; }

    public RsvpAnswer Answer { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }
}
