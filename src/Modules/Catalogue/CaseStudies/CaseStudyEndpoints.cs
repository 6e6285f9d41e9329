using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Countries;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Modules.Catalogue.Solutions;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Catalogue.CaseStudies;

/// <summary>
/// <c>/api/{tenant}/catalogue/solutions/{solutionId}/case-studies</c>: public with a published solution,
/// otherwise for members. A change also refreshes the solution's searchable text and history.
/// </summary>
internal static class CaseStudyEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = SolutionEndpoints.Group(endpoints).MapGroup("/{solutionId:guid}/case-studies").WithTags("Catalogue: case studies").EvictsShowcase();
        group.MapGet("", List).WithName("ListCaseStudies").AllowAnonymous();
        group.MapPost("", Create).WithName("CreateCaseStudy").RequireAuthorization(Permissions.CatalogueWrite).Validate<CaseStudyRequest>();
        group.MapPut("/{id:guid}", Update).WithName("UpdateCaseStudy").RequireAuthorization(Permissions.CatalogueWrite).Validate<CaseStudyRequest>();
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteCaseStudy").RequireAuthorization(Permissions.CatalogueWrite);
    }

    private static async Task<IResult> List(Guid solutionId, HttpContext http, CatalogueDbContext db, CancellationToken cancellationToken)
    {
        var solution = await db.Solutions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == solutionId, cancellationToken);
        if (solution is null || (solution.Status != SolutionStatus.Published && !await http.HasPermissionAsync(Permissions.CatalogueRead)))
        {
            return ApiProblems.NotFound("Solution");
        }

        return TypedResults.Ok((await db.DetailsAsync(solution, cancellationToken)).CaseStudies);
    }

    private static async Task<IResult> Create(Guid solutionId, CaseStudyRequest request, ITenantContext tenant, CatalogueDbContext db, SolutionHistory history, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.Solutions.FirstOrDefaultAsync(s => s.Id == solutionId, cancellationToken) is not { } solution)
        {
            return ApiProblems.NotFound("Solution");
        }

        if (await db.CaseStudies.CountAsync(c => c.SolutionId == solutionId, cancellationToken) >= CaseStudyRequestValidator.MaxPerSolution)
        {
            return ApiProblems.Validation("solutionId", $"A solution holds at most {CaseStudyRequestValidator.MaxPerSolution} case studies.");
        }

        var now = clock.GetStorableUtcNow();
        var caseStudy = new CaseStudy { SolutionId = solutionId, Title = request.Title!.Trim(), CreatedAt = now };
        Apply(request, caseStudy, now);
        db.CaseStudies.Add(caseStudy);
        await RefreshSolutionAsync(db, solution, caseStudy, removed: null, now, cancellationToken);
        history.Record(solution, "case-study", ["caseStudies"], note: $"Added “{caseStudy.Title}”");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/{tenant.RequiredTenant.Slug}/catalogue/solutions/{solutionId}/case-studies/{caseStudy.Id}", caseStudy.ToDetails());
    }

    private static async Task<IResult> Update(Guid solutionId, Guid id, CaseStudyRequest request, CatalogueDbContext db, SolutionHistory history, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caseStudy = await db.CaseStudies.FirstOrDefaultAsync(c => c.SolutionId == solutionId && c.Id == id, cancellationToken);
        var solution = await db.Solutions.FirstOrDefaultAsync(s => s.Id == solutionId, cancellationToken);
        if (caseStudy is null || solution is null)
        {
            return ApiProblems.NotFound("Case study");
        }

        if (request.Version is { } version && version != caseStudy.Version)
        {
            return ApiProblems.Conflict($"The case study was changed by someone else (version {caseStudy.Version}, not {version}); reload it and apply your change again.");
        }

        var now = clock.GetStorableUtcNow();
        caseStudy.Title = request.Title!.Trim();
        Apply(request, caseStudy, now);
        caseStudy.Version++;
        await RefreshSolutionAsync(db, solution, caseStudy, removed: null, now, cancellationToken);
        history.Record(solution, "case-study", ["caseStudies"], note: $"Changed “{caseStudy.Title}”");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblems.Conflict("The case study or its solution was changed by someone else meanwhile; reload and apply your change again.");
        }

        return TypedResults.Ok(caseStudy.ToDetails());
    }

    private static async Task<IResult> Delete(Guid solutionId, Guid id, CatalogueDbContext db, SolutionHistory history, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caseStudy = await db.CaseStudies.FirstOrDefaultAsync(c => c.SolutionId == solutionId && c.Id == id, cancellationToken);
        var solution = await db.Solutions.FirstOrDefaultAsync(s => s.Id == solutionId, cancellationToken);
        if (caseStudy is null || solution is null)
        {
            return ApiProblems.NotFound("Case study");
        }

        db.CaseStudies.Remove(caseStudy);
        await RefreshSolutionAsync(db, solution, changed: null, removed: caseStudy.Id, clock.GetStorableUtcNow(), cancellationToken);
        history.Record(solution, "case-study", ["caseStudies"], note: $"Removed “{caseStudy.Title}”");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static void Apply(CaseStudyRequest request, CaseStudy caseStudy, DateTimeOffset now)
    {
        caseStudy.Country = request.Country;
        caseStudy.Year = request.Year;
        caseStudy.Problem = request.Problem?.Trim() ?? "";
        caseStudy.Approach = request.Approach?.Trim() ?? "";
        caseStudy.Outputs = request.Outputs?.Trim() ?? "";
        caseStudy.Outcomes = request.Outcomes?.Trim() ?? "";
        caseStudy.Figures = [.. (request.Figures ?? []).Select(f => new OutcomeFigure { Label = f.Label.Trim(), Value = f.Value, Unit = f.Unit?.Trim() })];
        caseStudy.UpdatedAt = now;
    }

    /// <summary>Keeps the solution's searchable case-study text current and bumps its version, in the same save.</summary>
    private static async Task RefreshSolutionAsync(CatalogueDbContext db, Solution solution, CaseStudy? changed, Guid? removed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var others = await db.CaseStudies.AsNoTracking()
            .Where(c => c.SolutionId == solution.Id && c.Id != (changed == null ? Guid.Empty : changed.Id) && c.Id != (removed ?? Guid.Empty))
            .ToListAsync(cancellationToken);
        var all = changed is null ? others : [.. others, changed];
        solution.CaseStudyText = string.Join("\n", all.Select(c => c.SearchableText));
        solution.UpdatedAt = now;
        solution.Version++;
    }
}

