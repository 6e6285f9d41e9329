using System.Diagnostics;
using System.Threading.RateLimiting;
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
        // Plain paged lists (no filters of their own) validate their page and size with this one.
        services.AddSingleton<FluentValidation.IValidator<PageQuery>, PageQueryValidator<PageQuery>>();
        services.AddOptions<Email.MailOptions>().BindConfiguration(Email.MailOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Email.MailOptions>, Email.MailOptionsValidation>();
        services.AddSingleton<Email.SmtpDelivery>();
        services.AddSingleton<Email.IMailer, Email.QueuedMailer>();
        // Throw on unreadable bodies so ApiExceptionHandler can name the field instead of a bare 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!Tenancy.Resolution.TenantRequests.IsApi(context.HttpContext.Request))
                {
                    return; // a page: the status code pages render the error page, in the reader's language
                }

                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.", Detail = $"Try again in {retryAfter} seconds." },
                });
            };
        });
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
