using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Accounts;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Modules.Identity.Memberships;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.Invitations;

internal sealed class AccessAdministration(
    InvitationService invitations, IMembershipChecker checker, ITenantStore tenants, ITenantContext tenant, AccessDbContext access, AccountDirectory accounts, TimeProvider clock)
    : IAccessAdministration
{
    async Task<bool> IAccessAdministration.InviteAsync(TenantInfo tenant, string email, TenantRole role, ClaimsPrincipal invitedBy, bool asPlatformAdmin, CancellationToken cancellationToken) =>
        await InviteAsync(tenant, email, role, invitedBy, asPlatformAdmin, cancellationToken) is not null;

    async Task<(string Field, string Message)?> IAccessAdministration.AcceptInvitationAsync(string tenantSlug, string token, string? displayName, string? password, CancellationToken cancellationToken)
    {
        var result = await AcceptAsync(tenantSlug, token, displayName, password, cancellationToken);
        return result.Succeeded ? null : (result == AcceptanceResult.Invalid ? "token" : "password", result.Problem!);
    }

    /// <summary>Null when only an owner may grant the role (platform admins may always invite).</summary>
    public async Task<Invitation?> InviteAsync(TenantInfo tenant, string email, TenantRole role, ClaimsPrincipal invitedBy, bool asPlatformAdmin, CancellationToken cancellationToken)
    {
        if (role == TenantRole.Owner && !asPlatformAdmin && await checker.FindRoleAsync(invitedBy, tenant, cancellationToken) != TenantRole.Owner)
        {
            return null;
        }

        return await invitations.InviteAsync(tenant, email, role, MembershipChecker.UserId(invitedBy) ?? Guid.Empty, cancellationToken);
    }

    public async Task InvitePartnerGuestAsync(TenantInfo tenant, string email, Guid partnerId, ClaimsPrincipal invitedBy, CancellationToken cancellationToken) =>
        await invitations.InviteAsync(tenant, email, TenantRole.PartnerGuest, MembershipChecker.UserId(invitedBy) ?? Guid.Empty, cancellationToken, partnerId);

    public async Task<AcceptanceResult> AcceptAsync(string tenantSlug, string token, string? displayName, string? password, CancellationToken cancellationToken)
    {
        return await tenants.FindBySlugAsync(tenantSlug, cancellationToken) is { Status: TenantStatus.Active } tenant
            ? await invitations.AcceptAsync(tenant, token, displayName, password, cancellationToken)
            : AcceptanceResult.Invalid;
    }

    public async Task<MemberChange> ChangeRoleAsync(Guid userId, TenantRole role, ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        var membership = await access.Memberships.FirstOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (membership is null)
        {
            return MemberChange.NotFound;
        }

        if ((role == TenantRole.Owner || membership.Role == TenantRole.Owner) && !await IsOwnerAsync(caller, cancellationToken))
        {
            return MemberChange.OwnersOnly;
        }

        if (membership.Role == TenantRole.Owner && role != TenantRole.Owner && await IsLastOwnerAsync(cancellationToken))
        {
            return MemberChange.LastOwner;
        }

        membership.Role = role;
        await access.SaveChangesAsync(cancellationToken);
        return MemberChange.Done;
    }

    public async Task<MemberChange> RemoveAsync(Guid userId, ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        var membership = await access.Memberships.FirstOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (membership is null)
        {
            return MemberChange.NotFound;
        }

        if (membership.Role == TenantRole.Owner)
        {
            if (!await IsOwnerAsync(caller, cancellationToken))
            {
                return MemberChange.OwnersOnly;
            }

            if (await IsLastOwnerAsync(cancellationToken))
            {
                return MemberChange.LastOwner;
            }
        }

        access.Memberships.Remove(membership);
        await access.SaveChangesAsync(cancellationToken);
        return MemberChange.Done;
    }

    public async Task<int> RemovePartnerGuestsAsync(Guid partnerId, CancellationToken cancellationToken = default)
    {
        var guests = await access.Memberships.Where(m => m.PartnerId == partnerId).ToListAsync(cancellationToken);
        access.Memberships.RemoveRange(guests);
        var now = clock.GetStorableUtcNow();
        foreach (var invitation in await access.Invitations.Where(i => i.PartnerId == partnerId && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(cancellationToken))
        {
            invitation.RevokedAt = now;
        }

        await access.SaveChangesAsync(cancellationToken);
        return guests.Count;
    }

    private async Task<bool> IsOwnerAsync(ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        tenant.Tenant is { } current && await checker.FindRoleAsync(caller, current, cancellationToken) == TenantRole.Owner;

    private async Task<bool> IsLastOwnerAsync(CancellationToken cancellationToken) =>
        await access.Memberships.CountAsync(m => m.Role == TenantRole.Owner, cancellationToken) <= 1;

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
