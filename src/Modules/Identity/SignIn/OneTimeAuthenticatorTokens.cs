using System.Globalization;
using Microsoft.AspNetCore.Identity;
using NucleusCloud.Modules.Identity.Accounts;
using OtpNet;

namespace NucleusCloud.Modules.Identity.SignIn;

/// <summary>
/// Authenticator (TOTP, RFC 6238, computed by Otp.NET) codes that work once. Identity's own provider accepts a code
/// again and again for 90 seconds each way; RFC 6238 §5.2 says a verifier must not accept a code
/// twice. This one accepts the current 30-second step and one step either side, remembers the
/// last step accepted per account, and refuses that step and earlier ones. The step is saved
/// through UserManager, whose concurrency stamp makes two simultaneous uses of one code fail.
/// </summary>
internal sealed class OneTimeAuthenticatorTokens(TimeProvider clock) : IUserTwoFactorTokenProvider<NucleusUser>
{
    private const string Store = "[NucleusCloud.Totp]";
    private const string LastStepName = "LastStep";
    private static readonly VerificationWindow OneStepEitherSide = new(previous: 1, future: 1);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<NucleusUser> manager, NucleusUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>"123 456" and "123-456" as people type them, to "123456".</summary>
    public static string Normalise(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    public Task<string> GenerateAsync(string purpose, UserManager<NucleusUser> manager, NucleusUser user) =>
        Task.FromResult(""); // the code comes from the person's app, never from the server

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<NucleusUser> manager, NucleusUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        // Identity writes authenticator keys in RFC 4648 Base32, as the apps read them.
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out var step, OneStepEitherSide))
        {
            return false;
        }

        var lastUsed = long.TryParse(await manager.GetAuthenticationTokenAsync(user, Store, LastStepName), CultureInfo.InvariantCulture, out var last) ? last : long.MinValue;
        return step > lastUsed
            && (await manager.SetAuthenticationTokenAsync(user, Store, LastStepName, step.ToString(CultureInfo.InvariantCulture))).Succeeded;
    }
}
