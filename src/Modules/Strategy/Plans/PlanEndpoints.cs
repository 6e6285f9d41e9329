using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Strategy.Contracts;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Strategy.Plans;

/// <summary><c>/api/{tenant}/strategy/vision</c> and <c>/strategy/actions</c>: the five-year vision and the yearly action plans.</summary>
internal static class PlanEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/strategy").WithTags("Strategy: vision and action plans");
        group.MapGet("/vision", Vision).WithName("GetVision").RequireAuthorization(StrategyPermissions.Read);
        group.MapPut("/vision", SaveVision).WithName("SaveVision").RequireAuthorization(StrategyPermissions.Write).Validate<VisionRequest>();
        group.MapGet("/actions", Actions).WithName("ListActions").RequireAuthorization(StrategyPermissions.Read);
        group.MapPost("/actions", AddAction).WithName("AddAction").RequireAuthorization(StrategyPermissions.Write).Validate<ActionRequest>();
        group.MapPut("/actions/{id:guid}", UpdateAction).WithName("UpdateAction").RequireAuthorization(StrategyPermissions.Write).Validate<ActionRequest>();
        group.MapDelete("/actions/{id:guid}", DeleteAction).WithName("DeleteAction").RequireAuthorization(StrategyPermissions.Write);
    }

    private static async Task<IResult> Vision(StrategyPlan plan, CancellationToken cancellationToken) =>
        await plan.VisionAsync(cancellationToken) is { } vision ? TypedResults.Ok(vision) : ApiProblems.NotFound("Vision");

    private static async Task<IResult> SaveVision(VisionRequest request, StrategyPlan plan, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await plan.SaveVisionAsync(request, cancellationToken));

    private static async Task<IResult> Actions(int? year, StrategyAim? aim, StrategyPlan plan, CancellationToken cancellationToken) =>
        year is < 2000 or > 2100 ? ApiProblems.Validation("year", "Give a year from 2000 to 2100.")
        : aim is { } a && !Enum.IsDefined(a) ? ApiProblems.Validation("aim", "Give an aim: Collaboration, Diplomacy or Export.")
        : TypedResults.Ok(await plan.ActionsAsync(year, aim, cancellationToken));

    private static async Task<IResult> AddAction(ActionRequest request, StrategyPlan plan, ITenantContext tenant, CancellationToken cancellationToken) =>
        RefusalProblems.Created(await plan.AddActionAsync(request, cancellationToken), a => $"/api/{tenant.RequiredTenant.Slug}/strategy/actions/{a.Id}");

    private static async Task<IResult> UpdateAction(Guid id, ActionRequest request, StrategyPlan plan, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await plan.UpdateActionAsync(id, request, cancellationToken));

    private static async Task<IResult> DeleteAction(Guid id, StrategyPlan plan, CancellationToken cancellationToken) =>
        RefusalProblems.NoContent(await plan.DeleteActionAsync(id, cancellationToken));
}
