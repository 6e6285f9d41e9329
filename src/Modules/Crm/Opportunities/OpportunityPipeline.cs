using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Outcomes;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Modules.Crm.Tasks;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Crm.Opportunities;

/// <summary>
/// The pipeline's writes. Every change publishes the opportunity's new state (<see cref="OpportunityChanged"/>)
/// in the same save, for the strategy's indicators. Moves: CRM users go one stage forward at a time, back
/// to any open stage, or to Lost with a reason; owners and administrators may jump forward and reopen a
/// closed opportunity.
/// </summary>
internal sealed class OpportunityPipeline(CrmDbContext db, ICaller caller, ITenantContext tenant, IValidator<OpportunityRequest> requests, IValidator<StageMove> moves, TimeProvider clock)
{
    private static readonly Refusal MayNotWrite = Refusal.Forbidden("Only the tenant's CRM users, owners and administrators change its opportunities.");
    private static readonly Refusal NoOpportunity = Refusal.NotFound("Opportunity");

    public async Task<Outcome<OpportunityDetails>> CreateAsync(OpportunityRequest request, CancellationToken cancellationToken)
    {
        if (await caller.RefusalAsync(CrmPermissions.Write, MayNotWrite, requests, request, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var now = clock.GetStorableUtcNow();
        // The tenant is set now, not by the save: the event written beside the row carries it.
        var opportunity = new Opportunity { TenantId = tenant.RequiredTenant.Id, Title = "", Currency = "", CreatedAt = now, UpdatedAt = now };
        Apply(opportunity, request);
        db.Opportunities.Add(opportunity);
        return await SaveAsync(opportunity, cancellationToken);
    }

    public async Task<Outcome<OpportunityDetails>> UpdateAsync(Guid id, OpportunityRequest request, CancellationToken cancellationToken)
    {
        if (await caller.RefusalAsync(CrmPermissions.Write, MayNotWrite, requests, request, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var found = await FindAsync(id, request.Version, cancellationToken);
        if (found.Refusal is { } missing)
        {
            return missing;
        }

        Apply(found.Value!, request);
        return await SaveAsync(found.Value!, cancellationToken, changed: true);
    }

    public async Task<Outcome<OpportunityDetails>> MoveAsync(Guid id, StageMove move, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(CrmPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        if (await moves.RefusalAsync(move, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var found = await FindAsync(id, move.Version, cancellationToken);
        if (found.Refusal is { } missing)
        {
            return missing;
        }

        var opportunity = found.Value!;
        var target = move.Stage!.Value;
        if (target == opportunity.Stage)
        {
            return opportunity.ToDetails(await OrganisationNameAsync(opportunity.OrganisationId, cancellationToken) ?? "");
        }

        if (await MayMoveAsync(opportunity.Stage, target, cancellationToken) is { } refused)
        {
            return refused;
        }

        opportunity.Stage = target;
        opportunity.LostReason = target == OpportunityStage.Lost ? move.LostReason!.Trim() : null;
        opportunity.ClosedAt = opportunity.IsClosed ? clock.GetStorableUtcNow() : null;
        if (target == OpportunityStage.Won)
        {
            opportunity.Probability = 100;
        }

        return await SaveAsync(opportunity, cancellationToken, changed: true);
    }

    public async Task<Outcome<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(CrmPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        var opportunity = await db.Opportunities.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (opportunity is null)
        {
            return NoOpportunity;
        }

        db.Opportunities.Remove(opportunity);
        db.MatchDecisions.RemoveRange(await db.MatchDecisions.Where(d => d.Subject == MatchSubject.Opportunity && d.SubjectId == id).ToListAsync(cancellationToken));
        await db.RemoveTasksOfAsync(TaskLink.Opportunity, id, cancellationToken);
        db.Outbox.Add(OutboxMessage.For(opportunity.ToEvent(deleted: true), clock.GetStorableUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<Refusal?> MayMoveAsync(OpportunityStage from, OpportunityStage to, CancellationToken cancellationToken)
    {
        var closed = from is OpportunityStage.Won or OpportunityStage.Lost;
        var steward = await caller.RoleAsync(cancellationToken) is TenantRole.Owner or TenantRole.Admin || caller.IsSystem;
        if (closed && !steward)
        {
            return Refusal.Forbidden($"The opportunity is {from}; only an owner or administrator reopens it.");
        }

        // Forward beyond the next stage (Lost aside, which any CRM user may record with its reason).
        return !steward && to != OpportunityStage.Lost && to > from + 1
            ? Refusal.Forbidden($"CRM users move an opportunity one stage at a time ({from} → {from + 1}); an owner or administrator may move it to {to} at once.")
            : null;
    }

    private async Task<Outcome<Opportunity>> FindAsync(Guid id, int? version, CancellationToken cancellationToken)
    {
        var opportunity = await db.Opportunities.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (opportunity is null)
        {
            return NoOpportunity;
        }

        return version is { } sent && sent != opportunity.Version
            ? Refusal.Stale("opportunity", opportunity.Version, sent)
            : opportunity;
    }

    private async Task<Outcome<OpportunityDetails>> SaveAsync(Opportunity opportunity, CancellationToken cancellationToken, bool changed = false)
    {
        if (changed)
        {
            opportunity.UpdatedAt = clock.GetStorableUtcNow();
            opportunity.Version++;
        }

        var organisation = await OrganisationNameAsync(opportunity.OrganisationId, cancellationToken);
        if (organisation is null)
        {
            return Refusal.Invalid("organisationId", "No organisation of this tenant has this id.");
        }

        db.Outbox.Add(OutboxMessage.For(opportunity.ToEvent(), clock.GetStorableUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.ChangedMeanwhile("opportunity");
        }

        return opportunity.ToDetails(organisation);
    }

    private Task<string?> OrganisationNameAsync(Guid organisationId, CancellationToken cancellationToken) =>
        db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);

    private static void Apply(Opportunity opportunity, OpportunityRequest request)
    {
        opportunity.Title = request.Title!.Trim();
        opportunity.OrganisationId = request.OrganisationId!.Value;
        opportunity.Amount = request.Amount;
        opportunity.Currency = request.Currency!.ToUpperInvariant();
        opportunity.Probability = request.Probability;
        opportunity.FundingSource = string.IsNullOrWhiteSpace(request.FundingSource) ? null : request.FundingSource.Trim();
        opportunity.ExpectedCloseOn = request.ExpectedCloseOn;
    }
}
