using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Primitives;
using NucleusCloud.Modules.Identity.Accounts;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Modules.Identity.Memberships;
using NucleusCloud.Tenancy.Authorization;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace NucleusCloud.Modules.Identity.OpenIdConnect;

/// <summary>
/// <c>/connect/authorize</c> after OpenIddict has checked the request (client, redirect URI, PKCE): signs the person in with the
/// platform's own sign-in page when needed, asks for consent on <c>/connect/consent</c> unless the client is a trusted first party or
/// consent was given before, and issues the code.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, UserManager<NucleusUser> users, IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded && MembershipChecker.UserId(cookie.Principal!) is { } userId ? await users.FindByIdAsync(userId.ToString()) : null;
        if (user is null || request.HasPromptValue(PromptValues.Login) || TooOld(request, cookie))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return TokenEndpoint.Refuse(Errors.LoginRequired, "The person is not signed in.");
            }

            // Back here after signing in, without prompt=login so the fresh sign-in is not asked for again.
            return Results.Challenge(new AuthenticationProperties { RedirectUri = OwnUrl(context, request, context.Request.Path, without: PromptValues.Login) },
                [IdentityConstants.ApplicationScheme]);
        }

        if (context.Request.Query.ContainsKey(OidcConsentAnswers.Denied))
        {
            return TokenEndpoint.Refuse(Errors.AccessDenied, "The person did not allow the application.");
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("The client was checked by the server.");
        var applicationId = await applications.GetIdAsync(application);
        var subject = user.Id.ToString();
        var granted = await FirstAsync(authorizations.FindAsync(subject, applicationId, Statuses.Valid, AuthorizationTypes.Permanent, request.GetScopes()));
        var consentType = await applications.GetConsentTypeAsync(application);
        var mustAsk = consentType != ConsentTypes.Implicit && (granted is null || request.HasPromptValue(PromptValues.Consent));
        if (mustAsk)
        {
            return request.HasPromptValue(PromptValues.None)
                ? TokenEndpoint.Refuse(Errors.ConsentRequired, "The person has not allowed this application yet.")
                : Results.Redirect(OwnUrl(context, request, OidcServer.ConsentPath, without: PromptValues.Consent));
        }

        var identity = OidcIdentities.ForUser(user, request.GetScopes(), cookie.Principal!);
        granted ??= await authorizations.CreateAsync(new ClaimsPrincipal(identity), subject, applicationId!, AuthorizationTypes.Permanent, request.GetScopes());
        identity.SetAuthorizationId(await authorizations.GetIdAsync(granted));
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static bool TooOld(OpenIddictRequest request, AuthenticateResult cookie) =>
        request.MaxAge is { } maxAge && cookie.Properties?.IssuedUtc is { } issued && DateTimeOffset.UtcNow - issued > TimeSpan.FromSeconds(maxAge);

    /// <summary>This request's parameters on <paramref name="path"/>, with one prompt value taken out.</summary>
    private static string OwnUrl(HttpContext context, OpenIddictRequest request, string path, string without)
    {
        var parameters = (context.Request.HasFormContentType ? context.Request.Form.AsEnumerable() : context.Request.Query)
            .Where(p => p.Key != Parameters.Prompt && p.Key != OidcConsentAnswers.Denied)
            .ToList();
        var prompt = string.Join(' ', request.GetPromptValues().Where(p => p != without));
        if (prompt.Length > 0)
        {
            parameters.Add(new(Parameters.Prompt, new StringValues(prompt)));
        }

        return context.Request.PathBase + path + QueryString.Create(parameters);
    }

    private static async Task<object?> FirstAsync(IAsyncEnumerable<object> items)
    {
        await foreach (var item in items)
        {
            return item;
        }

        return null;
    }
}
