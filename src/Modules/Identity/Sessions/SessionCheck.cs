using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NucleusCloud.Modules.Identity.Data;

namespace NucleusCloud.Modules.Identity.Sessions;

/// <summary>
/// Bearer access tokens are self-contained, so nothing would end one before it expires. Each
/// authenticated principal that carries a security stamp is compared with the account's current stamp
/// (and its refresh family with the revoked ones), read at most once a minute per account and family on
/// each host: a sign-out, password change or revocation ends access tokens within a minute.
/// </summary>
internal sealed class SessionCheck(AccountsDbContext db, IMemoryCache cache, IOptions<IdentityOptions> identity) : IClaimsTransformation
{
    private static readonly TimeSpan ReadEvery = TimeSpan.FromMinutes(1);
    private static readonly ClaimsPrincipal SignedOut = new(new ClaimsIdentity());

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (stamp is null || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return principal; // API keys and the like carry no stamp; cookies are also checked by Identity's own validator
        }

        var current = await cache.GetOrCreateAsync(StampKey(userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = ReadEvery;
            return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync();
        });
        if (current != stamp)
        {
            return SignedOut;
        }

        if (SessionClaims.FamilyOf(principal) is { } family)
        {
            var revoked = await cache.GetOrCreateAsync(FamilyKey(family), async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = ReadEvery;
                return await db.RefreshTokens.AnyAsync(g => g.FamilyId == family && g.RevokedAt != null);
            });
            if (revoked)
            {
                return SignedOut;
            }
        }

        return principal;
    }

    /// <summary>This host forgets what it read, so a revocation made here takes effect on its next request.</summary>
    public void Forget(Guid userId) => cache.Remove(StampKey(userId));

    public void ForgetFamily(Guid familyId) => cache.Remove(FamilyKey(familyId));

    private static string StampKey(Guid userId) => $"session-stamp:{userId:N}";

    private static string FamilyKey(Guid familyId) => $"session-family:{familyId:N}";
}
