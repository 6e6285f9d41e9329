using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace NucleusCloud.Modules.Identity.Contracts;

/// <summary>Cookie sign-in for the web pages, and what the shell shows about the signed-in person.</summary>
public interface IWebSignIn
{
    Task<WebSignInResult> PasswordAsync(HttpContext http, string email, string password, bool remember);

    Task<WebSignInResult> SecondFactorAsync(HttpContext http, string code, bool isRecoveryCode);

    Task<AccountSummary?> CurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);
}

public enum WebSignInResult
{
    Succeeded,
    SecondFactorRequired,
    Failed,
}

public sealed record AccountSummary(Guid Id, string Email, string DisplayName, bool TwoFactorEnabled, bool PlatformAdmin, IReadOnlyList<TenantMembershipSummary> Memberships);

public sealed record TenantMembershipSummary(string Slug, string Name, string Role);
