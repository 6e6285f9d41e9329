using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Identity.Accounts;

namespace NucleusCloud.Modules.Identity.SignIn;

/// <summary><c>POST /account/logout</c> from the shell's sign-out form (antiforgery-checked).</summary>
internal static class WebSignOutEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/account/logout", async ([FromForm] string? returnUrl, HttpContext http, SignInManager<NucleusUser> signIn) =>
            {
                signIn.Context = http;
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) ? "/" : returnUrl);
            })
            .WithName("SignOut").WithTags("Sign-in").AllowAnonymous();
}
