using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Resolution;
using NucleusCloud.Modules.Identity.TenantSso;

namespace NucleusCloud.Modules.Identity.Audit;

/// <summary>
/// What happens when authorization refuses a signed-in caller: the refusal is noted for the tenant's log
/// (summarised per caller and minute by <see cref="RefusalLog"/>, so a flood of refusals cannot flood
/// the log or slow the tenant's own writes), and a refusal that a second factor would lift says so.
/// </summary>
internal sealed class DeniedAccessAuditing(RefusalLog refusals) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.RequestServices.GetRequiredService<ITenantContext>().Tenant is { } tenant)
        {
            var actor = context.RequestServices.GetRequiredService<AuditActor>();
            refusals.Note(tenant.Id, actor.Id, actor.IpAddress, context.Request.Method, context.Request.Path.Value ?? "",
                string.Join(", ", policy.Requirements.Select(r => r.ToString())));
        }

        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailureReasons.OfType<SecondFactor.Missing>().FirstOrDefault() is { } missing)
        {
            await AskForSecondFactorAsync(context, missing.Message);
            return;
        }

        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailureReasons.OfType<SingleSignOn.Missing>().FirstOrDefault() is { } sso)
        {
            await AskForSingleSignOnAsync(context, sso);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private static async Task AskForSingleSignOnAsync(HttpContext context, SingleSignOn.Missing missing)
    {
        var signIn = SingleSignOnPaths.Challenge(missing.TenantSlug, context.Request.Path + context.Request.QueryString);
        if (TenantRequests.IsApi(context.Request) || context.Request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden, Type = SingleSignOn.ProblemType, Title = "Sign in through the tenant's identity provider.", Detail = missing.Message,
                    Extensions = { ["signIn"] = signIn },
                },
            });
            return;
        }

        context.Response.Redirect(signIn);
    }

    private static async Task AskForSecondFactorAsync(HttpContext context, string why)
    {
        if (TenantRequests.IsApi(context.Request) || context.Request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status403Forbidden, Type = SecondFactor.ProblemType, Title = "A second factor is required.", Detail = why },
            });
            return;
        }

        // A page: to the account's two-factor page, and back here afterwards.
        context.Response.Redirect($"/account/two-factor?required=true&returnUrl={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}");
    }
}
