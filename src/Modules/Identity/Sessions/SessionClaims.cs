using System.Security.Claims;

namespace NucleusCloud.Modules.Identity.Sessions;

/// <summary>Claims a bearer principal carries about its sign-in: which refresh token it came with (how strongly it was made: <see cref="Tenancy.Authorization.SecondFactor"/>).</summary>
internal static class SessionClaims
{
    /// <summary>The refresh token (<see cref="RefreshTokenGrant"/>) issued with this bearer ticket, and its family.</summary>
    public const string RefreshToken = "nucleus:rt";
    public const string RefreshFamily = "nucleus:rtf";

    public static Guid? FamilyOf(ClaimsPrincipal principal) => Guid.TryParse(principal.FindFirstValue(RefreshFamily), out var id) ? id : null;

    public static Guid? TokenOf(ClaimsPrincipal principal) => Guid.TryParse(principal.FindFirstValue(RefreshToken), out var id) ? id : null;
}
