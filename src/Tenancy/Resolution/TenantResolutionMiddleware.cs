using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace NucleusCloud.Tenancy.Resolution;

/// <summary>
/// Runs after routing: when the matched route carries <c>{tenant}</c>, looks the tenant up,
/// refuses unknown (404) and still provisioning (403) ones, and sets the request's tenant context. A suspended
/// tenant is set too: <see cref="TenantWriteGuardMiddleware"/>, once the caller is known, lets its members read.
/// There is no default tenant: a route without <c>{tenant}</c> runs without one.
/// </summary>
internal sealed class TenantResolutionMiddleware(RequestDelegate next, ILogger<TenantResolutionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, ITenantStore store, TenantContext tenantContext)
    {
        if (context.GetRouteValue(TenantRequests.RouteParameter) is not string slug)
        {
            await next(context);
            return;
        }

        var tenant = await store.FindBySlugAsync(slug, context.RequestAborted);
        switch (tenant?.Status)
        {
            case null or TenantStatus.Deleted:
                await TenantProblems.WriteAsync(context, StatusCodes.Status404NotFound, TenantProblems.NotFoundType,
                    "Tenant not found", $"There is no tenant '{slug}'.");
                return;
            case TenantStatus.Provisioning:
                await TenantProblems.WriteAsync(context, StatusCodes.Status403Forbidden, TenantProblems.NotReadyType,
                    "Tenant not ready", $"The tenant '{slug}' is still being provisioned.");
                return;
        }

        tenantContext.Set(tenant);
        using (logger.BeginScope(new Dictionary<string, object> { ["TenantId"] = tenant.Id, ["Tenant"] = tenant.Slug }))
        {
            await next(context);
        }
    }
}
