using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Catalogue.Showcase;

/// <summary>
/// Caches anonymous showcase pages for a while, keyed by path (which holds the tenant), every query
/// value and the interface language, and tagged with the tenant so a catalogue change evicts them. A page is stored on its
/// second request (<see cref="CacheAdmission"/>), so URLs asked for once never crowd out those asked for again.
/// </summary>
internal sealed class ShowcaseCachePolicy(CacheAdmission admission) : IOutputCachePolicy
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var tenant = http.RequestServices.GetRequiredService<ITenantContext>().Tenant;
        var anonymous = http.User.Identity?.IsAuthenticated != true && !http.Request.Headers.ContainsKey("Authorization");
        var cacheable = tenant is not null && anonymous && HttpMethods.IsGet(http.Request.Method);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable && admission.SeenBefore($"{http.Request.Path}{http.Request.QueryString}|{CultureInfo.CurrentUICulture.Name}");
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        if (tenant is not null)
        {
            context.Tags.Add(ShowcaseCache.Tag(tenant.Id));
            context.Tags.Add(ShowcaseCache.AllTag);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // Only whole, successful pages that set no cookie are shared between visitors.
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
