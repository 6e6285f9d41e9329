using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Identity.Accounts;
using NucleusCloud.Modules.Identity.ApiKeys;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Modules.Identity.OpenIdConnect;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Resolution;

namespace NucleusCloud.Modules.Identity.SignIn;

/// <summary>
/// One default scheme that picks, per request, how the caller proves who it is: a bearer token
/// (the platform's own, or an access token of its OpenID Connect server), an API key (integrations) or the sign-in cookie (pages).
/// </summary>
internal static class NucleusAuthentication
{
    public const string Scheme = "Nucleus";

    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Bearer token, API key or cookie", options => options.ForwardDefaultSelector = SelectScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options =>
            {
                options.BearerTokenExpiration = TimeSpan.FromMinutes(15);
                options.RefreshTokenExpiration = TimeSpan.FromDays(14);
                options.Events.OnMessageReceived = context =>
                {
                    context.Token ??= LiveToken(context.Request);
                    return Task.CompletedTask;
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, _ => { })
            .AddScheme<AuthenticationSchemeOptions, OidcAccessTokenHandler>(OidcAccessTokenHandler.SchemeName, _ => { })
            .AddIdentityCookies();
        KeepTokensOutOfLogs(services);

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "nucleus.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/account/login";
            options.AccessDeniedPath = "/error/403";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers 401/403; only pages redirect to the sign-in page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        // A changed password or security stamp ends other cookie sessions within a minute; a session that goes on keeps what it
        // knows of its sign-in (a second factor, the tenant whose provider made it), which Identity's re-made principal leaves out.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.OnRefreshingPrincipal = KeepSignInClaims;
        });

        services.AddIdentityCore<NucleusUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                // Length over composition (NIST SP 800-63B): long passphrases, no character-class rules.
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireDigit = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            // Replaces Identity's authenticator provider: each code works once (RFC 6238 §5.2).
            .AddTokenProvider<OneTimeAuthenticatorTokens>(TokenOptions.DefaultAuthenticatorProvider);
    }

    /// <summary>Live connections (<c>/hubs/…</c>) whose client cannot set headers (browsers' WebSockets) send the bearer token in the query.</summary>
    public const string LivePath = "/hubs";

    /// <summary>
    /// The query-string token of a live connection. Only on live paths, and request lines are never
    /// logged (see <see cref="KeepTokensOutOfLogs"/>), so the token is not written anywhere.
    /// </summary>
    private static string? LiveToken(HttpRequest request) =>
        request.Path.StartsWithSegments(LivePath, StringComparison.OrdinalIgnoreCase) && request.Query.TryGetValue("access_token", out var token) && !string.IsNullOrEmpty(token)
            ? token.ToString()
            : null;

    /// <summary>
    /// The hosting layer logs each request line with its query string ("Request starting …"), which would
    /// write live connections' tokens to the log at Information level; that category is held to warnings
    /// whatever the configuration says (this rule is added after the configuration's, so it wins).
    /// </summary>
    public static void KeepTokensOutOfLogs(IServiceCollection services) =>
        services.Configure<Microsoft.Extensions.Logging.LoggerFilterOptions>(options =>
            options.Rules.Add(new Microsoft.Extensions.Logging.LoggerFilterRule(null, "Microsoft.AspNetCore.Hosting.Diagnostics", Microsoft.Extensions.Logging.LogLevel.Warning, null)));

    private static string SelectScheme(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var bearer = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : LiveToken(context.Request);
        if (bearer is not null)
        {
            return OidcAccessTokenHandler.LooksLikeOne(bearer) ? OidcAccessTokenHandler.SchemeName : IdentityConstants.BearerScheme;
        }

        return ApiKeyAuthenticationHandler.KeyFrom(context.Request) is not null
            ? ApiKeyAuthenticationHandler.SchemeName
            : IdentityConstants.ApplicationScheme;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (TenantRequests.IsApi(context.Request) || context.Request.Path.StartsWithSegments(LivePath, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    private static Task KeepSignInClaims(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is ClaimsIdentity renewed && context.CurrentPrincipal is { } current)
        {
            foreach (var claim in current.FindAll(c => c.Type is SecondFactor.MethodClaim or SingleSignOn.TenantClaim).ToList())
            {
                if (!renewed.HasClaim(claim.Type, claim.Value))
                {
                    renewed.AddClaim(new Claim(claim.Type, claim.Value));
                }
            }
        }

        return Task.CompletedTask;
    }
}
