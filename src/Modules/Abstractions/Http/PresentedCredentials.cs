using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace NucleusCloud.Modules.Abstractions.Http;

/// <summary>
/// A request that presents credentials (<c>Authorization</c>, <c>X-Api-Key</c>) which are not
/// accepted answers 401, even where anonymous access is allowed: an integration with a revoked
/// key or an expired token must learn so, not silently read the public view. Endpoints marked
/// <see cref="ChecksOwnCredentials"/> (the OpenID Connect server's, where a client authenticates with
/// its own secret) are left to do that themselves.
/// </summary>
public static class PresentedCredentials
{
    public static IApplicationBuilder UseRejectionOfUnacceptedCredentials(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var presented = context.Request.Headers.ContainsKey("Authorization") || context.Request.Headers.ContainsKey("X-Api-Key");
        if (presented && context.User.Identity?.IsAuthenticated != true && context.GetEndpoint() is { } endpoint
            && endpoint.Metadata.GetMetadata<ChecksOwnCredentials>() is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status401Unauthorized,
                    Title = "The credentials are not valid.",
                    Detail = "The token or API key was not accepted: it may be expired, revoked, or meant for another tenant.",
                },
            });
            return;
        }

        await next(context);
    });
}

/// <summary>Endpoint metadata: the endpoint reads the credentials presented to it itself (they are not the product's sign-in).</summary>
public sealed class ChecksOwnCredentials;
