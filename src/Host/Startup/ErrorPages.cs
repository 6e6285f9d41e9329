namespace NucleusCloud.Host.Startup;

/// <summary>
/// A page's failure without a body (403, 404, 429, …) is answered with the error page, re-executed at
/// <c>/error/{code}</c> in a scope of its own. A refused form post is re-executed as a GET: the error page
/// has no form, and the component renderer would otherwise refuse the post a second time (400).
/// </summary>
internal static class ErrorPages
{
    public static IApplicationBuilder UseErrorPages(this IApplicationBuilder app) => app
        .UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true)
        .Use(async (context, next) =>
        {
            await next(context);
            var (request, response) = (context.Request, context.Response);
            if (response.StatusCode is >= 400 and < 600 && !response.HasStarted && response.ContentLength is null
                && string.IsNullOrEmpty(response.ContentType) && !HttpMethods.IsGet(request.Method))
            {
                request.Method = HttpMethods.Get;
                // The refused page's render left its marker; the error page's render sets its own.
                response.Headers.Remove("blazor-enhanced-nav");
            }
        });
}
