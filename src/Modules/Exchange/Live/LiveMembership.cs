using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Exchange.Spaces;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Scopes;
using NucleusCloud.Modules.Exchange.Contracts;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>
/// Answers, for a hub call, whether the caller takes part in a space: a delegation from an active
/// member tenant, and — checked in that tenant's own scope, as every request is — a membership of
/// that tenant that still grants the exchange. Nothing is taken from the connection's claims alone.
/// A join may be answered from what was checked a moment ago (<see cref="LiveStandings"/>); the sweep always checks.
/// </summary>
internal sealed class LiveMembership(ITenantStore tenants, ITenantScopeFactory tenantScopes, RolePermissions permissions, LiveStandings standings)
{
    public async Task<LiveParticipant?> FindAsync(Guid spaceId, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (SpaceAccess.UserId(principal) is not { } userId)
        {
            return null;
        }

        var (known, key) = standings.Find(spaceId, userId);
        if (known is not null)
        {
            return known;
        }

        // Not the caller's token: the check may answer other joins of the same person too.
        return await standings.CheckOnceAsync(key, () => CheckAsync(spaceId, principal, CancellationToken.None)).WaitAsync(cancellationToken);
    }

    /// <summary>Checks in the database; a person found no longer taking part is forgotten on this host.</summary>
    public async Task<LiveParticipant?> CheckAsync(Guid spaceId, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (SpaceAccess.UserId(principal) is not { } userId)
        {
            return null;
        }

        // The user's delegations from every tenant: the exchange looks as the system, then checks each in its tenant's scope.
        List<SpaceDelegate> delegations;
        await using (var system = tenantScopes.CreatePlatformScope())
        {
            delegations = await system.ServiceProvider.GetRequiredService<SpaceAccess>().DelegationsAsync(spaceId, userId, cancellationToken);
        }

        foreach (var delegation in delegations)
        {
            var tenant = await tenants.FindByIdAsync(delegation.TenantId, cancellationToken);
            if (tenant is not { Status: TenantStatus.Active })
            {
                continue;
            }

            await using var scope = tenantScopes.CreateScope(tenant);
            var role = await scope.ServiceProvider.GetRequiredService<IMembershipChecker>().FindRoleAsync(principal, tenant, cancellationToken);
            if (role is { } r && permissions.Grants(r, ExchangePermissions.Read)
                && await scope.ServiceProvider.GetRequiredService<SpaceAccess>().StandingAsync(spaceId, tenant.Id, userId, cancellationToken) is { CanTakePart: true } standing)
            {
                return new LiveParticipant(tenant.Id, tenant.Name, userId, delegation.DisplayName, standing.HistoryAfterSequence);
            }
        }

        standings.Forget(spaceId, userId);
        return null;
    }
}
