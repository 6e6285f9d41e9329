using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NucleusCloud.Modules.Identity.Data;

namespace NucleusCloud.Modules.Identity.Sessions;

/// <summary>
/// Bearer access tokens are self-contained, so nothing would end one before it expires. Each
/// authenticated principal that carries a security stamp is compared with the account's current stamp
/// (and its refresh family with the revoked ones), read at most once a minute per account and family on
/// each host: a sign-out, password change or revocation ends access tokens on the next request, on every host
/// (<see cref="SessionCache"/>), and within a minute where hosts cannot be told. The accounts database is reached for only on a
/// miss: most requests (and each live connection of a reconnect storm) find both in memory.
/// </summary>
internal sealed class SessionCheck(IServiceProvider services, SessionCache cache, IOptions<IdentityOptions> identity) : IClaimsTransformation
{
    private static readonly ClaimsPrincipal SignedOut = new(new ClaimsIdentity());

    private AccountsDbContext Db => services.GetRequiredService<AccountsDbContext>();

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (stamp is null || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return principal; // API keys and the like carry no stamp; cookies are also checked by Identity's own validator
        }

        var current = await cache.StampAsync(userId, () => Db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync());
        if (current != stamp)
        {
            return SignedOut;
        }

        if (SessionClaims.FamilyOf(principal) is { } family)
        {
            var revoked = await cache.FamilyRevokedAsync(family, () => Db.RefreshTokens.AnyAsync(g => g.FamilyId == family && g.RevokedAt != null));
            if (revoked)
            {
                return SignedOut;
            }
        }

        return principal;
    }
}
