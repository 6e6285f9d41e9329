using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Cluster;
using NucleusCloud.Modules.Catalogue.Contracts;

namespace NucleusCloud.Modules.Catalogue.Search;

/// <summary>
/// Registers <see cref="SearchRateLimit.PolicyName"/>: <c>RateLimits:Search:PermitsPerMinute</c> (120) per client address for anonymous
/// callers, over all hosts.
/// </summary>
internal static class SearchRateLimiting
{
    public static IServiceCollection AddSearchRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimits:Search:PermitsPerMinute", 120);
        return services.AddRateLimiter(options => options.AddPolicy(SearchRateLimit.PolicyName, context =>
            context.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetNoLimiter("member")
                // The address is the peer's, or what a trusted proxy said it is (forwarded headers run first).
                : ClusterRateLimits.Budget(context, $"search:{context.Connection.RemoteIpAddress}", permits, TimeSpan.FromMinutes(1))));
    }
}
