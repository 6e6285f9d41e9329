using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;
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
        var group = Group(endpoints).WithTags("Catalogue: solutions");
        group.MapGet("", Search).WithName("SearchSolutions").AllowAnonymous().Validate<SolutionSearchQuery>();
        group.MapGet("/{id:guid}", Get).WithName("GetSolution").AllowAnonymous();
        group.MapPost("", Create).WithName("CreateSolution").RequireAuthorization(Permissions.CatalogueWrite).Validate<SolutionRequest>();
        group.MapPut("/{id:guid}", Update).WithName("UpdateSolution").RequireAuthorization(Permissions.CatalogueWrite).Validate<SolutionRequest>();
        group.MapPost("/{id:guid}/status", ChangeStatus).WithName("ChangeSolutionStatus").RequireAuthorization(Permissions.CatalogueWrite).Validate<StatusChangeRequest>();
        group.MapGet("/{id:guid}/history", History).WithName("SolutionHistory").RequireAuthorization(Permissions.CatalogueRead);
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteSolution").RequireAuthorization(Permissions.CatalogueWrite);
    }

    private static async Task<IResult> Search([AsParameters] SolutionSearchQuery query, HttpContext http, SolutionSearch search, CancellationToken cancellationToken) =>
        TypedResults.Ok(await search.SearchAsync(query, publishedOnly: !await http.HasPermissionAsync(Permissions.CatalogueRead), cancellationToken));

    private static async Task<IResult> Get(Guid id, HttpContext http, CatalogueDbContext db, CancellationToken cancellationToken)
    {
        var solution = await db.Solutions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (solution is null || (solution.Status != SolutionStatus.Published && !await http.HasPermissionAsync(Permissions.CatalogueRead)))
        {
            return ApiProblems.NotFound("Solution");
        }

        return TypedResults.Ok(solution.ToDetails(await db.CaseStudies.AsNoTracking().Where(c => c.SolutionId == id).ToListAsync(cancellationToken)));
    }

    private static async Task<IResult> Create(SolutionRequest request, HttpContext http, ITenantContext tenant, CatalogueDbContext db, SolutionHistory history, TimeProvider clock, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var slug = request.Slug ?? SolutionSlugs.FromName(request.Name!);
        if (await db.Solutions.AnyAsync(s => s.Slug == slug, cancellationToken))
        {
            return ApiProblems.Validation("slug", $"Another solution already uses the slug '{slug}'.");
        }

        var status = request.Status ?? SolutionStatus.Draft;
        if (SolutionWorkflow.NeedsPublisher(SolutionStatus.Draft, status) && !await http.HasPermissionAsync(Permissions.CataloguePublish))
        {
            return ApiProblems.Validation("status", "Publishing needs the publisher's right: create the solution as a draft and submit it for review.");
        }

        var now = clock.GetStorableUtcNow();
        var solution = new Solution { Slug = slug, Name = request.Name!, CreatedAt = now, Status = status };
        SolutionFields.Apply(request, solution, now);
        db.Solutions.Add(solution);
        history.Record(solution, "created", to: status);
        await db.SaveChangesAsync(cancellationToken);
        logs.CreateLogger(LogCategory).LogInformation("Solution {SolutionId} ({Slug}) created", solution.Id, solution.Slug);
        return TypedResults.Created($"/api/{tenant.RequiredTenant.Slug}/catalogue/solutions/{solution.Id}", solution.ToDetails([]));
    }

    private static async Task<IResult> Update(Guid id, SolutionRequest request, HttpContext http, CatalogueDbContext db, SolutionHistory history, TimeProvider clock, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var solution = await db.Solutions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (solution is null)
        {
            return ApiProblems.NotFound("Solution");
        }

        if (request.Version is { } version && version != solution.Version)
        {
            return ApiProblems.Conflict($"The solution was changed by someone else (version {solution.Version}, not {version}); reload it and apply your change again.");
        }

        if (request.Slug is { } slug && slug != solution.Slug && await db.Solutions.AnyAsync(s => s.Slug == slug, cancellationToken))
        {
            return ApiProblems.Validation("slug", $"Another solution already uses the slug '{slug}'.");
        }

        var from = solution.Status;
        var to = request.Status ?? from;
        if (await RefuseMoveAsync(http, from, to) is { } refusal)
        {
            return refusal;
        }

        var caseStudies = await db.CaseStudies.AsNoTracking().Where(c => c.SolutionId == id).ToListAsync(cancellationToken);
        var before = solution.ToDetails([]);
        solution.Slug = request.Slug ?? solution.Slug;
        solution.Status = to;
        SolutionFields.Apply(request, solution, clock.GetStorableUtcNow());
        var changed = SolutionHistory.ChangedFields(before, solution.ToDetails([]));
        if (changed.Count == 0)
        {
            return TypedResults.Ok(before with { CaseStudies = [.. caseStudies.Select(c => c.ToDetails())] });
        }

        solution.Version++;
        history.Record(solution, from == to ? "updated" : "status", changed, from == to ? null : from, from == to ? null : to);
        if (await SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        logs.CreateLogger(LogCategory).LogInformation("Solution {SolutionId} updated to version {Version}", solution.Id, solution.Version);
        return TypedResults.Ok(solution.ToDetails(caseStudies));
    }

    private static async Task<IResult> ChangeStatus(Guid id, StatusChangeRequest request, HttpContext http, CatalogueDbContext db, SolutionHistory history, TimeProvider clock, CancellationToken cancellationToken)
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

        var (from, to) = (solution.Status, request.Status!.Value);
        if (from == to)
        {
            return ApiProblems.Validation("status", $"The solution is already {to}.");
        }

        if (await RefuseMoveAsync(http, from, to) is { } refusal)
        {
            return refusal;
        }

        solution.Status = to;
        solution.UpdatedAt = clock.GetStorableUtcNow();
        solution.Version++;
        history.Record(solution, "status", ["status"], from, to, request.Note);
        if (await SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Ok(solution.ToDetails(await db.CaseStudies.AsNoTracking().Where(c => c.SolutionId == id).ToListAsync(cancellationToken)));
    }

    private static async Task<IResult> History(Guid id, [AsParameters] PageQuery page, CatalogueDbContext db, CancellationToken cancellationToken) =>
        !await db.Solutions.AnyAsync(s => s.Id == id, cancellationToken) && !await db.SolutionChanges.AnyAsync(c => c.SolutionId == id, cancellationToken)
            ? ApiProblems.NotFound("Solution")
            : TypedResults.Ok(await db.SolutionChanges.AsNoTracking().Where(c => c.SolutionId == id)
                .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
                .ToPageAsync(page, c => c.ToDto(), cancellationToken));

    private static async Task<IResult> Delete(Guid id, HttpContext http, CatalogueDbContext db, SolutionHistory history, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var solution = await db.Solutions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (solution is null)
        {
            return ApiProblems.NotFound("Solution");
        }

        if (solution.Status == SolutionStatus.Published && !await http.HasPermissionAsync(Permissions.CataloguePublish))
        {
            return ApiProblems.Conflict("A published solution is on the showcase: archive it (a publisher's act) before deleting it.");
        }

        db.Solutions.Remove(solution);
        history.Record(solution, "deleted", from: solution.Status);
        await db.SaveChangesAsync(cancellationToken);
        logs.CreateLogger(LogCategory).LogInformation("Solution {SolutionId} ({Slug}) deleted", solution.Id, solution.Slug);
        return TypedResults.NoContent();
    }

    private static async Task<IResult?> RefuseMoveAsync(HttpContext http, SolutionStatus from, SolutionStatus to)
    {
        if (!SolutionWorkflow.IsAllowed(from, to))
        {
            return ApiProblems.Validation("status", SolutionWorkflow.Describe(from));
        }

        return SolutionWorkflow.NeedsPublisher(from, to) && !await http.HasPermissionAsync(Permissions.CataloguePublish)
            ? Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Moving a solution into or out of the showcase needs the publisher's right.", type: "https://nucleuscloud.org/problems/publisher-only")
            : null;
    }

    private static async Task<IResult?> SaveAsync(CatalogueDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblems.Conflict("The solution was changed by someone else meanwhile; reload it and apply your change again.");
        }
    }
}
