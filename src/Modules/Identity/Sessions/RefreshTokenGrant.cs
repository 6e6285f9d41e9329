using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Identity.Sessions;

/// <summary>
/// One refresh token that was handed out. Every sign-in starts a family; each refresh uses its token
/// once and hands out the next of the family. A token presented twice means it was copied: the whole
/// family is revoked.
/// </summary>
[PlatformOwned]
internal sealed class RefreshTokenGrant
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid FamilyId { get; init; }

    public required Guid UserId { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When it was exchanged for the next one; a second use revokes the family.</summary>
    public DateTimeOffset? UsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
