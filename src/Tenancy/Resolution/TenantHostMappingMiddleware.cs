using Microsoft.AspNetCore.Http;

namespace NucleusCloud.Tenancy.Resolution;

/// <summary>
/// Runs before routing: on a host name mapped to a tenant (e.g. <c>showcase.e-estonia.example</c>),
/// rewrites <c>/showcase</c> to <c>/{slug}/showcase</c> and <c>/api/…</c> to <c>/api/{slug}/…</c>,
/// so that one route-based mechanism resolves every tenant. Platform and static paths are left alone.
/// </summary>
internal sealed class TenantHostMappingMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ITenantStore store)
    {
        if (IsPlatformPath(context.Request.Path))
        {
            // Health probes and platform routes never depend on the tenant registry.
            await next(context);
            return;
        }

        var tenant = await store.FindByHostAsync(context.Request.Host.Host, context.RequestAborted);
        if (tenant is not null)
        {
            context.Request.Path = Rewrite(context.Request.Path, tenant.Slug);
        }

        await next(context);
    }

    private static bool IsPlatformPath(PathString path)
    {
        var value = path.Value ?? "/";
        var end = value.IndexOf('/', 1);
        var first = end < 0 ? value[1..] : value[1..end];
        return first.Length > 0 && !string.Equals(first, "api", StringComparison.OrdinalIgnoreCase) && TenantSlug.PlatformSegments.Contains(first);
    }

    internal static PathString Rewrite(PathString path, string slug)
    {
        var segments = (path.Value ?? "/").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var first = segments.Length > 0 ? segments[0] : null;
        if (string.Equals(first, "api", StringComparison.OrdinalIgnoreCase))
        {
            var second = segments.Length > 1 ? segments[1] : null;
            if (second is null || second == slug || TenantSlug.PlatformSegments.Contains(second))
            {
                return path;
            }

            return new PathString("/api/" + slug).Add(new PathString("/" + string.Join('/', segments.Skip(1))));
        }

        if (first == slug || (first is not null && TenantSlug.PlatformSegments.Contains(first)) || (first?.Contains('.', StringComparison.Ordinal) ?? false))
        {
            return path;
        }

        return path == "/" || !path.HasValue ? new PathString("/" + slug) : new PathString("/" + slug).Add(path);
    }
}
