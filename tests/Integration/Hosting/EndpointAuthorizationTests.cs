using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Hosting;

/// <summary>
/// Architecture rule 6, checked on the running Host's real endpoint table: every endpoint names
/// an authorization policy or is explicitly anonymous; every tenant API endpoint that is not
/// anonymous names a permission or the membership policy.
/// </summary>
public sealed class EndpointAuthorizationTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    /// <summary>Endpoints the framework adds for Razor components' own plumbing; they serve no data.</summary>
    private static readonly HashSet<string> FrameworkRoutes = ["/_framework/opaque-redirect"];

    internal static IReadOnlyList<string> Violations(IEnumerable<Endpoint> endpoints)
    {
        var violations = new List<string>();
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            var route = endpoint.RoutePattern.RawText ?? endpoint.DisplayName ?? "?";
            if (FrameworkRoutes.Contains(route))
            {
                continue;
            }

            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            if (!anonymous && policies.Count == 0)
            {
                violations.Add($"{route} names no policy and is not explicitly anonymous");
            }
            else if (!anonymous && policies.Any(string.IsNullOrEmpty))
            {
                violations.Add($"{route} requires authorization without naming a policy");
            }

            if (route.StartsWith("/api/", StringComparison.Ordinal) && endpoint.Metadata.GetMetadata<IEndpointNameMetadata>() is null)
            {
                violations.Add($"{route} has no name");
            }
        }

        return violations;
    }

    [Fact]
    public void Every_endpoint_of_the_host_names_a_policy_or_is_explicitly_anonymous()
    {
        var endpoints = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        endpoints.Count.ShouldBeGreaterThan(10);
        Violations(endpoints).ShouldBeEmpty();
    }

    [Fact]
    public void The_rule_catches_an_endpoint_without_a_policy()
    {
        var bare = new RouteEndpoint(_ => Task.CompletedTask, Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse("/api/{tenant}/forgotten"), 0, EndpointMetadataCollection.Empty, "forgotten");
        var unnamedPolicy = new RouteEndpoint(_ => Task.CompletedTask, Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse("/api/{tenant}/vague"), 0,
            new EndpointMetadataCollection(new AuthorizeAttribute()), "vague");

        var violations = Violations([bare, unnamedPolicy]);

        violations.ShouldContain(v => v.StartsWith("/api/{tenant}/forgotten names no policy", StringComparison.Ordinal));
        violations.ShouldContain(v => v.StartsWith("/api/{tenant}/vague requires authorization without naming", StringComparison.Ordinal));
        violations.ShouldContain("/api/{tenant}/forgotten has no name");
    }
}
