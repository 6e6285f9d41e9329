using NucleusCloud.Modules.Abstractions.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Catalogue.Solutions;

/// <summary>
/// <c>/api/{tenant}/catalogue/solutions</c>. Reads are open to anyone but show non-members only
/// published solutions (the public showcase data); writes need a membership of the tenant.
/// Ids of another tenant's solutions answer 404, exactly like ids that do not exist.
/// </summary>
internal static class SolutionEndpoints
{
    private const string LogCategory = "NucleusCloud.Catalogue.Solutions";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/catalogue/solutions")
            .WithTags("Catalogue: solutions");

        group.MapGet("", List).WithName("ListSolutions").AllowAnonymous().Validate<SolutionListQuery>();
        group.MapGet("/{id:guid}", Get).WithName("GetSolution").AllowAnonymous();
        group.MapPost("", Create).WithName("CreateSolution").RequireAuthorization(Permissions.CatalogueWrite).Validate<SolutionRequest>();
        group.MapPut("/{id:guid}", Update).WithName("UpdateSolution").RequireAuthorization(Permissions.CatalogueWrite).Validate<SolutionRequest>();
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteSolution").RequireAuthorization(Permissions.CatalogueWrite);
    }

    private static async Task<IResult> List([AsParameters] SolutionListQuery query, HttpContext http, CatalogueDbContext db, CancellationToken cancellationToken)
    {
        var solutions = db.Solutions.AsNoTracking();
        if (!await http.HasPermissionAsync(Permissions.CatalogueRead))
        {
            solutions = solutions.Where(s => s.Status == SolutionStatus.Published);
        }

        if (query.Status is { } status)
        {
            solutions = solutions.Where(s => s.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim().ToLowerInvariant();
            solutions = solutions.Where(s => s.SearchText.Contains(text));
        }

        solutions = query.Sort switch
        {
            "-name" => solutions.OrderByDescending(s => s.Name).ThenBy(s => s.Id),
            "updated" => solutions.OrderBy(s => s.UpdatedAt).ThenBy(s => s.Id),
            "-updated" => solutions.OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.Id),
            _ => solutions.OrderBy(s => s.Name).ThenBy(s => s.Id),
        };

        return TypedResults.Ok(await solutions.ToPageAsync(query, s => s.ToListItem(), cancellationToken));
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, CatalogueDbContext db, CancellationToken cancellationToken)
    {
        var solution = await db.Solutions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (solution is null || (solution.Status != SolutionStatus.Published && !await http.HasPermissionAsync(Permissions.CatalogueRead)))
        {
            return ApiProblems.NotFound("Solution");
        }

        return TypedResults.Ok(solution.ToDetails());
    }

    private static async Task<IResult> Create(SolutionRequest request, ITenantContext tenant, CatalogueDbContext db, TimeProvider clock, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var slug = request.Slug ?? SolutionSlugs.FromName(request.Name!);
        if (await db.Solutions.AnyAsync(s => s.Slug == slug, cancellationToken))
        {
            return ApiProblems.Validation("slug", $"Another solution already uses the slug '{slug}'.");
        }

        var now = clock.GetStorableUtcNow();
        var solution = new Solution { Slug = slug, Name = request.Name!, CreatedAt = now };
        Apply(request, solution, now);
        db.Solutions.Add(solution);
        await db.SaveChangesAsync(cancellationToken);
        logs.CreateLogger(LogCategory).LogInformation("Solution {SolutionId} ({Slug}) created", solution.Id, solution.Slug);
        return TypedResults.Created($"/api/{tenant.RequiredTenant.Slug}/catalogue/solutions/{solution.Id}", solution.ToDetails());
    }

    private static async Task<IResult> Update(Guid id, SolutionRequest request, CatalogueDbContext db, TimeProvider clock, ILoggerFactory logs, CancellationToken cancellationToken)
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

        solution.Slug = request.Slug ?? solution.Slug;
        Apply(request, solution, clock.GetStorableUtcNow());
        solution.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblems.Conflict("The solution was changed by someone else meanwhile; reload it and apply your change again.");
        }

        logs.CreateLogger(LogCategory).LogInformation("Solution {SolutionId} updated to version {Version}", solution.Id, solution.Version);
        return TypedResults.Ok(solution.ToDetails());
    }

    private static async Task<IResult> Delete(Guid id, CatalogueDbContext db, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var solution = await db.Solutions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (solution is null)
        {
            return ApiProblems.NotFound("Solution");
        }

        db.Solutions.Remove(solution);
        await db.SaveChangesAsync(cancellationToken);
        logs.CreateLogger(LogCategory).LogInformation("Solution {SolutionId} ({Slug}) deleted", solution.Id, solution.Slug);
        return TypedResults.NoContent();
    }

    private static void Apply(SolutionRequest request, Solution solution, DateTimeOffset now)
    {
        solution.Name = request.Name!.Trim();
        solution.Summary = request.Summary?.Trim() ?? "";
        solution.Description = request.Description ?? "";
        solution.Status = request.Status ?? solution.Status;
        solution.Maturity = request.Maturity;
        solution.Licence = string.IsNullOrWhiteSpace(request.Licence) ? null : request.Licence.Trim();
        solution.WebsiteUrl = string.IsNullOrWhiteSpace(request.WebsiteUrl) ? null : request.WebsiteUrl.Trim();
        solution.Sdgs = [.. (request.Sdgs ?? []).Order()];
        solution.DevelopmentCountries = [.. (request.DevelopmentCountries ?? []).Distinct()];
        solution.DeploymentCountries = [.. (request.DeploymentCountries ?? []).Distinct()];
        solution.UpdatedAt = now;
        solution.RefreshSearchText();
    }
}
