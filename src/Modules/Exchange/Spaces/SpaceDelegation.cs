using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Modules.Exchange.Live;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Exchange.Spaces;

/// <summary>The users each member tenant sends into a space (its delegates), and the host's moderators among them.</summary>
internal sealed class SpaceDelegation(
    ExchangeDbContext db,
    ITenantContext tenantContext,
    ActingMember acting,
    SpaceAccess access,
    SpaceEventLog log,
    ILiveBackplane backplane,
    IAccessAdministration members,
    ExchangeAudit audit,
    RolePermissions permissions,
    TimeProvider clock) : ISpaceDelegates
{
    public async Task<Outcome<IReadOnlyList<DelegateDto>>> DelegatesAsync(ClaimsPrincipal caller, Guid spaceId, CancellationToken cancellationToken = default)
    {
        var tenantId = tenantContext.RequiredTenant.Id;
        var standing = await access.RequireAsync(spaceId, tenantId, SpaceAccess.UserId(caller), SpaceRequirement.ActiveMember, cancellationToken);
        if (standing.Refusal is { } refusal)
        {
            return refusal;
        }

        var delegates = await db.Delegates.AsNoTracking().Where(d => d.SpaceId == spaceId && d.TenantId == tenantId).ToListAsync(cancellationToken);
        return delegates.OrderBy(d => d.DisplayName, StringComparer.CurrentCulture).Select(SpaceMapping.ToDto).ToList();
    }

    public async Task<Outcome<DelegateDto>> DelegateAsync(ClaimsPrincipal caller, Guid spaceId, Guid userId, bool moderator, CancellationToken cancellationToken = default)
    {
        var found = await acting.ManagerStandingAsync(caller, spaceId, SpaceRequirement.ActiveMember, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (me, s) = found.Value;

        if (moderator && !s.IsHost)
        {
            return Refusal.Invalid("moderator", "Only the hosting tenant appoints moderators.");
        }

        if (await members.FindMemberAsync(userId, cancellationToken) is not { } member || !permissions.Grants(member.Role, ExchangePermissions.Read))
        {
            return Refusal.Invalid("userId", "Only members of your tenant can be delegated.");
        }

        var delegation = await db.Delegates.FirstOrDefaultAsync(d => d.SpaceId == spaceId && d.TenantId == me.Tenant.Id && d.UserId == userId, cancellationToken);
        if (delegation is null)
        {
            delegation = new SpaceDelegate { SpaceId = spaceId, TenantId = me.Tenant.Id, UserId = userId, DisplayName = string.IsNullOrWhiteSpace(member.DisplayName) ? member.Email : member.DisplayName, DelegatedAt = clock.GetUtcNow() };
            db.Delegates.Add(delegation);
        }

        delegation.IsModerator = moderator;
        await log.CommitGovernanceAsync(spaceId, [], cancellationToken);
        await audit.RecordAsync("delegated", spaceId, nameof(SpaceDelegate), userId, cancellationToken, ("moderator", moderator ? "true" : "false"));
        return SpaceMapping.ToDto(delegation);
    }

    public async Task<Outcome<bool>> RevokeDelegateAsync(ClaimsPrincipal caller, Guid spaceId, Guid userId, CancellationToken cancellationToken = default)
    {
        var found = await acting.ManagerStandingAsync(caller, spaceId, SpaceRequirement.ActiveMember, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (me, _) = found.Value;

        var delegation = await db.Delegates.FirstOrDefaultAsync(d => d.SpaceId == spaceId && d.TenantId == me.Tenant.Id && d.UserId == userId, cancellationToken);
        if (delegation is null)
        {
            return Refusal.NotFound("Delegate");
        }

        db.Delegates.Remove(delegation);
        await log.CommitGovernanceAsync(spaceId, [], cancellationToken);
        await backplane.RevokeAsync(spaceId, me.Tenant.Id, userId, cancellationToken);
        await audit.RecordAsync("delegation-revoked", spaceId, nameof(SpaceDelegate), userId, cancellationToken);
        return true;
    }
}
