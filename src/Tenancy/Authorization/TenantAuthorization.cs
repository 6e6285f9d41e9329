using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace NucleusCloud.Tenancy.Authorization;

/// <summary>Names of the policies and claims that tie a principal to tenants.</summary>
public static class TenantPolicies
{
    /// <summary>The caller holds a membership in the route's tenant.</summary>
    public const string Member = "tenant-member";

    /// <summary>The caller administers the platform itself.</summary>
    public const string PlatformAdmin = "platform-admin";
}

public static class TenantClaims
{
    /// <summary>One claim per tenant membership; the value is the tenant id.</summary>
    public const string Membership = "nucleus:membership";

    /// <summary>Present with the value "true" on platform administrators.</summary>
    public const string PlatformAdmin = "nucleus:platform-admin";
}

/// <summary>Decides whether a principal is a member of a tenant. Identity replaces the claims-based default with a per-request membership lookup.</summary>
public interface IMembershipChecker
{
    ValueTask<bool> IsMemberAsync(ClaimsPrincipal principal, TenantInfo tenant, CancellationToken cancellationToken);
}

internal sealed class ClaimsMembershipChecker : IMembershipChecker
{
    public ValueTask<bool> IsMemberAsync(ClaimsPrincipal principal, TenantInfo tenant, CancellationToken cancellationToken) =>
        ValueTask.FromResult(principal.Identity?.IsAuthenticated == true
            && principal.HasClaim(TenantClaims.Membership, tenant.Id.ToString()));
}

internal sealed class TenantMemberRequirement : IAuthorizationRequirement;

/// <summary>Succeeds only when a tenant is resolved for the request and the caller is its member.</summary>
internal sealed class TenantMemberHandler(IMembershipChecker membership) : AuthorizationHandler<TenantMemberRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantMemberRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        var tenant = http?.RequestServices.GetRequiredService<ITenantContext>().Tenant;
        if (tenant is not null && await membership.IsMemberAsync(context.User, tenant, http!.RequestAborted))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>Membership test for code that needs a yes/no rather than a policy (e.g. which rows to show).</summary>
public static class TenantMembership
{
    public static ValueTask<bool> IsMemberOfCurrentTenantAsync(this HttpContext http)
    {
        var tenant = http.RequestServices.GetRequiredService<ITenantContext>().Tenant;
        return tenant is null
            ? ValueTask.FromResult(false)
            : http.RequestServices.GetRequiredService<IMembershipChecker>().IsMemberAsync(http.User, tenant, http.RequestAborted);
    }
}
