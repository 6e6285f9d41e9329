using System.Security.Claims;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Modules.Identity.Memberships;
using NucleusCloud.Tenancy.Authorization;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace NucleusCloud.Modules.Identity.OpenIdConnect;

/// <summary>Consent is a permanent authorization of OpenIddict's store, made for the signed-in person only, for scopes the server offers.</summary>
internal sealed class OidcConsent(IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations, ICaller caller) : IOidcConsent
{
    public static readonly IReadOnlyList<string> Offered = [Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess, OidcClients.ApiScope];

    public async Task<OidcConsentRequest?> DescribeAsync(string? clientId, string? scope, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(clientId) || await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application)
        {
            return null;
        }

        return new OidcConsentRequest(await applications.GetDisplayNameAsync(application, cancellationToken) ?? clientId, ScopesOf(scope));
    }

    public async Task<Outcome<bool>> GrantAsync(string? clientId, string? scope, CancellationToken cancellationToken = default)
    {
        if (MembershipChecker.UserId(caller.Principal) is not { } userId || ApiKeys.ApiKeyPrincipal.Read(caller.Principal) is not null)
        {
            return Refusal.Forbidden("Only a signed-in person gives consent.");
        }

        if (string.IsNullOrEmpty(clientId) || await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application)
        {
            return Refusal.Invalid("client_id", "There is no such application.");
        }

        var scopes = ScopesOf(scope);
        var identity = new ClaimsIdentity(OidcAccessTokenHandler.SchemeName);
        identity.SetClaim(Claims.Subject, userId.ToString()).SetScopes(scopes);
        await authorizations.CreateAsync(new ClaimsPrincipal(identity), userId.ToString(), (await applications.GetIdAsync(application, cancellationToken))!,
            AuthorizationTypes.Permanent, [.. scopes], cancellationToken);
        return true;
    }

    private static List<string> ScopesOf(string? scope) =>
        (scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(Offered.Contains).Distinct().ToList();
}
