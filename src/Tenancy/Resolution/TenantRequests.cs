using Microsoft.AspNetCore.Http;

namespace NucleusCloud.Tenancy.Resolution;

/// <summary>How the URL space is shared between the API, pages and the platform.</summary>
public static class TenantRequests
{
    /// <summary>The route parameter that carries the tenant slug in every tenant route.</summary>
    public const string RouteParameter = "tenant";

    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
