using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Modules.Catalogue.Solutions;

namespace NucleusCloud.Modules.Catalogue.CaseStudies;

/// <summary>
/// Adds, changes and removes case studies for the API and the pages. Each save also refreshes the
/// solution's searchable case-study text, bumps its version and writes its history line, together.
/// </summary>
internal sealed class CaseStudyEditor(CatalogueDbContext db, SolutionHistory history, TimeProvider clock)
{
    /// <summary>Creates (<paramref name="id"/> null) or updates a validated case study. A refusal's field is "id" when the solution or case study does not exist.</summary>
    public async Task<(CaseStudyDetails? CaseStudy, EditRefusal? Refusal)> SaveAsync(Guid solutionId, Guid? id, CaseStudyEdit edit, CancellationToken cancellationToken)
    {
        var solution = await db.Solutions.FirstOrDefaultAsync(s => s.Id == solutionId, cancellationToken);
        var caseStudy = id is null ? null : await db.CaseStudies.FirstOrDefaultAsync(c => c.SolutionId == solutionId && c.Id == id, cancellationToken);
        if (solution is null || (id is not null && caseStudy is null))
        {
            return (null, new(EditRefusalKind.Invalid, "id", id is null ? "Solution" : "Case study"));
        }

        var now = clock.GetStorableUtcNow();
        if (caseStudy is null)
        {
            if (await db.CaseStudies.CountAsync(c => c.SolutionId == solutionId, cancellationToken) >= CaseStudyEditValidator.MaxPerSolution)
            {
                return (null, new(EditRefusalKind.Invalid, "solutionId", $"A solution holds at most {CaseStudyEditValidator.MaxPerSolution} case studies."));
            }

            caseStudy = new CaseStudy { SolutionId = solutionId, Title = edit.Title!.Trim(), CreatedAt = now };
            db.CaseStudies.Add(caseStudy);
        }
        else if (edit.Version is { } version && version != caseStudy.Version)
        {
            return (null, new(EditRefusalKind.Conflict, "version", $"The case study was changed by someone else (version {caseStudy.Version}, not {version}); reload it and apply your change again."));
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
            return (null, new(EditRefusalKind.Conflict, "version", "The case study or its solution was changed by someone else meanwhile; reload and apply your change again."));
        }

        return (caseStudy.ToDetails(), null);
    }

    public async Task<bool> DeleteAsync(Guid solutionId, Guid id, CancellationToken cancellationToken)
    {
        var caseStudy = await db.CaseStudies.FirstOrDefaultAsync(c => c.SolutionId == solutionId && c.Id == id, cancellationToken);
        var solution = await db.Solutions.FirstOrDefaultAsync(s => s.Id == solutionId, cancellationToken);
        if (caseStudy is null || solution is null)
        {
            return false;
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
