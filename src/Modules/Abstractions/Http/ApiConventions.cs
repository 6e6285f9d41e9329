using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Abstractions.Http;

public static class ApiConventions
{
    /// <summary>Problem details everywhere, with the trace id and the tenant; request-shaped errors named by field.</summary>
    public static IServiceCollection AddApiConventions(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            if (context.HttpContext.RequestServices.GetService<ITenantContext>()?.Tenant is { } tenant)
            {
                context.ProblemDetails.Extensions["tenant"] = tenant.Slug;
            }
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Throw on unreadable bodies so ApiExceptionHandler can name the field instead of a bare 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options => options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return services;
    }

    /// <summary>Empty error answers under <c>/api</c> (404 from routing, 401/403 from authorization) get a problem body.</summary>
    public static IApplicationBuilder UseApiStatusProblems(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = http.Response.StatusCode },
            });
        });
}
