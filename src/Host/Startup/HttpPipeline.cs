using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Cluster;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Jobs;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Resolution;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Web;

namespace NucleusCloud.Host.Startup;

internal static class HttpPipeline
{
    public static void AddNucleusCloud(this WebApplicationBuilder builder)
    {
        // Serves the Web project's assets from its source folder when not published (development, tests).
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddTenancy();
        services.AddBackgroundJobs(builder.Configuration);
        services.AddApiConventions();
        services.AddCookieApiAntiforgery();
        foreach (var module in Modules.All)
        {
            module.AddServices(services, builder.Configuration, builder.Environment);
            if (module.Permissions.Module != module.Name)
            {
                throw new InvalidOperationException($"The {module.Name} module declares permissions of '{module.Permissions.Module}': a module declares its own.");
            }

            services.AddPermissions(module.Permissions);
        }

        services.AddClusterSignals(builder.Configuration);
        services.AddWebShell();
        services.AddOpenApi();
        services.AddHealthChecks();
        TrustedProxies.RefuseBlanketTrust(builder.Configuration);
        services.Configure<ForwardedHeadersOptions>(options => TrustedProxies.Configure(options, builder.Configuration));
        services.AddAuthorization();
    }

    public static void UseNucleusCloud(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        // The API and the live hubs answer problem details; pages answer the HTML error page.
        app.UseWhen(IsForMachines, api => api.UseExceptionHandler().UseApiStatusProblems());
        app.UseWhen(context => !IsForMachines(context), pages => pages
            .UseExceptionHandler("/error/500", createScopeForErrors: true)
            .UseErrorPages());
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStaticFiles();
        app.UseRequestLocalization(Languages.Options());
        app.UseTenantHostMapping();
        app.UseRouting();
        app.UseTenantResolution();
        app.UseTenantRequestMetrics();
        app.UseLiveOriginCheck(app.Configuration);
        app.UseTenantSingleSignOn();
        app.UseAuthentication();
        app.UseRejectionOfUnacceptedCredentials();
        app.UseTenantWriteGuard();
        app.UseCookieApiAntiforgery();
        app.UseAuditActor();
        app.UseCaller();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseUnreadableFormRefusals();
        app.UseAntiforgery();
        app.UseUnofferedFormRefusals();
        app.UseUnreadableQueryValueRefusals();
        // After authentication and tenant resolution: the showcase policy caches anonymous pages per tenant.
        app.UseOutputCache();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealth })
            .WithName("HealthLive").AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteHealth })
            .WithName("HealthReady").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapApiReference();
        app.MapTelemetry();
        app.MapJobsDashboard();
        foreach (var module in Modules.All)
        {
            module.MapEndpoints(app);
        }

        app.MapWebShell();
    }

    private static bool IsForMachines(HttpContext context) =>
        TenantRequests.IsApi(context.Request) || context.Request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase);

    private static Task WriteHealth(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, cancellationToken: context.RequestAborted);
    }
}
