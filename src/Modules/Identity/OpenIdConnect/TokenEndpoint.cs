using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using NucleusCloud.Modules.Identity.Accounts;
using NucleusCloud.Tenancy.Authorization;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace NucleusCloud.Modules.Identity.OpenIdConnect;

/// <summary>
/// <c>/connect/token</c> after OpenIddict has authenticated the client and checked the grant: an integration gets a token for its own
/// tenant and role; a person's code or refresh token is honoured only while the account may still sign in, and its claims are read afresh.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, UserManager<NucleusUser> users, SignInManager<NucleusUser> signIn, IOpenIddictApplicationManager applications)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("The client was checked by the server.");
            var properties = await applications.GetPropertiesAsync(application);
            if (!properties.TryGetValue(OidcClients.TenantProperty, out var tenant) || !properties.TryGetValue(OidcClients.RoleProperty, out var role))
            {
                return Refuse(Errors.UnauthorizedClient, "Only a tenant's integration may use client credentials.");
            }

            var scopes = request.GetScopes().IsEmpty ? [OidcClients.ApiScope] : request.GetScopes();
            var identity = OidcIdentities.ForIntegration(request.ClientId!, await applications.GetDisplayNameAsync(application) ?? request.ClientId!,
                tenant.GetGuid(), Enum.Parse<TenantRole>(role.GetString()!), scopes);
            return Results.SignIn(new System.Security.Claims.ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var user = granted?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
            if (granted is null || user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            {
                return Refuse(Errors.InvalidGrant, "The account can no longer sign in.");
            }

            var identity = OidcIdentities.ForUser(user, granted.GetScopes(), granted);
            identity.SetAuthorizationId(granted.GetAuthorizationId());
            return Results.SignIn(new System.Security.Claims.ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Refuse(Errors.UnsupportedGrantType, "This grant type is not offered.");
    }

    internal static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
