using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Modules.Catalogue.Solutions;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Catalogue.CaseStudies;

/// <summary>
/// Adds, changes and removes case studies for the API and the pages. Each save also refreshes the
/// solution's searchable case-study text, bumps its version and writes its history line, together.
/// </summary>
internal sealed class CaseStudyEditor(CatalogueDbContext db, SolutionHistory history, ICaller caller, IValidator<CaseStudyEdit> validator, TimeProvider clock)
{
    private static readonly Refusal MayNotWrite = Refusal.Forbidden("Only the tenant's editors and administrators change its catalogue.");

    /// <summary>Creates (<paramref name="id"/> null) or updates a case study, after the caller's right and the fields are checked.</summary>
    public async Task<Outcome<CaseStudyDetails>> SaveAsync(Guid solutionId, Guid? id, CaseStudyEdit edit, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(CataloguePermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        if ((await validator.ValidateAsync(edit, cancellationToken)).Errors.FirstOrDefault() is { } error)
        {
            return Refusal.Invalid(ApiProblems.FieldName(error.PropertyName), error.ErrorMessage);
        }

        var solution = await db.Solutions.FirstOrDefaultAsync(s => s.Id == solutionId, cancellationToken);
        var caseStudy = id is null ? null : await db.CaseStudies.FirstOrDefaultAsync(c => c.SolutionId == solutionId && c.Id == id, cancellationToken);
        if (solution is null || (id is not null && caseStudy is null))
        {
            return Refusal.NotFound(solution is null ? "Solution" : "Case study");
        }

        var now = clock.GetStorableUtcNow();
        if (caseStudy is null)
        {
            if (await db.CaseStudies.CountAsync(c => c.SolutionId == solutionId, cancellationToken) >= CaseStudyEditValidator.MaxPerSolution)
            {
                return Refusal.Invalid("solutionId", $"A solution holds at most {CaseStudyEditValidator.MaxPerSolution} case studies.");
            }

            caseStudy = new CaseStudy { SolutionId = solutionId, Title = edit.Title!.Trim(), CreatedAt = now };
            db.CaseStudies.Add(caseStudy);
        }
        else if (edit.Version is { } version && version != caseStudy.Version)
        {
            return Refusal.Conflict($"The case study was changed by someone else (version {caseStudy.Version}, not {version}); reload it and apply your change again.");
        }
        else
        {
            caseStudy.Version++;
        }

        var added = id is null;
        caseStudy.Title = edit.Title!.Trim();
        Apply(edit, caseStudy, now);
        await RefreshSolutionAsync(solution, caseStudy, removed: null, now, cancellationToken);
        history.Record(solution, "case-study", ["caseStudies"], note: added ? $"Added “{caseStudy.Title}”" : $"Changed “{caseStudy.Title}”");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("The case study or its solution was changed by someone else meanwhile; reload and apply your change again.");
        }

        return caseStudy.ToDetails();
    }

    public async Task<Outcome<bool>> DeleteAsync(Guid solutionId, Guid id, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(CataloguePermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        var caseStudy = await db.CaseStudies.FirstOrDefaultAsync(c => c.SolutionId == solutionId && c.Id == id, cancellationToken);
        var solution = await db.Solutions.FirstOrDefaultAsync(s => s.Id == solutionId, cancellationToken);
        if (caseStudy is null || solution is null)
        {
            return Refusal.NotFound("Case study");
        }

        db.CaseStudies.Remove(caseStudy);
        await RefreshSolutionAsync(solution, changed: null, removed: caseStudy.Id, clock.GetStorableUtcNow(), cancellationToken);
        history.Record(solution, "case-study", ["caseStudies"], note: $"Removed “{caseStudy.Title}”");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static void Apply(CaseStudyEdit edit, CaseStudy caseStudy, DateTimeOffset now)
    {
        caseStudy.Country = edit.Country;
        caseStudy.Year = edit.Year;
        caseStudy.Problem = edit.Problem?.Trim() ?? "";
        caseStudy.Approach = edit.Approach?.Trim() ?? "";
        caseStudy.Outputs = edit.Outputs?.Trim() ?? "";
        caseStudy.Outcomes = edit.Outcomes?.Trim() ?? "";
        caseStudy.Figures = [.. (edit.Figures ?? []).Select(f => new OutcomeFigure { Label = f.Label.Trim(), Value = f.Value, Unit = f.Unit?.Trim() })];
        caseStudy.UpdatedAt = now;
    }

    /// <summary>Keeps the solution's searchable case-study text current and bumps its version, in the same save.</summary>
    private async Task RefreshSolutionAsync(Solution solution, CaseStudy? changed, Guid? removed, DateTimeOffset now, CancellationToken cancellationToken)
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
