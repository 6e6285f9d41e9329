using FluentValidation;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Modules.Catalogue.Solutions;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Catalogue.Proposals;

/// <summary>Proposals by providers and their review, with the rules shared by the portal's API, the review API and the pages.</summary>
internal sealed class PartnerSolutions(CatalogueDbContext db, SolutionEditor editor, IValidator<ProposalEdit> validator, AuditActor actor, ICaller caller,
    TimeProvider clock, IOutputCacheStore cache, ITenantContext tenant) : IPartnerSolutions
{
    public async Task<IReadOnlyList<SolutionListItem>> ProvidedAsync(Guid partnerId, CancellationToken cancellationToken = default) =>
        await db.Solutions.AsNoTracking().Where(s => s.ProviderPartnerIds.Contains(partnerId)).OrderBy(s => s.Name)
            .Select(s => new SolutionListItem(s.Id, s.Slug, s.Name, s.Summary, s.Status, s.Maturity, s.BuildingBlocks, s.Sdgs, s.UpdatedAt))
            .ToListAsync(cancellationToken);

    public Task<Solution?> ProvidedSolutionAsync(Guid partnerId, Guid solutionId, CancellationToken cancellationToken) =>
        db.Solutions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == solutionId && s.ProviderPartnerIds.Contains(partnerId), cancellationToken);

    public async Task<Outcome<ProposalDto>> ProposeAsync(Guid solutionId, ProposalEdit edit, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(TenantPermissions.PartnerPortal, cancellationToken) || await caller.PartnerAsync(cancellationToken) is not { } partnerId)
        {
            return Refusal.Forbidden("Only a partner's guests propose changes to the solutions their partner provides.");
        }

        if ((await validator.ValidateAsync(edit, cancellationToken)).Errors.FirstOrDefault() is { } error)
        {
            return Refusal.Invalid(ApiProblems.FieldName(error.PropertyName), error.ErrorMessage);
        }

        if (await ProvidedSolutionAsync(partnerId, solutionId, cancellationToken) is not { } solution)
        {
            return Refusal.NotFound("Solution");
        }

        if (await db.SolutionProposals.AnyAsync(p => p.SolutionId == solutionId && p.PartnerId == partnerId && p.Status == ProposalStatus.Pending, cancellationToken))
        {
            return Refusal.Conflict("A change you proposed to this solution is still waiting for review; it must be decided before you propose another.");
        }

        var proposal = new SolutionProposal
        {
            SolutionId = solutionId,
            PartnerId = partnerId,
            ProposedBy = actor.Id,
            ProposedAt = clock.GetStorableUtcNow(),
            BaseVersion = solution.Version,
            Name = edit.Name?.Trim(),
            Summary = edit.Summary?.Trim(),
            Description = edit.Description,
            WebsiteUrl = edit.WebsiteUrl?.Trim(),
            Standards = edit.Standards is { } standards ? [.. standards.Select(s => s.Trim()).Distinct()] : null,
            DeploymentCountries = edit.DeploymentCountries is { } countries ? [.. countries.Distinct()] : null,
            Message = string.IsNullOrWhiteSpace(edit.Message) ? null : edit.Message.Trim(),
        };
        db.SolutionProposals.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        return proposal.ToDto();
    }

    public async Task<IReadOnlyList<ProposalDto>> ProposalsOfAsync(Guid partnerId, CancellationToken cancellationToken = default) =>
        [.. (await db.SolutionProposals.AsNoTracking().Where(p => p.PartnerId == partnerId).OrderByDescending(p => p.ProposedAt).Take(100).ToListAsync(cancellationToken)).Select(p => p.ToDto())];

    public async Task<IReadOnlyList<ProposalDto>> PendingAsync(CancellationToken cancellationToken = default) =>
        [.. (await db.SolutionProposals.AsNoTracking().Where(p => p.Status == ProposalStatus.Pending).OrderBy(p => p.ProposedAt).Take(100).ToListAsync(cancellationToken)).Select(p => p.ToDto())];

    /// <summary>Accepting applies the proposal through the editor (history, versions, workflow rules) and closes it in the same save.</summary>
    public async Task<Outcome<ProposalDto>> DecideAsync(Guid proposalId, bool accept, string? note, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(CataloguePermissions.Write, cancellationToken))
        {
            return Refusal.Forbidden("Only the tenant's editors and administrators review proposals.");
        }

        if (note?.Length > 2_000)
        {
            return Refusal.Invalid("note", "A review note has at most 2,000 characters.");
        }

        var proposal = await db.SolutionProposals.FirstOrDefaultAsync(p => p.Id == proposalId && p.Status == ProposalStatus.Pending, cancellationToken);
        if (proposal is null)
        {
            return Refusal.NotFound("Pending proposal");
        }

        proposal.Status = accept ? ProposalStatus.Accepted : ProposalStatus.Rejected;
        proposal.ReviewedBy = actor.Id;
        proposal.ReviewedAt = clock.GetStorableUtcNow();
        proposal.ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (accept)
        {
            var solution = await db.Solutions.FirstOrDefaultAsync(s => s.Id == proposal.SolutionId, cancellationToken);
            if (solution is null)
            {
                return Refusal.Conflict("The solution no longer exists; reject the proposal instead.");
            }

            var historyNote = $"Proposed by partner {proposal.PartnerId}" + (proposal.ReviewNote is { } text ? $": {text}" : "");
            if (await editor.UpdateAsync(solution, proposal.AppliedTo(solution), cancellationToken, historyNote) is { } refusal)
            {
                return refusal.Kind == RefusalKind.Invalid ? Refusal.Conflict(refusal.Message) : refusal;
            }
        }

        await db.SaveChangesAsync(cancellationToken); // the proposal alone, when the solution did not change
        await cache.EvictByTagAsync(ShowcaseCache.Tag(tenant.RequiredTenant.Id), cancellationToken);
        return proposal.ToDto();
    }
}
