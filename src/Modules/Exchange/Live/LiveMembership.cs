using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Exchange.Spaces;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>
/// Answers, for a hub call, whether the caller takes part in a space: a delegation from an active
/// member tenant, and — checked in that tenant's own scope, as every request is — a membership of
/// that tenant that still grants the exchange. Nothing is taken from the connection's claims alone.
/// </summary>
internal sealed class LiveMembership(SpaceAccess access, ITenantStore tenants, ITenantScopeFactory tenantScopes)
{
    public async Task<LiveParticipant?> FindAsync(Guid spaceId, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (SpaceAccess.UserId(principal) is not { } userId)
        {
            return null;
        }

        foreach (var delegation in await access.DelegationsAsync(spaceId, userId, cancellationToken))
        {
            var tenant = await tenants.FindByIdAsync(delegation.TenantId, cancellationToken);
            if (tenant is not { Status: TenantStatus.Active })
            {
                continue;
            }

            await using var scope = tenantScopes.CreateScope(tenant);
            var role = await scope.ServiceProvider.GetRequiredService<IMembershipChecker>().FindRoleAsync(principal, tenant, cancellationToken);
            if (role is { } r && RolePermissions.Grants(r, Permissions.ExchangeRead)
                && await access.StandingAsync(spaceId, tenant.Id, userId, cancellationToken) is { CanTakePart: true } standing)
            {
                return new LiveParticipant(tenant.Id, tenant.Name, userId, delegation.DisplayName, standing.HistoryAfterSequence);
            }
        }

        return null;
    }
}
