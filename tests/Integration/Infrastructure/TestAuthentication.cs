using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>
/// Test-only sign-in: the caller states its memberships in headers. Registered by the test host
/// only; the real Host never accepts these headers.
/// </summary>
internal sealed class TestAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string UserHeader = "X-Test-User";
    public const string MembershipsHeader = "X-Test-Memberships";
    public const string PlatformAdminHeader = "X-Test-Platform-Admin";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(UserHeader, out var user))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user.ToString()) };
        foreach (var tenantId in Request.Headers[MembershipsHeader].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            claims.Add(new Claim(TenantClaims.Membership, tenantId.Trim()));
        }

        if (Request.Headers[PlatformAdminHeader] == "true")
        {
            claims.Add(new Claim(TenantClaims.PlatformAdmin, "true"));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
