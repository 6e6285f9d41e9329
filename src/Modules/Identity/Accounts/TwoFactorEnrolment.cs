using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Identity.Contracts;
using QRCoder;

namespace NucleusCloud.Modules.Identity.Accounts;

/// <summary>Authenticator enrolment, shared by the API and the page: a new key, then a code to prove the app has it.</summary>
internal sealed class TwoFactorEnrolment(UserManager<NucleusUser> users, IAuditTrail audit) : ITwoFactorEnrolment
{
    public async Task<AuthenticatorSetup?> BeginAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || user.TwoFactorEnabled)
        {
            return null;
        }

        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        var uri = AuthenticatorUri.For(user.Email!, key);
        using var qr = new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        return new AuthenticatorSetup(key, uri, new SvgQRCode(qr).GetGraphic(4));
    }

    public async Task<IReadOnlyList<string>?> EnableAsync(ClaimsPrincipal principal, string code)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || await users.GetAuthenticatorKeyAsync(user) is null)
        {
            return null;
        }

        var normalised = SignIn.OneTimeAuthenticatorTokens.Normalise(code);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, normalised))
        {
            return null;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        await audit.RecordPlatformAsync("two-factor.enabled", user.Id.ToString());
        return codes;
    }
}
