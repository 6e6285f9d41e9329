using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Catalogue.CaseStudies;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Modules.Catalogue.Search;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Catalogue.Solutions;

/// <summary>
/// <c>/api/{tenant}/catalogue/solutions</c>. Reads are open to anyone but show non-members only
/// published solutions (the public showcase data); writes need a membership of the tenant, and
/// moves into or out of the showcase need the publisher's right.
/// Ids of another tenant's solutions answer 404, exactly like ids that do not exist.
/// </summary>
internal static class SolutionEndpoints
{
    private const string LogCategory = "NucleusCloud.Catalogue.Solutions";

    public static RouteGroupBuilder Group(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/catalogue/solutions");

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = Group(endpoints).WithTags("Catalogue: solutions").EvictsShowcase();
        // Anonymous reads are the showcase's data: cached like its pages, per tenant and query, evicted by any write.
        group.MapGet("", Search).WithName("SearchSolutions").AllowAnonymous().Validate<SolutionSearchQuery>().CacheOutput(ShowcaseCache.PolicyName)
            .RequireRateLimiting(SearchRateLimit.PolicyName);
        group.MapGet("/{id:guid}", Get).WithName("GetSolution").AllowAnonymous().CacheOutput(ShowcaseCache.PolicyName);
        group.MapPost("", Create).WithName("CreateSolution").RequireAuthorization(CataloguePermissions.Write).Validate<SolutionRequest>();
        group.MapPut("/{id:guid}", Update).WithName("UpdateSolution").RequireAuthorization(CataloguePermissions.Write).Validate<SolutionRequest>();
        group.MapPost("/{id:guid}/status", ChangeStatus).WithName("ChangeSolutionStatus").RequireAuthorization(CataloguePermissions.Write).Validate<StatusChangeRequest>();
        group.MapGet("/{id:guid}/history", History).WithName("SolutionHistory").RequireAuthorization(CataloguePermissions.Read).Validate<PageQuery>();
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteSolution").RequireAuthorization(CataloguePermissions.Write);
    }

    private static async Task<IResult> Search([AsParameters] SolutionSearchQuery query, HttpContext http, SolutionSearch search, CancellationToken cancellationToken) =>
        TypedResults.Ok(await search.SearchAsync(query, publishedOnly: !await http.HasPermissionAsync(CataloguePermissions.Read), cancellationToken));

    private static async Task<IResult> Get(Guid id, HttpContext http, CatalogueDbContext db, CancellationToken cancellationToken)
    {
        var solution = await db.Solutions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (solution is null || (solution.Status != SolutionStatus.Published && !await http.HasPermissionAsync(CataloguePermissions.Read)))
        {
            return ApiProblems.NotFound("Solution");
        }

        return TypedResults.Ok(await db.DetailsAsync(solution, cancellationToken));
    }

    private static async Task<IResult> Create(SolutionRequest request, ITenantContext tenant, SolutionEditor editor, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var created = await editor.CreateAsync(request, cancellationToken);
        if (created.Value is not { } solution)
        {
            return RefusalProblems.Problem(created.Refusal!);
        }

        logs.CreateLogger(LogCategory).LogInformation("Solution {SolutionId} ({Slug}) created", solution.Id, solution.Slug);
        return TypedResults.Created($"/api/{tenant.RequiredTenant.Slug}/catalogue/solutions/{solution.Id}", solution.ToDetails([]));
    }

    private static async Task<IResult> Update(Guid id, SolutionRequest request, CatalogueDbContext db, SolutionEditor editor, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var solution = await db.Solutions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (solution is null)
        {
            return ApiProblems.NotFound("Solution");
        }

        if (await editor.UpdateAsync(solution, request, cancellationToken) is { } refusal)
        {
            return RefusalProblems.Problem(refusal);
        }

        logs.CreateLogger(LogCategory).LogInformation("Solution {SolutionId} at version {Version}", solution.Id, solution.Version);
        return TypedResults.Ok(await db.DetailsAsync(solution, cancellationToken));
    }

    private static async Task<IResult> ChangeStatus(Guid id, StatusChangeRequest request, CatalogueDbContext db, SolutionEditor editor, CancellationToken cancellationToken)
    {
        var solution = await db.Solutions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (solution is null)
        {
            return ApiProblems.NotFound("Solution");
        }

        if (request.Version is { } version && version != solution.Version)
        {
            return ApiProblems.Conflict($"The solution was changed by someone else (version {solution.Version}, not {version}); reload it and try again.");
        }

        return await editor.MoveAsync(solution, request.Status!.Value, request.Note, cancellationToken) is { } refusal
            ? RefusalProblems.Problem(refusal)
            : TypedResults.Ok(await db.DetailsAsync(solution, cancellationToken));
    }

    private static async Task<IResult> History(Guid id, [AsParameters] PageQuery page, CatalogueDbContext db, CancellationToken cancellationToken) =>
        !await db.Solutions.AnyAsync(s => s.Id == id, cancellationToken) && !await db.SolutionChanges.AnyAsync(c => c.SolutionId == id, cancellationToken)
            ? ApiProblems.NotFound("Solution")
            : TypedResults.Ok(await db.SolutionChanges.AsNoTracking().Where(c => c.SolutionId == id)
                .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
                .ToPageAsync(page, c => c.ToDto(), cancellationToken));

    private static async Task<IResult> Delete(Guid id, CatalogueDbContext db, SolutionEditor editor, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var solution = await db.Solutions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (solution is null)
        {
            return ApiProblems.NotFound("Solution");
        }

        if (await editor.DeleteAsync(solution, cancellationToken) is { } refusal)
        {
            return RefusalProblems.Problem(refusal);
        }

        logs.CreateLogger(LogCategory).LogInformation("Solution {SolutionId} ({Slug}) deleted", solution.Id, solution.Slug);
        return TypedResults.NoContent();
    }
}
