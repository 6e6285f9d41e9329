using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Modules.Catalogue.Solutions;
using NucleusCloud.Modules.SharedKernel;
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
        group.MapPost("", Create).WithName("CreateCaseStudy").RequireAuthorization(CataloguePermissions.Write).Validate<CaseStudyEdit>();
        group.MapPut("/{id:guid}", Update).WithName("UpdateCaseStudy").RequireAuthorization(CataloguePermissions.Write).Validate<CaseStudyEdit>();
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteCaseStudy").RequireAuthorization(CataloguePermissions.Write);
    }

    private static async Task<IResult> List(Guid solutionId, HttpContext http, CatalogueDbContext db, CancellationToken cancellationToken)
    {
        var solution = await db.Solutions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == solutionId, cancellationToken);
        if (solution is null || (solution.Status != SolutionStatus.Published && !await http.HasPermissionAsync(CataloguePermissions.Read)))
        {
            return ApiProblems.NotFound("Solution");
        }

        return TypedResults.Ok((await db.DetailsAsync(solution, cancellationToken)).CaseStudies);
    }

    private static async Task<IResult> Create(Guid solutionId, CaseStudyEdit request, ITenantContext tenant, CaseStudyEditor editor, CancellationToken cancellationToken) =>
        RefusalProblems.Created(await editor.SaveAsync(solutionId, null, request, cancellationToken),
            caseStudy => $"/api/{tenant.RequiredTenant.Slug}/catalogue/solutions/{solutionId}/case-studies/{caseStudy.Id}");

    private static async Task<IResult> Update(Guid solutionId, Guid id, CaseStudyEdit request, CaseStudyEditor editor, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await editor.SaveAsync(solutionId, id, request, cancellationToken));

    private static async Task<IResult> Delete(Guid solutionId, Guid id, CaseStudyEditor editor, CancellationToken cancellationToken) =>
        RefusalProblems.NoContent(await editor.DeleteAsync(solutionId, id, cancellationToken));
}

internal sealed class CaseStudyEditValidator : AbstractValidator<CaseStudyEdit>
{
    public const int MaxPerSolution = 50;

    public CaseStudyEditValidator()
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
