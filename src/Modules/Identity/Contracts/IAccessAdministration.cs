using System.Security.Claims;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.Contracts;

/// <summary>
/// Invitations and members of the current tenant, for the pages and the REST API alike: every change
/// checks the caller's own rights here, whatever the page showed.
/// </summary>
public interface IAccessAdministration
{
    /// <summary>Invites someone to the current tenant (members.manage; only an owner invites an owner).</summary>
    Task<Outcome<InvitationSummary>> InviteAsync(string? email, TenantRole? role, CancellationToken cancellationToken = default);

    /// <summary>
    /// A platform administrator (signed in with a second factor) invites into a tenant, naming why: the
    /// invitation is written in the platform's log and in the tenant's own, so no one joins a government's
    /// workspace unseen.
    /// </summary>
    Task<Outcome<InvitationSummary>> InviteAsPlatformAdminAsync(Guid tenantId, string? email, TenantRole? role, string? reason, CancellationToken cancellationToken = default);

    /// <summary>Invites a partner's user as a <see cref="TenantRole.PartnerGuest"/> of the current tenant, confined to <paramref name="partnerId"/> (members.manage; the Partners module also asks partners.write).</summary>
    Task<Outcome<InvitationSummary>> InvitePartnerGuestAsync(string? email, Guid partnerId, CancellationToken cancellationToken = default);

    /// <summary>Withdraws an open invitation of the current tenant (members.manage).</summary>
    Task<Outcome<bool>> RevokeInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default);

    /// <summary>Accepts an invitation by its token (anonymous: the token proves the mailbox).</summary>
    Task<Outcome<AcceptedInvitation>> AcceptInvitationAsync(string tenantSlug, string token, string? displayName, string? password, CancellationToken cancellationToken = default);

    /// <summary>The current tenant's members.</summary>
    Task<IReadOnlyList<MemberSummary>> MembersAsync(CancellationToken cancellationToken = default);

    /// <summary>One member of the current tenant, or null when the user holds no membership in it.</summary>
    Task<MemberSummary?> FindMemberAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Changes a member's role (members.manage; only an owner grants or takes away the owner role; the last owner stays).</summary>
    Task<Outcome<MemberSummary>> ChangeRoleAsync(Guid userId, TenantRole? role, CancellationToken cancellationToken = default);

    /// <summary>Removes a member (members.manage; only an owner removes an owner; the last owner stays).</summary>
    Task<Outcome<bool>> RemoveAsync(Guid userId, CancellationToken cancellationToken = default);
}

public sealed record InvitationSummary(Guid Id, string Email, TenantRole Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt, DateTimeOffset? RevokedAt);

public sealed record AcceptedInvitation(string Tenant, string Email, bool AccountCreated);

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
