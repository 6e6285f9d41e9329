using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace NucleusCloud.Tenancy.Authorization;

/// <summary>
/// Whether a sign-in used a second factor: the <c>amr</c> claim (RFC 8176) holds <c>mfa</c> after an
/// authenticator code or a passkey. Platform administrators need it for every platform action, and
/// a tenant may demand it of its owners and administrators.
/// </summary>
public static class SecondFactor
{
    public const string MethodClaim = "amr";
    public const string MultiFactor = "mfa";

    /// <summary>The problem type of a refusal that a sign-in with a second factor would lift.</summary>
    public const string ProblemType = "https://nucleuscloud.org/problems/second-factor-required";

    public static bool Used(ClaimsPrincipal principal) => principal.HasClaim(MethodClaim, MultiFactor);

    /// <summary>Attached to an authorization failure that a second factor would have avoided.</summary>
    public sealed class Missing(IAuthorizationHandler handler, string message) : AuthorizationFailureReason(handler, message);
}
