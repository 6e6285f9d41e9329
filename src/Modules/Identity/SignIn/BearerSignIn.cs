using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Identity.Accounts;
using NucleusCloud.Modules.Identity.Sessions;

namespace NucleusCloud.Modules.Identity.SignIn;

/// <summary>What a bearer sign-in came to: a principal to sign in, a second factor to ask for, or a refusal.</summary>
internal sealed record BearerSignInResult(ClaimsPrincipal? Principal, bool SecondFactorRequired);

/// <summary>
/// The API's sign-in: the password (with lockout), then the authenticator code or a recovery code when
/// the account has two-factor sign-in, then a new family of refresh tokens. Every attempt is audited.
/// </summary>
internal sealed class BearerSignIn(SignInManager<NucleusUser> signIn, UserManager<NucleusUser> users, BearerSessions sessions, AccountThrottle throttle, IAuditTrail audit)
{
    public async Task<BearerSignInResult> SignInAsync(string email, string password, string? code, string? recoveryCode, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        var usedSecondFactor = !string.IsNullOrEmpty(code) || !string.IsNullOrEmpty(recoveryCode);
        var outcome = !throttle.TryAttempt(email) ? SignInResult.LockedOut
            : user is null ? SignInResult.Failed
            : await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (outcome.Succeeded && user!.TwoFactorEnabled)
        {
            if (!usedSecondFactor)
            {
                return new(null, SecondFactorRequired: true);
            }

            var accepted = !string.IsNullOrEmpty(recoveryCode)
                ? (await users.RedeemTwoFactorRecoveryCodeAsync(user, recoveryCode.Trim())).Succeeded
                : await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, OneTimeAuthenticatorTokens.Normalise(code!));
            if (!accepted)
            {
                await users.AccessFailedAsync(user);
                outcome = SignInResult.Failed;
            }
        }

        await audit.RecordPlatformAsync(outcome.Succeeded ? "sign-in.succeeded" : "sign-in.failed", user?.Id.ToString(), new Dictionary<string, string?>
        {
            ["email"] = email,
            ["method"] = usedSecondFactor && user?.TwoFactorEnabled == true ? "password+2fa" : "password",
            ["lockedOut"] = outcome.IsLockedOut ? "true" : null,
        }, cancellationToken);
        if (!outcome.Succeeded)
        {
            return new(null, SecondFactorRequired: false);
        }

        await users.ResetAccessFailedCountAsync(user!);
        return new(await sessions.StartAsync(user!, multiFactor: user!.TwoFactorEnabled, cancellationToken), SecondFactorRequired: false);
    }
}
