using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Platform.Plans;

/// <summary>
/// <c>GET /api/{tenant}/plan</c>: the tenant's plan and its usage, for its members; <c>GET /api/platform/plans</c> and
/// <c>PUT /api/platform/tenants/{id}/plan</c> <c>{ "plan" }</c>: the catalogue and a tenant's move, for platform administrators.
/// </summary>
internal static class PlanEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/plan", Usage)
            .WithName("GetPlanUsage").WithTags("Plans").RequireAuthorization(TenantPermissions.MembersRead);
        var platform = endpoints.MapGroup("/api/platform").WithTags("Platform: plans").RequireAuthorization(TenantPolicies.PlatformAdmin);
        platform.MapGet("/plans", (ITenantPlan plans) => TypedResults.Ok(plans.Plans)).WithName("ListPlans");
        platform.MapPut("/tenants/{id:guid}/plan", SetPlan).WithName("SetTenantPlan");
    }

    private static async Task<IResult> Usage(ITenantPlan plan, CancellationToken cancellationToken) => TypedResults.Ok(await plan.UsageAsync(cancellationToken));

    private static async Task<IResult> SetPlan(Guid id, SetPlanRequest? request, ITenantRegistry registry, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await registry.SetPlanAsync(id, request?.Plan, cancellationToken));
}

internal sealed record SetPlanRequest(string? Plan);
