using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NucleusCloud.Modules.Abstractions.Http;

/// <summary>
/// Browsers open WebSockets to any site with its cookies and say where the page came from in
/// <c>Origin</c>. A live connection (<c>/hubs/…</c>) from a browser is accepted only from a page of the
/// product itself (the host it asked, or one of <c>Hubs:AllowedOrigins</c>); clients that are not
/// browsers send no <c>Origin</c> and sign in with a bearer token.
/// </summary>
public static class LiveOrigins
{
    public const string PathPrefix = "/hubs";

    public static IApplicationBuilder UseLiveOriginCheck(this IApplicationBuilder app, IConfiguration configuration)
    {
        var allowed = new HashSet<string>((configuration.GetSection("Hubs:AllowedOrigins").Get<string[]>() ?? []).Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase) && request.Headers.Origin.ToString() is { Length: > 0 } origin
                && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase) && !allowed.Contains(origin))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status403Forbidden,
                        Title = "Live connections are accepted from the product's own pages only.",
                        Detail = $"The origin {origin} is not one of them.",
                    },
                });
                return;
            }

            await next(context);
        });
    }
}
