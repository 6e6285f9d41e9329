using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Exchange.Agreements;

/// <summary>
/// A memorandum of understanding or of cooperation between two member tenants of a space (like
/// Singapore–Japan 2022): proposed by one, signed when the other confirms, visible to the space.
/// </summary>
[CrossTenant]
internal sealed class CooperationAgreement
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid SpaceId { get; init; }

    public AgreementKind Kind { get; set; }

    public required string Title { get; set; }

    /// <summary>Areas of cooperation ("digital identity", "data exchange"…).</summary>
    public List<string> Areas { get; set; } = [];

    public required Guid ProposerTenantId { get; init; }

    public required string ProposerName { get; init; }

    public required Guid PartnerTenantId { get; init; }

    public required string PartnerName { get; init; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public CooperationStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SignedAt { get; set; }

    public int Version { get; set; } = 1;
}
