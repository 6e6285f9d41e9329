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

namespace NucleusCloud.Modules.Catalogue.Proposals;

/// <summary>Proposals by providers and their review, with the rules shared by the portal's API, the review API and the pages.</summary>
internal sealed class PartnerSolutions(CatalogueDbContext db, SolutionEditor editor, IValidator<ProposalEdit> validator, AuditActor actor,
    TimeProvider clock, IOutputCacheStore cache, ITenantContext tenant) : IPartnerSolutions
{
    public async Task<IReadOnlyList<SolutionListItem>> ProvidedAsync(Guid partnerId, CancellationToken cancellationToken = default) =>
        await db.Solutions.AsNoTracking().Where(s => s.ProviderPartnerIds.Contains(partnerId)).OrderBy(s => s.Name)
            .Select(s => new SolutionListItem(s.Id, s.Slug, s.Name, s.Summary, s.Status, s.Maturity, s.BuildingBlocks, s.Sdgs, s.UpdatedAt))
            .ToListAsync(cancellationToken);

    public Task<Solution?> ProvidedSolutionAsync(Guid partnerId, Guid solutionId, CancellationToken cancellationToken) =>
        db.Solutions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == solutionId && s.ProviderPartnerIds.Contains(partnerId), cancellationToken);

    public async Task<(ProposalDto? Proposal, string? Field, string? Message)> ProposeAsync(Guid partnerId, Guid solutionId, ProposalEdit edit, CancellationToken cancellationToken = default)
    {
        if ((await validator.ValidateAsync(edit, cancellationToken)).Errors.FirstOrDefault() is { } error)
        {
            return (null, ApiProblems.FieldName(error.PropertyName), error.ErrorMessage);
        }

        if (await ProvidedSolutionAsync(partnerId, solutionId, cancellationToken) is not { } solution)
        {
            return (null, "id", "The solution does not exist.");
        }

        if (await db.SolutionProposals.AnyAsync(p => p.SolutionId == solutionId && p.PartnerId == partnerId && p.Status == ProposalStatus.Pending, cancellationToken))
        {
            return (null, "pending", "A change you proposed to this solution is still waiting for review; it must be decided before you propose another.");
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
        return (proposal.ToDto(), null, null);
    }

    public async Task<IReadOnlyList<ProposalDto>> ProposalsOfAsync(Guid partnerId, CancellationToken cancellationToken = default) =>
        [.. (await db.SolutionProposals.AsNoTracking().Where(p => p.PartnerId == partnerId).OrderByDescending(p => p.ProposedAt).Take(100).ToListAsync(cancellationToken)).Select(p => p.ToDto())];

    public async Task<IReadOnlyList<ProposalDto>> PendingAsync(CancellationToken cancellationToken = default) =>
        [.. (await db.SolutionProposals.AsNoTracking().Where(p => p.Status == ProposalStatus.Pending).OrderBy(p => p.ProposedAt).Take(100).ToListAsync(cancellationToken)).Select(p => p.ToDto())];

    /// <summary>Accepting applies the proposal through the editor (history, versions, workflow rules) and closes it in the same save.</summary>
    public async Task<string?> DecideAsync(Guid proposalId, bool accept, string? note, Func<string, ValueTask<bool>> callerMay, CancellationToken cancellationToken = default) =>
        (await DecideProposalAsync(proposalId, accept, note, callerMay, cancellationToken)).Refusal;

    public async Task<(SolutionProposal? Proposal, string? Refusal, bool NotFound)> DecideProposalAsync(Guid proposalId, bool accept, string? note, Func<string, ValueTask<bool>> callerMay, CancellationToken cancellationToken)
    {
        var proposal = await db.SolutionProposals.FirstOrDefaultAsync(p => p.Id == proposalId && p.Status == ProposalStatus.Pending, cancellationToken);
        if (proposal is null)
        {
            return (null, "The proposal is not waiting for review (it was decided already, or does not exist).", true);
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
                return (null, "The solution no longer exists; reject the proposal instead.", false);
            }

            var historyNote = $"Proposed by partner {proposal.PartnerId}" + (proposal.ReviewNote is { } text ? $": {text}" : "");
            if (await editor.UpdateAsync(solution, proposal.AppliedTo(solution), new CallerMay(callerMay), cancellationToken, historyNote) is { } refusal)
            {
                return (null, refusal.Message, false);
            }
        }

        await db.SaveChangesAsync(cancellationToken); // the proposal alone, when the solution did not change
        await cache.EvictByTagAsync(ShowcaseCache.Tag(tenant.RequiredTenant.Id), cancellationToken);
        return (proposal, null, false);
    }
}
