using System.Security.Claims;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.Contracts;

/// <summary>Invitations and members, for the web pages (the REST API offers the same).</summary>
public interface IAccessAdministration
{
    /// <summary>Invites to <paramref name="tenant"/>; false when only an owner may grant that role.</summary>
    Task<bool> InviteAsync(TenantInfo tenant, string email, TenantRole role, ClaimsPrincipal invitedBy, bool asPlatformAdmin, CancellationToken cancellationToken = default);

    /// <summary>Invites a partner's user as a <see cref="TenantRole.PartnerGuest"/> of the current tenant, confined to <paramref name="partnerId"/>.</summary>
    Task InvitePartnerGuestAsync(TenantInfo tenant, string email, Guid partnerId, ClaimsPrincipal invitedBy, CancellationToken cancellationToken = default);

    /// <summary>Ends every membership and open invitation of the current tenant that acts for <paramref name="partnerId"/> (its record is being removed); the number of memberships ended.</summary>
    Task<int> RemovePartnerGuestsAsync(Guid partnerId, CancellationToken cancellationToken = default);

    /// <summary>Null when accepted; otherwise the field at fault and why.</summary>
    Task<(string Field, string Message)?> AcceptInvitationAsync(string tenantSlug, string token, string? displayName, string? password, CancellationToken cancellationToken = default);

    /// <summary>The current tenant's members.</summary>
    Task<IReadOnlyList<MemberSummary>> MembersAsync(CancellationToken cancellationToken = default);

    /// <summary>One member of the current tenant, or null when the user holds no membership in it.</summary>
    Task<MemberSummary?> FindMemberAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Changes a member's role in the current tenant, on behalf of <paramref name="caller"/>.</summary>
    Task<MemberChange> ChangeRoleAsync(Guid userId, TenantRole role, ClaimsPrincipal caller, CancellationToken cancellationToken = default);

    /// <summary>Removes a member from the current tenant, on behalf of <paramref name="caller"/>.</summary>
    Task<MemberChange> RemoveAsync(Guid userId, ClaimsPrincipal caller, CancellationToken cancellationToken = default);
}

public enum MemberChange
{
    Done,
    NotFound,

    /// <summary>Only an owner may grant, take away or remove the owner role.</summary>
    OwnersOnly,

    /// <summary>The tenant must keep at least one owner.</summary>
    LastOwner,
}

public sealed record MemberSummary(Guid UserId, string Email, string DisplayName, TenantRole Role, DateTimeOffset Since);

/// <summary>Authenticator-app enrolment for the signed-in person.</summary>
public interface ITwoFactorEnrolment
{
    /// <summary>A new shared key, its otpauth URI and a QR code of it as SVG markup.</summary>
    Task<AuthenticatorSetup?> BeginAsync(ClaimsPrincipal user);

    /// <summary>The recovery codes when the code is right; null otherwise.</summary>
    Task<IReadOnlyList<string>?> EnableAsync(ClaimsPrincipal user, string code);
}

public sealed record AuthenticatorSetup(string SharedKey, string Uri, string QrCodeSvg);
