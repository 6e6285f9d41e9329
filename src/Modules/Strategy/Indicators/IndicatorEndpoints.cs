using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Strategy.Indicators;

/// <summary><c>/api/{tenant}/strategy/indicators</c>: a year's targets and actuals, each actual with its source.</summary>
internal static class IndicatorEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/strategy/indicators").WithTags("Strategy: indicators");
        group.MapGet("", List).WithName("ListIndicators").RequireAuthorization(Permissions.StrategyRead);
        group.MapPut("/{id}/targets/{year:int}", SetTarget).WithName("SetIndicatorTarget").RequireAuthorization(Permissions.StrategyWrite);
    }

    private static async Task<IResult> List(int? year, IndicatorBoard board, TimeProvider clock, CancellationToken cancellationToken)
    {
        var chosen = year ?? clock.GetUtcNow().Year;
        return chosen is < IndicatorBoard.FirstYear or > IndicatorBoard.LastYear
            ? ApiProblems.Validation("year", $"Give a year from {IndicatorBoard.FirstYear} to {IndicatorBoard.LastYear}.")
            : TypedResults.Ok(await board.YearAsync(chosen, cancellationToken));
    }

    private static async Task<IResult> SetTarget(string id, int year, TargetRequest? request, IndicatorBoard board, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await board.SetTargetAsync(id, year, request?.Target, cancellationToken));
}

internal sealed record TargetRequest(decimal? Target);
