using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Catalogue.Solutions;

/// <summary>Why a create or update did not happen: a field at fault, a missing right, or someone else's change.</summary>
internal sealed record EditRefusal(EditRefusalKind Kind, string Field, string Message);

internal enum EditRefusalKind
{
    Invalid,
    Forbidden,
    Conflict,
}

/// <summary>Whether the caller holds a permission in the current tenant (from the request, or a job's grant).</summary>
internal delegate ValueTask<bool> CallerMay(string permission);

/// <summary>
/// Creating and updating solutions with the slug, workflow and version rules, for the API, the
/// CSV import and accepted partner proposals alike. Each call saves once: the solution and its history line together.
/// </summary>
internal sealed class SolutionEditor(CatalogueDbContext db, SolutionHistory history, TimeProvider clock)
{
    public async Task<(Solution? Solution, EditRefusal? Refusal)> CreateAsync(SolutionRequest request, CallerMay may, CancellationToken cancellationToken)
    {
        var slug = request.Slug ?? SolutionSlugs.FromName(request.Name!);
        if (await db.Solutions.AnyAsync(s => s.Slug == slug, cancellationToken))
        {
            return (null, new(EditRefusalKind.Invalid, "slug", $"Another solution already uses the slug '{slug}'."));
        }

        var status = request.Status ?? SolutionStatus.Draft;
        if (SolutionWorkflow.NeedsPublisher(SolutionStatus.Draft, status) && !await may(Permissions.CataloguePublish))
        {
            return (null, new(EditRefusalKind.Invalid, "status", "Publishing needs the publisher's right: create the solution as a draft and submit it for review."));
        }

        var now = clock.GetStorableUtcNow();
        var solution = new Solution { Slug = slug, Name = request.Name!, CreatedAt = now, Status = status };
        SolutionFields.Apply(request, solution, now);
        db.Solutions.Add(solution);
        history.Record(solution, "created", to: status);
        await db.SaveChangesAsync(cancellationToken);
        return (solution, null);
    }

    /// <summary>Updates a tracked solution; an unchanged request saves nothing and is not a refusal.</summary>
    public async Task<EditRefusal?> UpdateAsync(Solution solution, SolutionRequest request, CallerMay may, CancellationToken cancellationToken, string? note = null)
    {
        if (request.Version is { } version && version != solution.Version)
        {
            return new(EditRefusalKind.Conflict, "version", $"The solution was changed by someone else (version {solution.Version}, not {version}); reload it and apply your change again.");
        }

        if (request.Slug is { } slug && slug != solution.Slug && await db.Solutions.AnyAsync(s => s.Slug == slug, cancellationToken))
        {
            return new(EditRefusalKind.Invalid, "slug", $"Another solution already uses the slug '{slug}'.");
        }

        var from = solution.Status;
        var to = request.Status ?? from;
        if (await RefuseMoveAsync(from, to, may) is { } refusal)
        {
            return refusal;
        }

        var before = solution.ToDetails([]);
        solution.Slug = request.Slug ?? solution.Slug;
        solution.Status = to;
        SolutionFields.Apply(request, solution, clock.GetStorableUtcNow());
        var changed = SolutionHistory.ChangedFields(before, solution.ToDetails([]));
        if (changed.Count == 0)
        {
            db.Entry(solution).State = EntityState.Unchanged;
            return null;
        }

        solution.Version++;
        history.Record(solution, from == to ? "updated" : "status", changed, from == to ? null : from, from == to ? null : to, note);
        return await SaveAsync(cancellationToken);
    }

    public async Task<EditRefusal?> MoveAsync(Solution solution, SolutionStatus to, string? note, CallerMay may, CancellationToken cancellationToken)
    {
        var from = solution.Status;
        if (from == to)
        {
            return new(EditRefusalKind.Invalid, "status", $"The solution is already {to}.");
        }

        if (await RefuseMoveAsync(from, to, may) is { } refusal)
        {
            return refusal;
        }

        solution.Status = to;
        solution.UpdatedAt = clock.GetStorableUtcNow();
        solution.Version++;
        history.Record(solution, "status", ["status"], from, to, note);
        return await SaveAsync(cancellationToken);
    }

    private static async Task<EditRefusal?> RefuseMoveAsync(SolutionStatus from, SolutionStatus to, CallerMay may)
    {
        if (!SolutionWorkflow.IsAllowed(from, to))
        {
            return new(EditRefusalKind.Invalid, "status", SolutionWorkflow.Describe(from));
        }

        return SolutionWorkflow.NeedsPublisher(from, to) && !await may(Permissions.CataloguePublish)
            ? new(EditRefusalKind.Forbidden, "status", "Moving a solution into or out of the showcase needs the publisher's right.")
            : null;
    }

    private async Task<EditRefusal?> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(EditRefusalKind.Conflict, "version", "The solution was changed by someone else meanwhile; reload it and apply your change again.");
        }
    }
}
