using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace NucleusCloud.Modules.Abstractions.Http;

/// <summary>
/// The sign-in cookie goes with every request the browser makes to us, including one another site's page
/// makes it send. So an API write (POST, PUT, PATCH, DELETE) authenticated by the cookie must carry the
/// page's antiforgery token in the <c>RequestVerificationToken</c> header, whatever its body (JSON, a raw
/// upload, an import); bearer tokens and API keys are not sent by browsers on their own and need none.
/// </summary>
public static class CookieApiAntiforgery
{
    public const string HeaderName = "RequestVerificationToken";

    public static IServiceCollection AddCookieApiAntiforgery(this IServiceCollection services) =>
        services.Configure<AntiforgeryOptions>(options => options.HeaderName = HeaderName);

    /// <summary>After authentication.</summary>
    public static IApplicationBuilder UseCookieApiAntiforgery(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var method = context.Request.Method;
        var writes = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
        var byCookie = context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Ticket?.AuthenticationScheme == IdentityConstants.ApplicationScheme;
        if (writes && byCookie && Tenancy.Resolution.TenantRequests.IsApi(context.Request)
            && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Type = "https://nucleuscloud.org/problems/antiforgery",
                    Title = "The page's antiforgery token is missing or not valid.",
                    Detail = $"A change made with the sign-in cookie sends the page's antiforgery token in the {HeaderName} header.",
                },
            });
            return;
        }

        await next(context);
    });
}
