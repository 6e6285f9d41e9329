using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace NucleusCloud.Modules.Identity.TenantSso;

/// <summary>The OpenID Connect client options of a tenant's scheme: code flow with PKCE against the tenant's provider.</summary>
internal sealed class SingleSignOnOptions(SingleSignOnSchemes schemes, IDataProtectionProvider protection) : IConfigureNamedOptions<OpenIdConnectOptions>
{
    public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, OpenIdConnectOptions options)
    {
        if (name is null || schemes.Find(name) is not { } connection)
        {
            return;
        }

        options.Authority = connection.Issuer;
        options.ClientId = connection.ClientId;
        options.ClientSecret = TenantSingleSignOn.SecretProtector(protection).Unprotect(connection.ProtectedSecret);
        options.RequireHttpsMetadata = connection.Issuer.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
        options.ResponseType = OpenIdConnectResponseType.Code;
        // The code comes back in the query: no auto-posting form page of the provider's to run under this site's script policy.
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.UsePkce = true;
        options.Scope.Clear();
        foreach (var scope in new[] { "openid", "email", "profile" })
        {
            options.Scope.Add(scope);
        }

        options.CallbackPath = SingleSignOnPaths.Callback(connection.TenantSlug);
        options.SignedOutCallbackPath = $"{SingleSignOnPaths.CallbackPrefix}/{connection.TenantSlug}/signed-out";
        options.RemoteSignOutPath = $"{SingleSignOnPaths.CallbackPrefix}/{connection.TenantSlug}/sign-out";
        // The events sign the person in to the product themselves; the external cookie is never written.
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.SaveTokens = false;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.EventsType = typeof(SingleSignOnEvents);
    }
}
