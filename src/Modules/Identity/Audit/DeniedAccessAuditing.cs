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

    private static Task AskForSingleSignOnAsync(HttpContext context, SingleSignOn.Missing missing)
    {
        var signIn = SingleSignOnPaths.Challenge(missing.TenantSlug, context.Request.Path + context.Request.QueryString);
        return AskAsync(context, SingleSignOn.ProblemType, "Sign in through the tenant's identity provider.", missing.Message, signIn, new() { ["signIn"] = signIn });
    }

    // A page: to the account's two-factor page, and back here afterwards.
    private static Task AskForSecondFactorAsync(HttpContext context, string why) =>
        AskAsync(context, SecondFactor.ProblemType, "A second factor is required.", why,
            $"/account/two-factor?required=true&returnUrl={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}", []);

    /// <summary>A refusal another way of signing in would lift: a 403 problem for the API and the hubs, the page that offers that way otherwise.</summary>
    private static async Task AskAsync(HttpContext context, string type, string title, string detail, string page, Dictionary<string, object?> extensions)
    {
        if (TenantRequests.IsApi(context.Request) || context.Request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            var problem = new ProblemDetailsContext { HttpContext = context, ProblemDetails = { Status = StatusCodes.Status403Forbidden, Type = type, Title = title, Detail = detail } };
            foreach (var (key, value) in extensions)
            {
                problem.ProblemDetails.Extensions[key] = value;
            }

            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(problem);
            return;
        }

        context.Response.Redirect(page);
    }
}
