using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Identity.Data;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace NucleusCloud.Modules.Identity.OpenIdConnect;

/// <summary>
/// The platform's OpenID Connect server (OpenIddict): discovery at <c>/.well-known/openid-configuration</c>, its keys at
/// <c>/.well-known/jwks</c>, authorization code with PKCE for people, client credentials for tenants' integrations, rotating
/// refresh tokens, revocation and introspection. Its stores are in the accounts database; its keys come from <see cref="OidcKeyRing"/>.
/// </summary>
internal static class OidcServer
{
    public const string AuthorizePath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string UserInfoPath = "/connect/userinfo";
    public const string EndSessionPath = "/connect/endsession";
    public const string ConsentPath = "/connect/consent";

    public static void Add(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // HTTPS is required wherever people use the server; only development and the test suites may speak plain HTTP on loopback.
        var requireHttps = configuration.GetValue("Identity:OpenIdConnect:RequireHttps", !(environment.IsDevelopment() || environment.IsEnvironment("Testing")));
        services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<AccountsDbContext>())
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris(AuthorizePath)
                    .SetTokenEndpointUris(TokenPath)
                    .SetRevocationEndpointUris("/connect/revoke")
                    .SetIntrospectionEndpointUris("/connect/introspect")
                    .SetUserInfoEndpointUris(UserInfoPath)
                    .SetEndSessionEndpointUris(EndSessionPath)
                    .SetJsonWebKeySetEndpointUris("/.well-known/jwks");
                // PKCE with S256 only: the "plain" method protects nothing against a stolen code.
                options.Configure(server => server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                options.RegisterScopes(Scopes.Email, Scopes.Profile, Scopes.OfflineAccess, OidcClients.ApiScope);
                options.SetAccessTokenLifetime(TimeSpan.FromMinutes(15))
                    .SetRefreshTokenLifetime(TimeSpan.FromDays(14));
                // Access tokens are signed JWTs that integrations can read; codes and refresh tokens stay encrypted.
                options.DisableAccessTokenEncryption();
                var aspNetCore = options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!requireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();
                options.AddAudiences(OidcClients.ApiAudience);
                // Every access token is looked up: revoking it, its consent or its client ends it at once.
                options.EnableTokenEntryValidation();
                options.EnableAuthorizationEntryValidation();
                // From the Authorization header, or the query of a live connection (browsers' WebSockets cannot set headers); never a form body.
                options.UseAspNetCore().DisableAccessTokenExtractionFromBodyForm();
            });

        services.AddSingleton<OidcKeyRing>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>>(sp => sp.GetRequiredService<OidcKeyRing>());
        services.AddHealthChecks().AddCheck<OidcKeyRing.Check>("oidc-keys", Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, ["ready"]);
        services.AddScoped<IStartupTask, ConfiguredClients>();
        services.AddScoped<IStartupTask, OidcOptionsWarmup>();
        services.AddHostedService<OidcPruning>();
    }
}
