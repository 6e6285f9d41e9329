using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>
/// Test-only sign-in: <c>X-Test-User: {account id}</c> authenticates as that account, skipping
/// the password. What the account may do still comes from its memberships in the database.
/// Registered by the test host only; requests without the header use the real schemes.
/// </summary>
internal sealed class TestAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string SelectorName = "TestOrReal";
    public const string UserHeader = "X-Test-User";

    /// <summary>Present: the test sign-in counts as one made with a second factor (<c>amr=mfa</c>).</summary>
    public const string SecondFactorHeader = "X-Test-Second-Factor";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Guid.TryParse(Request.Headers[UserHeader], out var userId))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString())], SchemeName);
        if (Request.Headers.ContainsKey(SecondFactorHeader))
        {
            identity.AddClaim(new Claim(NucleusCloud.Tenancy.Authorization.SecondFactor.MethodClaim, NucleusCloud.Tenancy.Authorization.SecondFactor.MultiFactor));
        }

        var principal = new ClaimsPrincipal(identity);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