internal sealed record CaseStudyRequest(
    string? Title,
    string? Country,
    int? Year,
    string? Problem,
    string? Approach,
    string? Outputs,
    string? Outcomes,
    IReadOnlyList<OutcomeFigureDto>? Figures,
    int? Version);

internal sealed class CaseStudyRequestValidator : AbstractValidator<CaseStudyRequest>
{
    public const int MaxPerSolution = 50;

    public CaseStudyRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Country).Must(CountryCodes.IsValid!).When(r => r.Country is not null).WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 code.");
        RuleFor(r => r.Year).InclusiveBetween(1990, 2100);
        RuleFor(r => r.Problem).MaximumLength(10_000);
        RuleFor(r => r.Approach).MaximumLength(10_000);
        RuleFor(r => r.Outputs).MaximumLength(10_000);
        RuleFor(r => r.Outcomes).MaximumLength(10_000);
        RuleFor(r => r.Figures).Must(f => f!.Count <= 20).When(r => r.Figures is not null).WithMessage("List at most 20 figures.");
        RuleForEach(r => r.Figures).ChildRules(figure =>
        {
            figure.RuleFor(f => f.Label).NotEmpty().MaximumLength(200);
            figure.RuleFor(f => f.Value).InclusiveBetween(-1e15m, 1e15m);
            figure.RuleFor(f => f.Unit).MaximumLength(50);
        });
        RuleFor(r => r.Version).GreaterThanOrEqualTo(1);
    }
}
