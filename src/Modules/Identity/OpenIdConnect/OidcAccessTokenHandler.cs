using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NucleusCloud.Modules.Identity.ApiKeys;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace NucleusCloud.Modules.Identity.OpenIdConnect;

/// <summary>
/// Accepts the server's access tokens on the API (checked by OpenIddict's validation: signature, lifetime, audience, and the stored token
/// and consent still valid) and turns them into the principals the rest of the product knows: a person by account id, whose role is then
/// looked up per request like any signed-in member; an integration as its tenant and role, like an API key, on its tenant's routes
/// only. Only tokens with the <c>api</c> scope are accepted.
/// </summary>
internal sealed class OidcAccessTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ITenantContext requestTenant)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "OidcAccessToken";

    /// <summary>The server's access tokens are JWTs (three dot-separated parts); the platform's own bearer tokens are not.</summary>
    public static bool LooksLikeOne(string token) => token.StartsWith("eyJ", StringComparison.Ordinal) && token.Count(c => c == '.') == 2;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var validated = await Context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (validated.None)
        {
            return AuthenticateResult.NoResult();
        }

        if (!validated.Succeeded || validated.Principal is not { } token)
        {
            return AuthenticateResult.Fail("The access token is not valid here.");
        }

        if (!token.HasScope(OidcClients.ApiScope) || token.GetClaim(Claims.Subject) is not { } subject)
        {
            return AuthenticateResult.Fail("The access token was not granted the api scope.");
        }

        var name = token.GetClaim(Claims.Name) ?? subject;
        ClaimsPrincipal principal;
        if (token.GetClaim(OidcIdentities.TenantClaim) is { } tenant)
        {
            // Like an API key, an integration's token is known only to its own tenant's routes: elsewhere it is refused, not anonymous.
            if (!Guid.TryParse(tenant, out var tenantId) || !Enum.TryParse<TenantRole>(token.GetClaim(OidcIdentities.RoleClaim), out var role)
                || requestTenant.TenantId != tenantId)
            {
                return AuthenticateResult.Fail("The access token is not valid here.");
            }

            principal = ApiKeyPrincipal.Create($"integration:{subject}", name, tenantId, role, SchemeName);
        }
        else
        {
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, subject), new Claim(ClaimTypes.Name, name)], SchemeName);
            if (SecondFactor.Used(token))
            {
                identity.AddClaim(new Claim(SecondFactor.MethodClaim, SecondFactor.MultiFactor));
            }

            if (SingleSignOn.TenantOf(token) is { } ssoTenant)
            {
                identity.AddClaim(new Claim(SingleSignOn.TenantClaim, ssoTenant.ToString()));
            }

            principal = new ClaimsPrincipal(identity);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
