using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace NucleusCloud.Modules.Identity.Contracts;

/// <summary>
/// Passkeys (WebAuthn) on .NET Identity: the browser asks for options, the authenticator answers,
/// and the answer comes back here to be verified. Ceremony state rides in Identity's short-lived cookie.
/// </summary>
public interface IPasskeys
{
    /// <summary>Options for <c>navigator.credentials.create()</c> for the signed-in person, as JSON.</summary>
    Task<string?> CreationOptionsAsync(HttpContext http);

    /// <summary>Options for <c>navigator.credentials.get()</c> with no account named (discoverable passkeys), as JSON.</summary>
    Task<string> RequestOptionsAsync(HttpContext http);

    /// <summary>Verifies a new credential and keeps it under <paramref name="name"/>; null on success, else why not.</summary>
    Task<string?> AddAsync(HttpContext http, string credentialJson, string name);

    /// <summary>Verifies an assertion and signs its account in with the cookie.</summary>
    Task<bool> SignInAsync(HttpContext http, string credentialJson);

    Task<IReadOnlyList<PasskeySummary>> ListAsync(ClaimsPrincipal principal);

    Task<bool> RemoveAsync(ClaimsPrincipal principal, string id);
}

/// <summary>A registered passkey; <paramref name="Id"/> is its credential id, base64url.</summary>
public sealed record PasskeySummary(string Id, string Name, DateTimeOffset CreatedAt, bool BackedUp);
