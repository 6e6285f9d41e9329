using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NucleusCloud.Web;

/// <summary>
/// A signed-in person who posts a form the page does not show them (it is drawn only for those allowed
/// to use it) is refused with 403, like the API refuses the same act; the framework would answer a bare
/// 400 ("no form on the page has that name"). Nothing runs either way: the services check the caller's
/// rights themselves, this only names the refusal. A form without a valid antiforgery token keeps its 400
/// (its form must not be read).
/// </summary>
public static class UnofferedForms
{
    public static IApplicationBuilder UseUnofferedFormRefusals(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        if (context.IsPagePost() && context.Response.StatusCode == StatusCodes.Status400BadRequest && !context.Response.HasStarted
            && context.User.Identity?.IsAuthenticated == true
            && context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: false }
            && context.Request.HasFormContentType && (await context.Request.ReadFormAsync(context.RequestAborted)).ContainsKey("_handler"))
        {
            // Nothing was written: let the status code pages draw the "not available" page in the reader's language.
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = null;
            context.Response.ContentLength = null;
        }
    });
}
