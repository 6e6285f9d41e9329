using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Csv;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Strategy.Contracts;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Strategy.Indicators;

/// <summary><c>/api/{tenant}/strategy/indicators</c>: a year's targets and actuals, each actual with its source; also as CSV.</summary>
internal static class IndicatorEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/strategy").WithTags("Strategy: indicators");
        group.MapGet("/indicators", List).WithName("ListIndicators").RequireAuthorization(StrategyPermissions.Read);
        group.MapGet("/indicators.csv", Export).WithName("ExportIndicatorsCsv").RequireAuthorization(StrategyPermissions.Read);
        group.MapPut("/indicators/{id}/targets/{year:int}", SetTarget).WithName("SetIndicatorTarget").RequireAuthorization(StrategyPermissions.Write);
        group.MapPut("/indicators/{id}/actuals/{year:int}", EnterActual).WithName("EnterIndicatorActual").RequireAuthorization(StrategyPermissions.Write);
    }

    private static async Task<IResult> List(string? year, string? aim, IndicatorBoard board, TimeProvider clock, CancellationToken cancellationToken) =>
        Chosen(year, aim, clock) is var (chosen, kind, problem) && problem is not null ? problem : TypedResults.Ok(await board.YearAsync(chosen, kind, cancellationToken));

    /// <summary>The same figures as a spreadsheet, with the source of each.</summary>
    private static async Task<IResult> Export(string? year, string? aim, IndicatorBoard board, TimeProvider clock, ITenantContext tenant, CancellationToken cancellationToken)
    {
        if (Chosen(year, aim, clock) is var (chosen, kind, problem) && problem is not null)
        {
            return problem;
        }

        var figures = await board.YearAsync(chosen, kind, cancellationToken);
        var output = new StringBuilder();
        Csv.WriteRow(output, ["year", "id", "indicator", "aim", "unit", "target", "actual", "source"]);
        foreach (var i in figures.Items)
        {
            Csv.WriteRow(output, [chosen.ToString(CultureInfo.InvariantCulture), i.Id, i.Name, i.Aim?.ToString(), i.Unit == IndicatorUnit.Money ? figures.ReportingCurrency : i.Unit.ToString().ToLowerInvariant(),
                i.Target?.ToString("0.##", CultureInfo.InvariantCulture), i.Actual.ToString("0.##", CultureInfo.InvariantCulture), i.Source]);
        }

        return Csv.Download(output.ToString(), $"{tenant.RequiredTenant.Slug}-indicators-{chosen}.csv");
    }

    private static async Task<IResult> SetTarget(string id, int year, TargetRequest? request, IndicatorBoard board, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await board.SetTargetAsync(id, year, request?.Target, cancellationToken));

    private static async Task<IResult> EnterActual(string id, int year, ManualActualRequest? request, IndicatorBoard board, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await board.EnterActualAsync(id, year, request ?? new ManualActualRequest(null, null), cancellationToken));

    /// <summary>The year asked for (this year by default) and the aim, or the problem naming the field that is wrong.</summary>
    private static (int Year, StrategyAim? Aim, IResult? Problem) Chosen(string? year, string? aim, TimeProvider clock)
    {
        var chosen = clock.GetUtcNow().Year;
        if (year is not null && (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out chosen) || chosen is < IndicatorBoard.FirstYear or > IndicatorBoard.LastYear))
        {
            return (0, null, ApiProblems.Validation("year", $"Give a year from {IndicatorBoard.FirstYear} to {IndicatorBoard.LastYear}."));
        }

        if (aim is null)
        {
            return (chosen, null, null);
        }

        return Enum.TryParse<StrategyAim>(aim, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            ? (chosen, kind, null)
            : (0, null, ApiProblems.Validation("aim", "Give an aim: Collaboration, Diplomacy or Export."));
    }
}

internal sealed record TargetRequest(decimal? Target);
