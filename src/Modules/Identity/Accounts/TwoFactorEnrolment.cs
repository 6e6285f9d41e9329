using NucleusCloud.Tenancy.Authorization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Identity.Contracts;
using QRCoder;

namespace NucleusCloud.Modules.Identity.Accounts;

/// <summary>
/// Authenticator enrolment, shared by the API and the page: a new key, then a code to prove the app has it.
/// Identity renews the security stamp when the key is reset and when the second factor is turned on, which
/// would end the very session that enrolled (and the person's others) within a minute; adding protection
/// ends nothing, so the stamp is kept. Turning the second factor off does end sessions (see the endpoint).
/// </summary>
internal sealed class TwoFactorEnrolment(UserManager<NucleusUser> users, IAuditTrail audit) : ITwoFactorEnrolment
{
    public async Task<AuthenticatorSetup?> BeginAsync(ClaimsPrincipal principal)
    {
        // A session a tenant's provider made never changes how the account itself signs in.
        var user = SingleSignOn.TenantOf(principal) is null ? await users.GetUserAsync(principal) : null;
        if (user is null || user.TwoFactorEnabled)
        {
            return null;
        }

        var stamp = user.SecurityStamp;
        await users.ResetAuthenticatorKeyAsync(user);
        await KeepStampAsync(user, stamp);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        var uri = AuthenticatorUri.For(user.Email!, key);
        using var qr = new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        return new AuthenticatorSetup(key, uri, new SvgQRCode(qr).GetGraphic(4));
    }

    public async Task<IReadOnlyList<string>?> EnableAsync(ClaimsPrincipal principal, string code)
    {
        var user = SingleSignOn.TenantOf(principal) is null ? await users.GetUserAsync(principal) : null;
        if (user is null || await users.GetAuthenticatorKeyAsync(user) is null)
        {
            return null;
        }

        var normalised = SignIn.OneTimeAuthenticatorTokens.Normalise(code);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, normalised))
        {
            return null;
        }

        var stamp = user.SecurityStamp;
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        await KeepStampAsync(user, stamp);
        await audit.RecordPlatformAsync("two-factor.enabled", user.Id.ToString());
        return codes;
    }

    private async Task KeepStampAsync(NucleusUser user, string? stamp)
    {
        if (user.SecurityStamp != stamp)
        {
            user.SecurityStamp = stamp;
            await users.UpdateAsync(user);
        }
    }
}
