using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Crm.Visits;

/// <summary><c>/api/{tenant}/crm/visits</c>: delegation visits, their participants and programme, and the published figures.</summary>
internal static class VisitEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/crm/visits").WithTags("CRM: delegation visits");
        group.MapGet("", List).WithName("ListVisits").RequireAuthorization(CrmPermissions.Read).Validate<VisitListQuery>();
        group.MapGet("/statistics", Statistics).WithName("VisitStatistics").RequireAuthorization(CrmPermissions.Read);
        group.MapGet("/{id:guid}", Get).WithName("GetVisit").RequireAuthorization(CrmPermissions.Read);
        group.MapPost("", Create).WithName("CreateVisit").RequireAuthorization(CrmPermissions.Write).Validate<VisitRequest>();
        group.MapPut("/{id:guid}", Update).WithName("UpdateVisit").RequireAuthorization(CrmPermissions.Write).Validate<VisitRequest>();
        group.MapPost("/{id:guid}/status", SetStatus).WithName("SetVisitStatus").RequireAuthorization(CrmPermissions.Write);
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteVisit").RequireAuthorization(CrmPermissions.Write);
        group.MapPost("/{id:guid}/participants", AddParticipant).WithName("AddVisitParticipant").RequireAuthorization(CrmPermissions.Write).Validate<VisitParticipantRequest>();
        group.MapDelete("/{id:guid}/participants/{participantId:guid}", RemoveParticipant).WithName("RemoveVisitParticipant").RequireAuthorization(CrmPermissions.Write);
        group.MapPost("/{id:guid}/sessions", AddSession).WithName("AddVisitSession").RequireAuthorization(CrmPermissions.Write).Validate<VisitSessionRequest>();
        group.MapPut("/{id:guid}/sessions/{sessionId:guid}", UpdateSession).WithName("UpdateVisitSession").RequireAuthorization(CrmPermissions.Write).Validate<VisitSessionRequest>();
        group.MapDelete("/{id:guid}/sessions/{sessionId:guid}", RemoveSession).WithName("RemoveVisitSession").RequireAuthorization(CrmPermissions.Write);
    }

    private static async Task<IResult> List([AsParameters] VisitListQuery query, VisitPlanner planner, CancellationToken cancellationToken) =>
        TypedResults.Ok(await planner.ListAsync(query.Upcoming ?? false, query.Year, query, cancellationToken));

    private static async Task<IResult> Statistics(int? from, int? to, VisitFigures figures, CancellationToken cancellationToken) =>
        from is < 2000 or > 2100 ? ApiProblems.Validation("from", "Give a year from 2000 to 2100.")
        : to is < 2000 or > 2100 || to < from ? ApiProblems.Validation("to", "Give a year from 2000 to 2100, not before 'from'.")
        : TypedResults.Ok(await figures.ComputeAsync(from, to, cancellationToken));

    private static async Task<IResult> Get(Guid id, VisitPlanner planner, CancellationToken cancellationToken) =>
        await planner.FindAsync(id, cancellationToken) is { } visit ? TypedResults.Ok(visit) : ApiProblems.NotFound("Visit");

    private static async Task<IResult> Create(VisitRequest request, VisitPlanner planner, ITenantContext tenant, CancellationToken cancellationToken) =>
        RefusalProblems.Created(await planner.CreateAsync(request, cancellationToken), v => $"/api/{tenant.RequiredTenant.Slug}/crm/visits/{v.Id}");

    private static async Task<IResult> Update(Guid id, VisitRequest request, VisitPlanner planner, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await planner.UpdateAsync(id, request, cancellationToken));

    private static async Task<IResult> SetStatus(Guid id, VisitStatusChange? change, VisitPlanner planner, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await planner.SetStatusAsync(id, change ?? new VisitStatusChange(null), cancellationToken));

    private static async Task<IResult> Delete(Guid id, VisitPlanner planner, CancellationToken cancellationToken) =>
        RefusalProblems.NoContent(await planner.DeleteAsync(id, cancellationToken));

    private static async Task<IResult> AddParticipant(Guid id, VisitParticipantRequest request, VisitPlanner planner, ITenantContext tenant, CancellationToken cancellationToken) =>
        RefusalProblems.Created(await planner.AddParticipantAsync(id, request, cancellationToken), _ => $"/api/{tenant.RequiredTenant.Slug}/crm/visits/{id}");

    private static async Task<IResult> RemoveParticipant(Guid id, Guid participantId, VisitPlanner planner, CancellationToken cancellationToken) =>
        RefusalProblems.NoContent(await planner.RemoveParticipantAsync(id, participantId, cancellationToken));

    private static async Task<IResult> AddSession(Guid id, VisitSessionRequest request, VisitPlanner planner, ITenantContext tenant, CancellationToken cancellationToken) =>
        RefusalProblems.Created(await planner.AddSessionAsync(id, request, cancellationToken), _ => $"/api/{tenant.RequiredTenant.Slug}/crm/visits/{id}");

    private static async Task<IResult> UpdateSession(Guid id, Guid sessionId, VisitSessionRequest request, VisitPlanner planner, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await planner.UpdateSessionAsync(id, sessionId, request, cancellationToken));

    private static async Task<IResult> RemoveSession(Guid id, Guid sessionId, VisitPlanner planner, CancellationToken cancellationToken) =>
        RefusalProblems.NoContent(await planner.RemoveSessionAsync(id, sessionId, cancellationToken));
}

internal sealed record VisitListQuery : PageQuery
{
    /// <summary>Only visits not yet over and not cancelled, soonest first.</summary>
    public bool? Upcoming { get; init; }

    public int? Year { get; init; }
}

internal sealed class VisitListQueryValidator : PageQueryValidator<VisitListQuery>
{
    public VisitListQueryValidator() =>
        RuleFor(q => q.Year).InclusiveBetween(2000, 2100).WithName("year");
}
