using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>When an account's sign-ins end (sign-out, password change…), its live connections leave every space at once, on every host.</summary>
internal sealed class SignInRevocations(ITenantScopeFactory scopes, ILiveBackplane backplane) : ISignInRevocationObserver
{
    public async Task SignInsRevokedAsync(Guid userId, CancellationToken cancellationToken)
    {
        // Every tenant's delegations of the account: the exchange itself looks (no tenant acts in a sign-out).
        await using var scope = scopes.CreatePlatformScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var delegations = await db.Delegates.AsNoTracking().Where(d => d.UserId == userId).Select(d => new { d.SpaceId, d.TenantId }).ToListAsync(cancellationToken);
        foreach (var delegation in delegations)
        {
            await backplane.RevokeAsync(delegation.SpaceId, delegation.TenantId, userId, cancellationToken);
        }
    }
}
