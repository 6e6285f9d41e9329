using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;

namespace NucleusCloud.Modules.Catalogue.Proposals;

/// <summary>The Partners module's <c>partners.partner-removed</c>, as this module reads it (Partners depends on the catalogue, not the reverse).</summary>
[IntegrationEvent("partners.partner-removed")]
internal sealed record PartnerRemoved(Guid TenantId, Guid PartnerId);

/// <summary>Solutions stop naming a deleted partner as their provider, and its pending proposals are rejected.</summary>
internal sealed class PartnerProviderRemoval(CatalogueDbContext db, IOutputCacheStore cache, TimeProvider clock) : IntegrationEventHandler<PartnerRemoved, CatalogueDbContext>(db, clock)
{
    protected override async Task HandleAsync(PartnerRemoved removed, CancellationToken cancellationToken)
    {
        var now = Clock.GetStorableUtcNow();
        foreach (var solution in await Db.Solutions.Where(s => s.ProviderPartnerIds.Contains(removed.PartnerId)).ToListAsync(cancellationToken))
        {
            solution.ProviderPartnerIds = [.. solution.ProviderPartnerIds.Where(id => id != removed.PartnerId)];
            solution.UpdatedAt = now;
            solution.Version++;
        }

        foreach (var proposal in await Db.SolutionProposals.Where(p => p.PartnerId == removed.PartnerId && p.Status == ProposalStatus.Pending).ToListAsync(cancellationToken))
        {
            proposal.Status = ProposalStatus.Rejected;
            proposal.ReviewedAt = now;
            proposal.ReviewNote = "The partner was removed from the register.";
        }
    }

    protected override async Task AfterCommitAsync(PartnerRemoved removed, CancellationToken cancellationToken) =>
        await cache.EvictByTagAsync(ShowcaseCache.Tag(removed.TenantId), cancellationToken);
}
