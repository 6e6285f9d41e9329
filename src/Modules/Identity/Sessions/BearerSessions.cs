using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Accounts;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.Sessions;

/// <summary>
/// Bearer sign-ins as families of refresh tokens: a sign-in starts a family, every refresh uses its
/// token once and gets the next; a token used twice revokes the family (whoever copied it and the
/// rightful holder both have to sign in again).
/// </summary>
internal sealed class BearerSessions(
    AccountsDbContext db,
    SignInManager<NucleusUser> signIn,
    IOptionsMonitor<BearerTokenOptions> bearer,
    SessionRevocation revocation,
    IAuditTrail audit,
    TimeProvider clock)
{
    /// <summary>The principal for a new bearer sign-in of <paramref name="user"/>: its claims, how it signed in, and a new family's first token.</summary>
    public async Task<ClaimsPrincipal> StartAsync(NucleusUser user, bool multiFactor, CancellationToken cancellationToken)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        if (multiFactor)
        {
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SecondFactor.MethodClaim, SecondFactor.MultiFactor));
        }

        return await IssueAsync(principal, user.Id, Guid.CreateVersion7(), cancellationToken);
    }

    /// <summary>The principal to sign in again with for a presented refresh token, or null when it is not (or no longer) good.</summary>
    public async Task<ClaimsPrincipal?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(refreshToken);
        var now = clock.GetStorableUtcNow();
        if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires
            || SessionClaims.TokenOf(ticket.Principal) is not { } tokenId || SessionClaims.FamilyOf(ticket.Principal) is not { } familyId)
        {
            return null;
        }

        // Claim the token: exactly one caller can move it from unused to used.
        var claimed = await db.RefreshTokens.Where(g => g.Id == tokenId && g.UsedAt == null && g.RevokedAt == null)
            .ExecuteUpdateAsync(g => g.SetProperty(x => x.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            var grant = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(g => g.Id == tokenId, cancellationToken);
            if (grant is { UsedAt: not null, RevokedAt: null })
            {
                await revocation.RevokeFamilyAsync(grant.UserId, familyId, cancellationToken);
                await audit.RecordPlatformAsync("refresh-token.reused", grant.UserId.ToString(),
                    new Dictionary<string, string?> { ["family"] = familyId.ToString() }, cancellationToken);
            }

            return null;
        }

        // The security stamp check makes a password change (or any revocation) end every token issued before it.
        if (await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return null;
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        if (SecondFactor.Used(ticket.Principal))
        {
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SecondFactor.MethodClaim, SecondFactor.MultiFactor));
        }

        return await IssueAsync(principal, user.Id, familyId, cancellationToken);
    }

    private async Task<ClaimsPrincipal> IssueAsync(ClaimsPrincipal principal, Guid userId, Guid familyId, CancellationToken cancellationToken)
    {
        var now = clock.GetStorableUtcNow();
        var grant = new RefreshTokenGrant
        {
            FamilyId = familyId,
            UserId = userId,
            IssuedAt = now,
            ExpiresAt = now + bearer.Get(IdentityConstants.BearerScheme).RefreshTokenExpiration,
        };
        db.RefreshTokens.Add(grant);
        await db.SaveChangesAsync(cancellationToken);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(SessionClaims.RefreshToken, grant.Id.ToString()));
        identity.AddClaim(new Claim(SessionClaims.RefreshFamily, familyId.ToString()));
        return principal;
    }
}
