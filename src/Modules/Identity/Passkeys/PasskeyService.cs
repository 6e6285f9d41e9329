using NucleusCloud.Tenancy.Authorization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Identity.Accounts;
using NucleusCloud.Modules.Identity.Contracts;

namespace NucleusCloud.Modules.Identity.Passkeys;

internal sealed partial class PasskeyService(SignInManager<NucleusUser> signIn, UserManager<NucleusUser> users, IAuditTrail audit, ILogger<PasskeyService> logger) : IPasskeys
{
    public const int MaxPasskeysPerAccount = 20;

    public async Task<string?> CreationOptionsAsync(HttpContext http)
    {
        signIn.Context = http;
        // A session a tenant's provider made never changes how the account itself signs in.
        if (SingleSignOn.TenantOf(http.User) is not null || await users.GetUserAsync(http.User) is not { } user)
        {
            return null;
        }

        var entity = new PasskeyUserEntity { Id = user.Id.ToString(), Name = user.Email!, DisplayName = string.IsNullOrEmpty(user.DisplayName) ? user.Email! : user.DisplayName };
        return await signIn.MakePasskeyCreationOptionsAsync(entity);
    }

    public Task<string> RequestOptionsAsync(HttpContext http)
    {
        signIn.Context = http;
        return signIn.MakePasskeyRequestOptionsAsync(null);
    }

    public async Task<string?> AddAsync(HttpContext http, string credentialJson, string name)
    {
        signIn.Context = http;
        if (SingleSignOn.TenantOf(http.User) is not null)
        {
            return "Sign in with your password to add a passkey: a sign-in through a tenant's identity provider cannot.";
        }

        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return "Sign in again, then add the passkey.";
        }

        if ((await users.GetPasskeysAsync(user)).Count >= MaxPasskeysPerAccount)
        {
            return $"An account holds at most {MaxPasskeysPerAccount} passkeys: remove one first.";
        }

        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            // No ceremony under way in this browser (expired, replayed, or options never asked for).
            return "The passkey could not be checked: start again.";
        }

        if (!attestation.Succeeded)
        {
            LogRejected(logger, "attestation", attestation.Failure.Message);
            return "The passkey could not be checked: start again.";
        }

        if (attestation.UserEntity.Id != user.Id.ToString())
        {
            return "The passkey was made for another account.";
        }

        attestation.Passkey.Name = name;
        var result = await users.AddOrUpdatePasskeyAsync(user, attestation.Passkey);
        if (!result.Succeeded)
        {
            return "The passkey could not be saved: start again.";
        }

        await audit.RecordPlatformAsync("passkey.added", user.Id.ToString(), new Dictionary<string, string?> { ["name"] = name, ["credentialId"] = Encode(attestation.Passkey.CredentialId) }, http.RequestAborted);
        return null;
    }

    public async Task<bool> SignInAsync(HttpContext http, string credentialJson)
    {
        signIn.Context = http;
        PasskeyAssertionResult<NucleusUser> assertion;
        try
        {
            assertion = await signIn.PerformPasskeyAssertionAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            await audit.RecordPlatformAsync("sign-in.failed", null, new Dictionary<string, string?> { ["method"] = "passkey (web)", ["reason"] = "no ceremony under way" }, http.RequestAborted);
            return false;
        }

        if (!assertion.Succeeded)
        {
            LogRejected(logger, "assertion", assertion.Failure.Message);
            await audit.RecordPlatformAsync("sign-in.failed", null, new Dictionary<string, string?> { ["method"] = "passkey (web)" }, http.RequestAborted);
            return false;
        }

        var user = assertion.User;
        // Lockout and the sign count are Identity's checks; a locked account stays locked for passkeys too.
        if (await users.IsLockedOutAsync(user) || !(await users.AddOrUpdatePasskeyAsync(user, assertion.Passkey)).Succeeded)
        {
            await audit.RecordPlatformAsync("sign-in.failed", user.Id.ToString(), new Dictionary<string, string?> { ["email"] = user.Email, ["method"] = "passkey (web)" }, http.RequestAborted);
            return false;
        }

        // A passkey with user verification is two factors in one: no authenticator code is asked for.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "hwk"), new Claim("amr", "mfa")]);
        await audit.RecordPlatformAsync("sign-in.succeeded", user.Id.ToString(), new Dictionary<string, string?> { ["email"] = user.Email, ["method"] = "passkey (web)" }, http.RequestAborted);
        return true;
    }

    public async Task<IReadOnlyList<PasskeySummary>> ListAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return [];
        }

        return [.. (await users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeySummary(Encode(p.CredentialId), p.Name ?? "Passkey", p.CreatedAt, p.IsBackedUp))];
    }

    public async Task<bool> RemoveAsync(ClaimsPrincipal principal, string id)
    {
        if (SingleSignOn.TenantOf(principal) is not null || await users.GetUserAsync(principal) is not { } user || Decode(id) is not { } credentialId)
        {
            return false;
        }

        if (await users.GetPasskeyAsync(user, credentialId) is null || !(await users.RemovePasskeyAsync(user, credentialId)).Succeeded)
        {
            return false;
        }

        await audit.RecordPlatformAsync("passkey.removed", user.Id.ToString(), new Dictionary<string, string?> { ["credentialId"] = id });
        return true;
    }

    private static string Encode(byte[] bytes) => WebEncoders.Base64UrlEncode(bytes);

    private static byte[]? Decode(string id)
    {
        try
        {
            return WebEncoders.Base64UrlDecode(id);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Passkey {Ceremony} rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string ceremony, string reason);
}
