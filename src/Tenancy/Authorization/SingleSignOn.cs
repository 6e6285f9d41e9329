using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace NucleusCloud.Tenancy.Authorization;

/// <summary>
/// A sign-in through a tenant's own identity provider carries the tenant's id in <see cref="TenantClaim"/>. Such a session counts in
/// that tenant only (another tenant's provider must never vouch for someone elsewhere), and a tenant may require it of its members.
/// </summary>
public static class SingleSignOn
{
    public const string TenantClaim = "nucleus:sso";

    /// <summary>The problem type of a refusal that signing in through the tenant's identity provider would lift.</summary>
    public const string ProblemType = "https://nucleuscloud.org/problems/single-sign-on-required";

    /// <summary>The tenant whose provider made this sign-in; null for any other sign-in.</summary>
    public static Guid? TenantOf(ClaimsPrincipal principal) => Guid.TryParse(principal.FindFirstValue(TenantClaim), out var id) ? id : null;

    /// <summary>Attached to an authorization failure that a sign-in through <paramref name="tenantSlug"/>'s provider would have avoided.</summary>
    public sealed class Missing(IAuthorizationHandler handler, string tenantSlug, string message) : AuthorizationFailureReason(handler, message)
    {
        public string TenantSlug { get; } = tenantSlug;
    }
}
