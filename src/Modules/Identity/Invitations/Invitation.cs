using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Export;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Identity.Invitations;

/// <summary>An invitation to join a tenant with a role; its single-use token is stored only as a hash.</summary>
internal sealed class Invitation : ITenantOwned
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Lower-cased.</summary>
    public required string Email { get; init; }

    public TenantRole Role { get; init; }

    /// <summary>For <see cref="TenantRole.PartnerGuest"/>: the partner record the invitee will act for.</summary>
    public Guid? PartnerId { get; init; }

    [NotAudited]
    [NotExported]
    public required byte[] TokenHash { get; init; }

    public Guid InvitedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public Guid? AcceptedBy { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsOpen(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && now < ExpiresAt;
}
