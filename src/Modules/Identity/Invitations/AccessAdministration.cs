using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Abstractions.Text;
using NucleusCloud.Modules.Identity.Accounts;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Modules.Identity.Memberships;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.Invitations;

/// <summary>Invitations and members of the current tenant: each change checks the caller's rights here, for the API and the pages alike.</summary>
internal sealed class AccessAdministration(
    InvitationService invitations, ICaller caller, ITenantStore tenants, ITenantContext tenant, AccessDbContext access, AccountDirectory accounts,
    IAuditTrail audit, TimeProvider clock)
    : IAccessAdministration
{
    private const string MayNotManage = "Only the tenant's owners and administrators manage its members.";

    public async Task<Outcome<InvitationSummary>> InviteAsync(string? email, TenantRole? role, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(TenantPermissions.MembersManage, cancellationToken))
        {
            return Refusal.Forbidden(MayNotManage);
        }

        if (Check(email, role) is { } invalid)
        {
            return invalid;
        }

        if (role == TenantRole.Owner && await caller.RoleAsync(cancellationToken) != TenantRole.Owner)
        {
            return Refusal.Forbidden("Only an owner can invite an owner.");
        }

        return Summary(await invitations.InviteAsync(tenant.RequiredTenant, email!, role!.Value, CallerId, cancellationToken));
    }

    public async Task<Outcome<InvitationSummary>> InviteAsPlatformAdminAsync(Guid tenantId, string? email, TenantRole? role, string? reason, CancellationToken cancellationToken = default)
    {
        if (!await caller.IsPlatformAdminAsync(cancellationToken))
        {
            return Refusal.Forbidden("Only platform administrators, signed in with a second factor, invite into a tenant.");
        }

        if (await tenants.FindByIdAsync(tenantId, cancellationToken) is not { Status: not TenantStatus.Deleted } target)
        {
            return Refusal.NotFound("Tenant");
        }

        if (Check(email, role) is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length is < 10 or > 500)
        {
            return Refusal.Invalid("reason", "Say why the platform invites into this tenant (10 to 500 characters): the tenant reads it in its own log.");
        }

        var invited = await invitations.InviteAsync(target, email!, role!.Value, CallerId, cancellationToken);
        if (invited.Value is not { } invitation)
        {
            return invited.Refusal!;
        }

        var details = new Dictionary<string, string?>
        {
            ["tenant"] = target.Slug, ["email"] = invitation.Email, ["role"] = invitation.Role.ToString(), ["reason"] = reason.Trim(),
        };
        await audit.RecordPlatformAsync("platform.invited-into-tenant", CallerId.ToString(), details, cancellationToken);
        await audit.RecordAsync(target.Id, "platform.invited", nameof(Invitation), invitation.Id.ToString(), details, cancellationToken);
        return Summary(invitation);
    }

    public async Task<Outcome<InvitationSummary>> InvitePartnerGuestAsync(string? email, Guid partnerId, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(TenantPermissions.MembersManage, cancellationToken))
        {
            return Refusal.Forbidden(MayNotManage);
        }

        return Check(email, TenantRole.PartnerGuest, partnerGuest: true) is { } invalid
            ? invalid
            : Summary(await invitations.InviteAsync(tenant.RequiredTenant, email!, TenantRole.PartnerGuest, CallerId, cancellationToken, partnerId));
    }

    public async Task<Outcome<bool>> RevokeInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(TenantPermissions.MembersManage, cancellationToken))
        {
            return Refusal.Forbidden(MayNotManage);
        }

        var invitation = await access.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (invitation is null)
        {
            return Refusal.NotFound("Invitation");
        }

        invitation.RevokedAt ??= clock.GetStorableUtcNow();
        await access.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<Outcome<AcceptedInvitation>> AcceptInvitationAsync(string tenantSlug, string token, string? displayName, string? password, CancellationToken cancellationToken = default)
    {
        var result = await tenants.FindBySlugAsync(tenantSlug, cancellationToken) is { Status: TenantStatus.Active } target
            ? await invitations.AcceptAsync(target, token, displayName, password, cancellationToken)
            : AcceptanceResult.Invalid;
        return result.Succeeded
            ? new AcceptedInvitation(tenantSlug, result.Email!, result.AccountCreated)
            : Refusal.Invalid(result == AcceptanceResult.Invalid ? "token" : "password", result.Problem!);
    }

    public async Task<Outcome<MemberSummary>> ChangeRoleAsync(Guid userId, TenantRole? role, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(TenantPermissions.MembersManage, cancellationToken))
        {
            return Refusal.Forbidden(MayNotManage);
        }

        if (role is not { } newRole || !Enum.IsDefined(newRole) || newRole == TenantRole.PartnerGuest)
        {
            return Refusal.Invalid("role", "Choose Owner, Admin, Editor, CrmUser, Analyst or Viewer (partner guests are invited from their partner record).");
        }

        var membership = await access.Memberships.FirstOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (membership is null)
        {
            return Refusal.NotFound("Member");
        }

        if ((newRole == TenantRole.Owner || membership.Role == TenantRole.Owner) && await caller.RoleAsync(cancellationToken) != TenantRole.Owner)
        {
            return Refusal.Forbidden("Only an owner can grant, take away or remove the owner role.");
        }

        if (membership.Role == TenantRole.Owner && newRole != TenantRole.Owner && await IsLastOwnerAsync(cancellationToken))
        {
            return Refusal.Conflict("The tenant must keep at least one owner.");
        }

        membership.Role = newRole;
        await access.SaveChangesAsync(cancellationToken);
        return (await FindMemberAsync(userId, cancellationToken))!;
    }

    public async Task<Outcome<bool>> RemoveAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(TenantPermissions.MembersManage, cancellationToken))
        {
            return Refusal.Forbidden(MayNotManage);
        }

        var membership = await access.Memberships.FirstOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (membership is null)
        {
            return Refusal.NotFound("Member");
        }

        if (membership.Role == TenantRole.Owner)
        {
            if (await caller.RoleAsync(cancellationToken) != TenantRole.Owner)
            {
                return Refusal.Forbidden("Only an owner can grant, take away or remove the owner role.");
            }

            if (await IsLastOwnerAsync(cancellationToken))
            {
                return Refusal.Conflict("The tenant must keep at least one owner.");
            }
        }

        access.Memberships.Remove(membership);
        await access.SaveChangesAsync(cancellationToken);
        return true;
    }

    private Guid CallerId => MembershipChecker.UserId(caller.Principal) ?? Guid.Empty;

    private static Refusal? Check(string? email, TenantRole? role, bool partnerGuest = false)
    {
        if (!EmailAddresses.IsValid(email))
        {
            return Refusal.Invalid("email", EmailAddresses.Problem);
        }

        return role is not { } r || !Enum.IsDefined(r) || (r == TenantRole.PartnerGuest) != partnerGuest
            ? Refusal.Invalid("role", "Choose Owner, Admin, Editor, CrmUser, Analyst or Viewer (partner guests are invited from their partner record).")
            : null;
    }

    private async Task<bool> IsLastOwnerAsync(CancellationToken cancellationToken) =>
        await access.Memberships.CountAsync(m => m.Role == TenantRole.Owner, cancellationToken) <= 1;

    private static Outcome<InvitationSummary> Summary(Outcome<Invitation> invited) =>
        invited.Value is { } invitation ? Summary(invitation) : invited.Refusal!;

    internal static InvitationSummary Summary(Invitation i) => new(i.Id, i.Email, i.Role, i.CreatedAt, i.ExpiresAt, i.AcceptedAt, i.RevokedAt);

    public async Task<IReadOnlyList<MemberSummary>> MembersAsync(CancellationToken cancellationToken = default) =>
        (await MembersPageAsync(new PageQuery { PageSize = int.MaxValue }, cancellationToken)).Items;

    public async Task<MemberSummary?> FindMemberAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var membership = await access.Memberships.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (membership is null)
        {
            return null;
        }

        var user = (await accounts.FindManyAsync([userId], cancellationToken)).GetValueOrDefault(userId);
        return new MemberSummary(userId, user?.Email ?? "", user?.DisplayName ?? "", membership.Role, membership.CreatedAt);
    }

    /// <summary>One page of the current tenant's members, oldest first, with their names and addresses.</summary>
    public async Task<PagedResult<MemberSummary>> MembersPageAsync(PageQuery query, CancellationToken cancellationToken)
    {
        var page = await access.Memberships.AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToPageAsync(query, m => m, cancellationToken);
        var users = await accounts.FindManyAsync(page.Items.Select(m => m.UserId).ToList(), cancellationToken);
        var members = page.Items.Select(m => new MemberSummary(m.UserId, users.GetValueOrDefault(m.UserId)?.Email ?? "", users.GetValueOrDefault(m.UserId)?.DisplayName ?? "", m.Role, m.CreatedAt)).ToList();
        return new PagedResult<MemberSummary>(members, page.Total, page.Page, page.PageSize);
    }
}
