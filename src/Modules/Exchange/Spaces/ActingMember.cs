using System.Security.Claims;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Exchange.Spaces;

/// <summary>The tenant acting (the request's tenant) and the user acting for it.</summary>
internal sealed record Actor(TenantInfo Tenant, Guid UserId, string DisplayName, TenantRole Role, bool MaySpeakForTenant);

/// <summary>Finds who acts: a member of the request's tenant that may see the exchange, with the name others will see.</summary>
internal sealed class ActingMember(ITenantContext tenantContext, IAccessAdministration access, SpaceAccess spaces, RolePermissions permissions)
{
    public async Task<Outcome<Actor>> ResolveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.RequiredTenant;
        if (SpaceAccess.UserId(principal) is not { } userId
            || await access.FindMemberAsync(userId, cancellationToken) is not { } member
            || !permissions.Grants(member.Role, ExchangePermissions.Read))
        {
            return Refusal.Forbidden("Only members of this tenant take part in its exchange spaces.");
        }

        var name = string.IsNullOrWhiteSpace(member.DisplayName) ? member.Email : member.DisplayName;
        return new Actor(tenant, userId, name, member.Role, permissions.Grants(member.Role, ExchangePermissions.Manage));
    }

    public async Task<Outcome<Actor>> ResolveManagerAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var actor = await ResolveAsync(principal, cancellationToken);
        return actor.Value is { MaySpeakForTenant: false }
            ? Refusal.Forbidden("Only the tenant's owners and administrators speak for it in exchange spaces.")
            : actor;
    }

    /// <summary>The acting member's standing in a space, when it meets <paramref name="requirement"/>.</summary>
    public async Task<Outcome<SpaceStanding>> StandingAsync(ClaimsPrincipal principal, Guid spaceId, SpaceRequirement requirement, CancellationToken cancellationToken)
    {
        var actor = await ResolveAsync(principal, cancellationToken);
        return actor.Value is { } me
            ? await spaces.RequireAsync(spaceId, me.Tenant.Id, me.UserId, requirement, cancellationToken)
            : actor.Refusal!;
    }

    /// <summary>The acting member and its tenant's standing in the space, when it meets <paramref name="requirement"/>.</summary>
    public async Task<Outcome<(Actor Actor, SpaceStanding Standing)>> ActorStandingAsync(ClaimsPrincipal principal, Guid spaceId, SpaceRequirement requirement, CancellationToken cancellationToken)
    {
        var actor = await ResolveAsync(principal, cancellationToken);
        if (actor.Value is not { } me)
        {
            return actor.Refusal!;
        }

        var standing = await spaces.RequireAsync(spaceId, me.Tenant.Id, me.UserId, requirement, cancellationToken);
        return standing.Value is { } s ? (me, s) : standing.Refusal!;
    }

    /// <summary>The acting owner or administrator and its tenant's standing in the space, when it meets <paramref name="requirement"/>.</summary>
    public async Task<Outcome<(Actor Actor, SpaceStanding Standing)>> ManagerStandingAsync(ClaimsPrincipal principal, Guid spaceId, SpaceRequirement requirement, CancellationToken cancellationToken)
    {
        var actor = await ResolveManagerAsync(principal, cancellationToken);
        if (actor.Value is not { } me)
        {
            return actor.Refusal!;
        }

        var standing = await spaces.RequireAsync(spaceId, me.Tenant.Id, me.UserId, requirement, cancellationToken);
        return standing.Value is { } s ? (me, s) : standing.Refusal!;
    }
}
