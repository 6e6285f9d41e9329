using NucleusCloud.Modules.Abstractions.Plans;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Catalogue.Solutions;

/// <summary>A narrower grant than the caller's own (a background import runs as the system, with only what its starter might do).</summary>
internal delegate ValueTask<bool> Grant(string permission);

/// <summary>
/// Creating, updating, moving and deleting solutions with the caller's rights and the slug, workflow
/// and version rules, for the API, the pages, the CSV import and accepted partner proposals alike.
/// Each call saves once: the solution and its history line together.
/// </summary>
internal sealed class SolutionEditor(CatalogueDbContext db, SolutionHistory history, ICaller caller, IPlanLimits plan, TimeProvider clock)
{
    public const string PublisherOnlyType = "https://nucleuscloud.org/problems/publisher-only";
    private static readonly Refusal MayNotWrite = Refusal.Forbidden("Only the tenant's editors and administrators change its catalogue.");

    public async Task<Outcome<Solution>> CreateAsync(SolutionRequest request, CancellationToken cancellationToken, Grant? grant = null)
    {
        if (!await MayAsync(CataloguePermissions.Write, grant, cancellationToken))
        {
            return MayNotWrite;
        }

        var slug = request.Slug ?? SolutionSlugs.FromName(request.Name!);
        if (await db.Solutions.AnyAsync(s => s.Slug == slug, cancellationToken))
        {
            return Refusal.Invalid("slug", $"Another solution already uses the slug '{slug}'.");
        }

        var status = request.Status ?? SolutionStatus.Draft;
        if (SolutionWorkflow.NeedsPublisher(SolutionStatus.Draft, status) && !await MayAsync(CataloguePermissions.Publish, grant, cancellationToken))
        {
            return Refusal.Invalid("status", "Publishing needs the publisher's right: create the solution as a draft and submit it for review.");
        }

        if (await plan.RefuseBeyondAsync(Quota.Solutions, 1, cancellationToken) is { } overQuota)
        {
            return overQuota;
        }

        var now = clock.GetStorableUtcNow();
        var solution = new Solution { Slug = slug, Name = request.Name!, CreatedAt = now, Status = status };
        SolutionFields.Apply(request, solution, now);
        db.Solutions.Add(solution);
        history.Record(solution, "created", to: status);
        await db.SaveChangesAsync(cancellationToken);
        return solution;
    }

    /// <summary>Updates a tracked solution; an unchanged request saves nothing and is not a refusal.</summary>
    public async Task<Refusal?> UpdateAsync(Solution solution, SolutionRequest request, CancellationToken cancellationToken, string? note = null, Grant? grant = null)
    {
        if (!await MayAsync(CataloguePermissions.Write, grant, cancellationToken))
        {
            return MayNotWrite;
        }

        if (request.Version is { } version && version != solution.Version)
        {
            return Refusal.Conflict($"The solution was changed by someone else (version {solution.Version}, not {version}); reload it and apply your change again.");
        }

        if (request.Slug is { } slug && slug != solution.Slug && await db.Solutions.AnyAsync(s => s.Slug == slug, cancellationToken))
        {
            return Refusal.Invalid("slug", $"Another solution already uses the slug '{slug}'.");
        }

        var from = solution.Status;
        var to = request.Status ?? from;
        if (await RefuseMoveAsync(from, to, grant, cancellationToken) is { } refusal)
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

    public async Task<Refusal?> MoveAsync(Solution solution, SolutionStatus to, string? note, CancellationToken cancellationToken)
    {
        if (!await MayAsync(CataloguePermissions.Write, null, cancellationToken))
        {
            return MayNotWrite;
        }

        var from = solution.Status;
        if (from == to)
        {
            return Refusal.Invalid("status", $"The solution is already {to}.");
        }

        if (await RefuseMoveAsync(from, to, null, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        solution.Status = to;
        solution.UpdatedAt = clock.GetStorableUtcNow();
        solution.Version++;
        history.Record(solution, "status", ["status"], from, to, note);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Deletes a solution (its case studies go with it); one on the showcase must be archived by a publisher first.</summary>
    public async Task<Refusal?> DeleteAsync(Solution solution, CancellationToken cancellationToken)
    {
        if (!await MayAsync(CataloguePermissions.Write, null, cancellationToken))
        {
            return MayNotWrite;
        }

        if (solution.Status == SolutionStatus.Published && !await MayAsync(CataloguePermissions.Publish, null, cancellationToken))
        {
            return Refusal.Conflict("A published solution is on the showcase: archive it (a publisher's act) before deleting it.");
        }

        db.Solutions.Remove(solution);
        history.Record(solution, "deleted", from: solution.Status);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async ValueTask<bool> MayAsync(string permission, Grant? grant, CancellationToken cancellationToken) =>
        await caller.MayAsync(permission, cancellationToken) && (grant is null || await grant(permission));

    private async Task<Refusal?> RefuseMoveAsync(SolutionStatus from, SolutionStatus to, Grant? grant, CancellationToken cancellationToken)
    {
        if (!SolutionWorkflow.IsAllowed(from, to))
        {
            return Refusal.Invalid("status", SolutionWorkflow.Describe(from));
        }

        return SolutionWorkflow.NeedsPublisher(from, to) && !await MayAsync(CataloguePermissions.Publish, grant, cancellationToken)
            ? Refusal.Forbidden("Moving a solution into or out of the showcase needs the publisher's right.", PublisherOnlyType)
            : null;
    }

    private async Task<Refusal?> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("The solution was changed by someone else meanwhile; reload it and apply your change again.");
        }
    }
}
