using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Outcomes;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Strategy.Contracts;
using NucleusCloud.Modules.Strategy.Data;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Strategy.Plans;

/// <summary>The vision and the yearly action plans; changes are the owners' and administrators' (strategy.write).</summary>
internal sealed class StrategyPlan(StrategyDbContext db, ICaller caller, ITenantContext tenant, IValidator<VisionRequest> visions, IValidator<ActionRequest> actions, TimeProvider clock) : IStrategyPlan
{
    public const string DefaultCurrency = "EUR";

    private static readonly Refusal MayNotWrite = Refusal.Forbidden("Only the tenant's owners and administrators change its strategy.");

    public async Task<VisionDetails?> VisionAsync(CancellationToken cancellationToken = default) =>
        (await db.Visions.AsNoTracking().FirstOrDefaultAsync(cancellationToken))?.ToDetails();

    public async Task<Outcome<VisionDetails>> SaveVisionAsync(VisionRequest request, CancellationToken cancellationToken = default)
    {
        if (await caller.RefusalAsync(StrategyPermissions.Write, MayNotWrite, visions, request, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var vision = await db.Visions.FirstOrDefaultAsync(cancellationToken);
        var current = vision?.Version ?? 0;
        if (request.Version is { } sent && sent != current)
        {
            return Refusal.Stale("vision", current, sent);
        }

        vision ??= db.Visions.Add(new StrategyVision { TenantId = tenant.RequiredTenant.Id, Statement = "", CollaborationAim = "", DiplomacyAim = "", ExportAim = "", ReportingCurrency = DefaultCurrency }).Entity;
        vision.Statement = request.Statement!.Trim();
        vision.StartYear = request.StartYear!.Value;
        vision.CollaborationAim = request.CollaborationAim!.Trim();
        vision.DiplomacyAim = request.DiplomacyAim!.Trim();
        vision.ExportAim = request.ExportAim!.Trim();
        vision.TargetMarkets = [.. (request.TargetMarkets ?? []).Select(c => c.Trim().ToUpperInvariant()).Distinct()];
        vision.Regions = [.. (request.Regions ?? []).Select(r => r.Trim()).Distinct()];
        vision.CompetitiveAdvantages = [.. (request.CompetitiveAdvantages ?? []).Select(a => a.Trim()).Distinct()];
        vision.ReportingCurrency = string.IsNullOrEmpty(request.ReportingCurrency) ? vision.ReportingCurrency : request.ReportingCurrency.ToUpperInvariant();
        vision.UpdatedAt = clock.GetStorableUtcNow();
        vision.Version = current + 1;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (current == 0)
        {
            // Two first versions at once: the key (one vision per tenant) lets only one in.
            return Refusal.ChangedMeanwhile("vision");
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.ChangedMeanwhile("vision");
        }

        return vision.ToDetails();
    }

    public async Task<IReadOnlyList<ActionDetails>> ActionsAsync(int? year, StrategyAim? aim, CancellationToken cancellationToken = default)
    {
        var query = db.Actions.AsNoTracking();
        if (year is { } y)
        {
            query = query.Where(a => a.Year == y);
        }

        if (aim is { } kind)
        {
            query = query.Where(a => a.Aim == kind);
        }

        return [.. (await query.OrderBy(a => a.Year).ThenBy(a => a.Aim).ThenBy(a => a.Title).ThenBy(a => a.Id).Take(1_000).ToListAsync(cancellationToken)).Select(a => a.ToDetails())];
    }

    public async Task<Outcome<ActionDetails>> AddActionAsync(ActionRequest request, CancellationToken cancellationToken = default)
    {
        if (await caller.RefusalAsync(StrategyPermissions.Write, MayNotWrite, actions, request, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var action = db.Actions.Add(new PlannedAction { Title = "" }).Entity;
        Apply(action, request);
        await db.SaveChangesAsync(cancellationToken);
        return action.ToDetails();
    }

    public async Task<Outcome<ActionDetails>> UpdateActionAsync(Guid id, ActionRequest request, CancellationToken cancellationToken = default)
    {
        if (await caller.RefusalAsync(StrategyPermissions.Write, MayNotWrite, actions, request, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (await db.Actions.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } action)
        {
            return Refusal.NotFound("Action");
        }

        if (request.Version is { } sent && sent != action.Version)
        {
            return Refusal.Stale("action", action.Version, sent);
        }

        Apply(action, request);
        action.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.ChangedMeanwhile("action");
        }

        return action.ToDetails();
    }

    public async Task<Outcome<bool>> DeleteActionAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(StrategyPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        if (await db.Actions.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } action)
        {
            return Refusal.NotFound("Action");
        }

        db.Actions.Remove(action);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private void Apply(PlannedAction action, ActionRequest request)
    {
        action.Year = request.Year!.Value;
        action.Aim = request.Aim!.Value;
        action.Title = request.Title!.Trim();
        action.Owner = string.IsNullOrWhiteSpace(request.Owner) ? null : request.Owner.Trim();
        action.Budget = request.Budget;
        action.Outputs = string.IsNullOrWhiteSpace(request.Outputs) ? null : request.Outputs.Trim();
        action.Status = request.Status ?? action.Status;
        action.UpdatedAt = clock.GetStorableUtcNow();
    }
}
