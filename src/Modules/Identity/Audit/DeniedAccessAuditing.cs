using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Identity.Audit;

/// <summary>Records every refusal of a signed-in caller inside a tenant (e.g. a member of one tenant trying another) in that tenant's log.</summary>
internal sealed class DeniedAccessAuditing : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.RequestServices.GetRequiredService<ITenantContext>().Tenant is { } tenant)
        {
            var required = string.Join(", ", policy.Requirements.Select(r => r.ToString()));
            await context.RequestServices.GetRequiredService<IAuditTrail>().RecordAsync(tenant.Id, "access.denied", details: new Dictionary<string, string?>
            {
                ["method"] = context.Request.Method,
                ["path"] = context.Request.Path.Value,
                ["required"] = required,
            }, cancellationToken: context.RequestAborted);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
