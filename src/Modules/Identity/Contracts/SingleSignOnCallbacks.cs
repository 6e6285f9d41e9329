using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Identity.TenantSso;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Identity.Contracts;

/// <summary>The pipeline's part in tenants' single sign-on: the Host places it before authentication.</summary>
public static class SingleSignOnCallbacks
{
    /// <summary>Before authentication: the tenant's scheme must exist (and match its stored connection) when its provider's answer arrives.</summary>
    public static IApplicationBuilder UseTenantSingleSignOn(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments(SingleSignOnPaths.CallbackPrefix, out var rest) && rest.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var slug, ..]
            && await context.RequestServices.GetRequiredService<ITenantStore>().FindBySlugAsync(slug, context.RequestAborted) is { Status: TenantStatus.Active } tenant)
        {
            await context.RequestServices.GetRequiredService<SingleSignOnSchemes>().PrepareAsync(tenant, context.RequestAborted);
        }

        await next(context);
    });
}
