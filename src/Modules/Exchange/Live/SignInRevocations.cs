using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Modules.Identity.Contracts;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>When an account's sign-ins end (sign-out, password change…), its live connections leave every space at once, on every host.</summary>
internal sealed class SignInRevocations(ExchangeDbContext db, ILiveBackplane backplane) : ISignInRevocationObserver
{
    public async Task SignInsRevokedAsync(Guid userId, CancellationToken cancellationToken)
    {
        var delegations = await db.Delegates.AsNoTracking().Where(d => d.UserId == userId).Select(d => new { d.SpaceId, d.TenantId }).ToListAsync(cancellationToken);
        foreach (var delegation in delegations)
        {
            await backplane.RevokeAsync(delegation.SpaceId, delegation.TenantId, userId, cancellationToken);
        }
    }
}
