using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Abstractions.Http;

/// <summary>
/// The output-cache policy of the public catalogue (showcase pages and anonymous API reads):
/// anonymous GETs, per tenant, per query and language, evicted whenever the tenant's catalogue or
/// brand changes.
/// </summary>
public static class ShowcaseCache
{
    public const string PolicyName = "showcase";

    public static string Tag(Guid tenantId) => $"showcase:{tenantId:N}";

    /// <summary>The tenant of a <see cref="Tag(Guid)"/>, or null for another tag.</summary>
    public static Guid? TenantOf(string tag) =>
        tag.StartsWith("showcase:", StringComparison.Ordinal) && Guid.TryParseExact(tag["showcase:".Length..], "N", out var tenantId) ? tenantId : null;

    /// <summary>Every tenant's cached showcase pages (for a host that may have missed evictions).</summary>
    public const string AllTag = "showcase";

    /// <summary>Drops the tenant's cached showcase pages, after a change they show (the catalogue, the brand).</summary>
    public static async Task EvictAsync(HttpContext http, Guid tenantId) =>
        await http.RequestServices.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(Tag(tenantId), http.RequestAborted);
}

/// <summary>Evicts the tenant's cached showcase pages after any successful write of the endpoint (catalogue or brand).</summary>
public static class ShowcaseCacheEviction
{
    public static TBuilder EvictsShowcase<TBuilder>(this TBuilder builder)
        where TBuilder : Microsoft.AspNetCore.Builder.IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var http = context.HttpContext;
            if (!HttpMethods.IsGet(http.Request.Method) && http.RequestServices.GetRequiredService<ITenantContext>().Tenant is { } tenant
                && result is not IStatusCodeHttpResult { StatusCode: >= 400 })
            {
                await ShowcaseCache.EvictAsync(http, tenant.Id);
            }

            return result;
        });
}

/// <summary>
/// Told when another host evicted a tenant's showcase pages (a write there, committed): what the pages are made from must be read
/// again here before they are drawn again, or the first page drawn after the eviction could be the old one, kept for its lifetime.
/// </summary>
public interface IShowcaseChangedElsewhere
{
    void Changed(Guid tenantId);
}
