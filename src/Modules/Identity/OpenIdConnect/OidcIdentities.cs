using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using NucleusCloud.Modules.Identity.Accounts;
using NucleusCloud.Tenancy.Authorization;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace NucleusCloud.Modules.Identity.OpenIdConnect;

/// <summary>What the server's tokens say about a person or an integration, and which token each claim goes into.</summary>
internal static class OidcIdentities
{
    public const string TenantClaim = "nucleus_tenant";
    public const string RoleClaim = "nucleus_role";

    /// <summary>
    /// A person, with the scopes granted: e-mail and name only when asked for, the second factor when <paramref name="signedIn"/> used one,
    /// and the tenant whose provider signed them in, so that the tokens count in that tenant alone as the session did.
    /// </summary>
    public static ClaimsIdentity ForUser(NucleusUser user, IEnumerable<string> scopes, ClaimsPrincipal signedIn)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.Name, user.DisplayName ?? user.Email);
        if (SecondFactor.Used(signedIn))
        {
            identity.SetClaim(SecondFactor.MethodClaim, SecondFactor.MultiFactor);
        }

        if (SingleSignOn.TenantOf(signedIn) is { } ssoTenant)
        {
            identity.SetClaim(SingleSignOn.TenantClaim, ssoTenant.ToString());
        }

        Grant(identity, scopes);
        return identity;
    }

    /// <summary>An integration of one tenant, acting with one role in that tenant alone.</summary>
    public static ClaimsIdentity ForIntegration(string clientId, string name, Guid tenantId, TenantRole role, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, name)
            .SetClaim(TenantClaim, tenantId.ToString())
            .SetClaim(RoleClaim, role.ToString());
        Grant(identity, scopes);
        return identity;
    }

    private static ClaimsIdentity NewIdentity() => new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    private static void Grant(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        identity.SetScopes(scopes);
        identity.SetResources(identity.HasScope(OidcClients.ApiScope) ? [OidcClients.ApiAudience] : []);
        identity.SetDestinations(claim => Destinations(claim, identity));
    }

    private static IEnumerable<string> Destinations(Claim claim, ClaimsIdentity identity) => claim.Type switch
    {
        Claims.Email when identity.HasScope(Scopes.Email) => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Name when identity.HasScope(Scopes.Profile) => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        SecondFactor.MethodClaim => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        TenantClaim or RoleClaim or Claims.Name or SingleSignOn.TenantClaim => [OpenIddictConstants.Destinations.AccessToken],
        _ => [],
    };
}
