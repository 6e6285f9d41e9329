using System.Text.Json;
using NucleusCloud.Tenancy.Authorization;
using Permissions = OpenIddict.Abstractions.OpenIddictConstants.Permissions;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace NucleusCloud.Modules.Identity.OpenIdConnect;

/// <summary>The kinds of client the OpenID Connect server knows, and what each is permitted.</summary>
internal static class OidcClients
{
    /// <summary>The scope that lets an access token call the product's API (with the caller's own rights, checked per request).</summary>
    public const string ApiScope = "api";

    /// <summary>The audience of access tokens with <see cref="ApiScope"/>; the API accepts no other.</summary>
    public const string ApiAudience = "nucleuscloud-api";

    // Properties of an integration's application: the tenant its tokens are for and the role they act with.
    public const string TenantProperty = "nucleus_tenant";
    public const string RoleProperty = "nucleus_role";

    /// <summary>A tenant's machine client: client credentials only, for the API of that tenant.</summary>
    public static OpenIddictApplicationDescriptor Integration(string clientId, string secret, string name, Guid tenantId, TenantRole role)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = name,
            Permissions =
            {
                Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Endpoints.Introspection,
                Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + ApiScope,
            },
        };
        descriptor.Properties[TenantProperty] = JsonSerializer.SerializeToElement(tenantId);
        descriptor.Properties[RoleProperty] = JsonSerializer.SerializeToElement(role.ToString());
        return descriptor;
    }

    /// <summary>An application people sign in to (a web or native app, another platform's single sign-on): code flow with PKCE and refresh tokens.</summary>
    public static OpenIddictApplicationDescriptor Interactive(OidcClientOptions client)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = string.IsNullOrEmpty(client.ClientSecret) ? null : client.ClientSecret,
            ClientType = string.IsNullOrEmpty(client.ClientSecret) ? ClientTypes.Public : ClientTypes.Confidential,
            ConsentType = client.TrustedFirstParty ? ConsentTypes.Implicit : ConsentTypes.Explicit,
            DisplayName = client.DisplayName ?? client.ClientId,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
                Permissions.Endpoints.EndSession, Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code, Permissions.Scopes.Email, Permissions.Scopes.Profile,
                Permissions.Prefixes.Scope + ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        if (descriptor.ClientType == ClientTypes.Confidential)
        {
            descriptor.Permissions.Add(Permissions.Endpoints.Introspection);
        }

        foreach (var uri in client.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        foreach (var uri in client.PostLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        return descriptor;
    }
}

/// <summary>
/// An application registered by the operator in configuration (<c>Identity:OpenIdConnect:Clients:n</c>): no secret makes a public client
/// (browser or native app, PKCE alone); <see cref="TrustedFirstParty"/> skips the consent page.
/// </summary>
internal sealed class OidcClientOptions
{
    public string ClientId { get; set; } = string.Empty;

    public string? ClientSecret { get; set; }

    public string? DisplayName { get; set; }

    public bool TrustedFirstParty { get; set; }

    public List<string> RedirectUris { get; set; } = [];

    public List<string> PostLogoutRedirectUris { get; set; } = [];
}
