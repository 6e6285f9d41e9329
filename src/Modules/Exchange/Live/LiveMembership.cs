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
/// </summary>
internal sealed class LiveMembership(ITenantStore tenants, ITenantScopeFactory tenantScopes, RolePermissions permissions)
{
    public async Task<LiveParticipant?> FindAsync(Guid spaceId, ClaimsPrincipal principal, CancellationToken cancellationToken)
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

        return null;
    }
}
