using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Crm.Opportunities;

/// <summary><c>/api/{tenant}/crm/opportunities</c>: the export pipeline.</summary>
internal static class OpportunityEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/crm/opportunities").WithTags("CRM: opportunities");
        group.MapGet("", List).WithName("ListOpportunities").RequireAuthorization(CrmPermissions.Read).Validate<OpportunityListQuery>();
        group.MapGet("/{id:guid}", Get).WithName("GetOpportunity").RequireAuthorization(CrmPermissions.Read);
        group.MapPost("", Create).WithName("CreateOpportunity").RequireAuthorization(CrmPermissions.Write).Validate<OpportunityRequest>();
        group.MapPut("/{id:guid}", Update).WithName("UpdateOpportunity").RequireAuthorization(CrmPermissions.Write).Validate<OpportunityRequest>();
        group.MapPost("/{id:guid}/stage", Move).WithName("MoveOpportunity").RequireAuthorization(CrmPermissions.Write).Validate<StageMove>();
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteOpportunity").RequireAuthorization(CrmPermissions.Write);
    }

    private static async Task<IResult> List([AsParameters] OpportunityListQuery query, CrmDbContext db, CancellationToken cancellationToken)
    {
        var opportunities = db.Opportunities.AsNoTracking();
        if (query.Stage is { } stage)
        {
            opportunities = opportunities.Where(o => o.Stage == stage);
        }

        if (query.OrganisationId is { } organisation)
        {
            opportunities = opportunities.Where(o => o.OrganisationId == organisation);
        }

        var ordered = query.Sort switch
        {
            "title" => opportunities.OrderBy(o => o.Title),
            "-amount" => opportunities.OrderByDescending(o => o.Amount),
            "close" => opportunities.OrderBy(o => o.ExpectedCloseOn),
            _ => opportunities.OrderByDescending(o => o.UpdatedAt),
        };
        return TypedResults.Ok(await ordered.ThenBy(o => o.Id).WithOrganisation(db).ToPageAsync(query, row => row.ToDetails(), cancellationToken));
    }

    private static async Task<IResult> Get(Guid id, CrmDbContext db, CancellationToken cancellationToken) =>
        await db.Opportunities.AsNoTracking().Where(o => o.Id == id).WithOrganisation(db).FirstOrDefaultAsync(cancellationToken) is { } row
            ? TypedResults.Ok(row.ToDetails())
            : ApiProblems.NotFound("Opportunity");

    private static async Task<IResult> Create(OpportunityRequest request, OpportunityPipeline pipeline, ITenantContext tenant, CancellationToken cancellationToken) =>
        RefusalProblems.Created(await pipeline.CreateAsync(request, cancellationToken), o => $"/api/{tenant.RequiredTenant.Slug}/crm/opportunities/{o.Id}");

    private static async Task<IResult> Update(Guid id, OpportunityRequest request, OpportunityPipeline pipeline, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await pipeline.UpdateAsync(id, request, cancellationToken));

    private static async Task<IResult> Move(Guid id, StageMove move, OpportunityPipeline pipeline, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await pipeline.MoveAsync(id, move, cancellationToken));

    private static async Task<IResult> Delete(Guid id, OpportunityPipeline pipeline, CancellationToken cancellationToken) =>
        RefusalProblems.NoContent(await pipeline.DeleteAsync(id, cancellationToken));
}

internal sealed record OpportunityListQuery : PageQuery
{
    public OpportunityStage? Stage { get; init; }

    public Guid? OrganisationId { get; init; }

    /// <summary><c>-updated</c> (default), <c>title</c>, <c>-amount</c> or <c>close</c> (expected close date).</summary>
    public string? Sort { get; init; }
}

internal sealed class OpportunityListQueryValidator : PageQueryValidator<OpportunityListQuery>
{
    private static readonly string[] Sorts = ["-updated", "title", "-amount", "close"];

    public OpportunityListQueryValidator()
    {
        RuleFor(q => q.Stage).IsInEnum().WithName("stage");
        RuleFor(q => q.Sort).Must(s => s is null || Sorts.Contains(s)).WithName("sort").WithMessage($"Sort by one of: {string.Join(", ", Sorts)}.");
    }
}
