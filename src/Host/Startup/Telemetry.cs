using System.Diagnostics.Metrics;
using System.Net;
using Npgsql;
using NucleusCloud.Modules.Abstractions.Telemetry;
using NucleusCloud.Tenancy;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NucleusCloud.Host.Startup;

/// <summary>
/// OpenTelemetry traces and metrics: ASP.NET Core, HttpClient, EF Core and Npgsql, SignalR connections (the framework's
/// <c>Microsoft.AspNetCore.Http.Connections</c> meter), Kestrel, the runtime, and requests per tenant (labelled by the tenant's id only).
/// Exported over OTLP when <c>OpenTelemetry:Endpoint</c> is set; scraped by Prometheus at <c>/metrics</c> from the operators' networks only
/// (<c>OpenTelemetry:Prometheus:AllowedNetworks</c>, loopback when unset). Logs already carry the trace and span ids in their scopes.
/// </summary>
internal static class Telemetry
{
    public const string ScrapePath = "/metrics";

    private static readonly Meter Meter = new(ProductMeter.Name);
    private static readonly Counter<long> TenantRequests = Meter.CreateCounter<long>("nucleus.tenant.requests", description: "Requests to one tenant's routes");

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        var endpoint = builder.Configuration["OpenTelemetry:Endpoint"];
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("nucleuscloud"))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbe(context))
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddNpgsql();
                if (!string.IsNullOrWhiteSpace(endpoint))
                {
                    tracing.AddOtlpExporter(options => options.Endpoint = new Uri(endpoint));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(ProductMeter.Name, "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Server.Kestrel", "Npgsql")
                    .AddPrometheusExporter();
                if (!string.IsNullOrWhiteSpace(endpoint))
                {
                    metrics.AddOtlpExporter(options => options.Endpoint = new Uri(endpoint));
                }
            });
    }

    /// <summary>After tenant resolution: one count per request to a tenant's routes, labelled with its id (never its name or slug).</summary>
    public static IApplicationBuilder UseTenantRequestMetrics(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.RequestServices.GetRequiredService<ITenantContext>().TenantId is { } tenantId)
        {
            TenantRequests.Add(1, new KeyValuePair<string, object?>("tenant.id", tenantId.ToString()));
        }

        return next(context);
    });

    public static void MapTelemetry(this WebApplication app)
    {
        var allowed = (app.Configuration.GetSection("OpenTelemetry:Prometheus:AllowedNetworks").Get<string[]>() ?? [])
            .Select(network => System.Net.IPNetwork.TryParse(network, out var range)
                ? range
                : throw new InvalidOperationException($"OpenTelemetry:Prometheus:AllowedNetworks holds '{network}', which is not a CIDR range."))
            .ToList();
        app.MapPrometheusScrapingEndpoint(ScrapePath)
            .AddEndpointFilter(async (invocation, next) =>
                FromOperators(invocation.HttpContext.Connection.RemoteIpAddress, allowed) ? await next(invocation) : Results.NotFound())
            .AllowAnonymous();
    }

    // The client address is the one the trusted proxies vouch for (forwarded headers run first), so a request relayed from outside is refused.
    private static bool FromOperators(IPAddress? address, List<System.Net.IPNetwork> allowed) =>
        address is not null && (allowed.Count == 0 ? IPAddress.IsLoopback(address) : allowed.Any(network => network.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)));

    private static bool IsProbe(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || context.Request.Path.StartsWithSegments(ScrapePath, StringComparison.OrdinalIgnoreCase);
}
