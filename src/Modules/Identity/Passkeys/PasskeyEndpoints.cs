using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Identity.Accounts;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Modules.Identity.SignIn;

namespace NucleusCloud.Modules.Identity.Passkeys;

/// <summary>
/// The two calls the pages' script makes before asking the authenticator. Both are POSTs carrying the
/// page's antiforgery token, because each starts a ceremony by setting a cookie.
/// </summary>
internal static class PasskeyEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/auth/passkeys").WithTags("Passkeys");
        group.MapPost("/creation-options", CreationOptions).WithName("PasskeyCreationOptions").RequireAuthorization(AccountEndpoints.OwnCredentials);
        group.MapPost("/request-options", RequestOptions).WithName("PasskeyRequestOptions").AllowAnonymous().RequireRateLimiting(AuthEndpoints.RateLimitPolicy);
    }

    private static async Task<IResult> CreationOptions(HttpContext http, IAntiforgery antiforgery, IPasskeys passkeys) =>
        !await antiforgery.IsRequestValidAsync(http)
            ? AntiforgeryProblem()
            : await passkeys.CreationOptionsAsync(http) is { } json
                ? Results.Text(json, "application/json")
                : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The account no longer exists.");

    private static async Task<IResult> RequestOptions(HttpContext http, IAntiforgery antiforgery, IPasskeys passkeys) =>
        !await antiforgery.IsRequestValidAsync(http)
            ? AntiforgeryProblem()
            : Results.Text(await passkeys.RequestOptionsAsync(http), "application/json");

    private static IResult AntiforgeryProblem() =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The page has expired: reload it and try again.", type: "https://nucleuscloud.org/problems/antiforgery");
}
