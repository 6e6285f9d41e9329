using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Identity.Accounts;
using NucleusCloud.Modules.Identity.Sessions;

namespace NucleusCloud.Modules.Identity.SignIn;

/// <summary>
/// <c>POST /account/logout</c> from the shell's sign-out form (antiforgery-checked): ends this cookie and
/// every other sign-in of the account (other browsers, bearer and refresh tokens, live connections).
/// </summary>
internal static class WebSignOutEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/account/logout", async ([FromForm] string? returnUrl, HttpContext http, SignInManager<NucleusUser> signIn, SessionRevocation revocation, IAuditTrail audit) =>
            {
                signIn.Context = http;
                if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
                {
                    await revocation.RevokeAllAsync(user, stampRenewed: false, http.RequestAborted);
                    await audit.RecordPlatformAsync("signed-out", user.Id.ToString(), cancellationToken: http.RequestAborted);
                }

                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) ? "/" : returnUrl);
            })
            .WithName("SignOut").WithTags("Sign-in").AllowAnonymous();
}
