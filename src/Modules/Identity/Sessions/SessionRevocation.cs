using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Accounts;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Modules.Identity.Data;

namespace NucleusCloud.Modules.Identity.Sessions;

/// <summary>
/// Ends sign-ins: the security stamp is renewed (cookies and access tokens stop on their next request on every host, see
/// <see cref="SessionCheck"/>), refresh tokens and the OpenID Connect server's tokens are revoked at once, and modules holding live
/// connections are told to drop them.
/// </summary>
internal sealed class SessionRevocation(
    AccountsDbContext db,
    UserManager<NucleusUser> users,
    SessionCache sessions,
    IEnumerable<ISignInRevocationObserver> observers,
    OpenIddict.Abstractions.IOpenIddictTokenManager oidcTokens,
    TimeProvider clock)
{
    /// <summary>Every sign-in of the account, everywhere. Pass <paramref name="stampRenewed"/> when the change made (password, e-mail) renewed it already.</summary>
    public async Task RevokeAllAsync(NucleusUser user, bool stampRenewed, CancellationToken cancellationToken)
    {
        if (!stampRenewed)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        var now = clock.GetStorableUtcNow();
        await db.RefreshTokens.Where(g => g.UserId == user.Id && g.RevokedAt == null)
            .ExecuteUpdateAsync(g => g.SetProperty(x => x.RevokedAt, now), cancellationToken);
        // Tokens the OpenID Connect server gave applications for this person (checked against the store on every use).
        await oidcTokens.RevokeBySubjectAsync(user.Id.ToString(), cancellationToken);
        await sessions.ForgetUserAsync(user.Id);
        await TellObserversAsync(user.Id, cancellationToken);
    }

    /// <summary>One family of refresh tokens (one bearer sign-in), e.g. when one of its tokens was used twice.</summary>
    public async Task RevokeFamilyAsync(Guid userId, Guid familyId, CancellationToken cancellationToken)
    {
        var now = clock.GetStorableUtcNow();
        await db.RefreshTokens.Where(g => g.FamilyId == familyId && g.RevokedAt == null)
            .ExecuteUpdateAsync(g => g.SetProperty(x => x.RevokedAt, now), cancellationToken);
        await sessions.ForgetFamilyAsync(familyId);
        await TellObserversAsync(userId, cancellationToken);
    }

    private async Task TellObserversAsync(Guid userId, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            await observer.SignInsRevokedAsync(userId, cancellationToken);
        }
    }
}
