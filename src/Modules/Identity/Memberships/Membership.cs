using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Identity.Memberships;

/// <summary>An account's role in one tenant.</summary>
internal sealed class Membership : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UserId { get; init; }

    public TenantRole Role { get; set; }

    /// <summary>For <see cref="TenantRole.PartnerGuest"/>: the one partner record the user acts for.</summary>
    public Guid? PartnerId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
