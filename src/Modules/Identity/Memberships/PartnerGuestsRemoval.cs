using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Data;

namespace NucleusCloud.Modules.Identity.Memberships;

/// <summary>The Partners module's <c>partners.partner-removed</c>, as this module reads it (Partners depends on Identity, not the reverse).</summary>
[IntegrationEvent("partners.partner-removed")]
internal sealed record PartnerRemoved(Guid TenantId, Guid PartnerId);

/// <summary>A membership never outlives the partner record it is confined to: the guests go, their open invitations are withdrawn.</summary>
internal sealed class PartnerGuestsRemoval(AccessDbContext access, TimeProvider clock) : IntegrationEventHandler<PartnerRemoved, AccessDbContext>(access, clock)
{
    protected override async Task HandleAsync(PartnerRemoved removed, CancellationToken cancellationToken)
    {
        Db.Memberships.RemoveRange(await Db.Memberships.Where(m => m.PartnerId == removed.PartnerId).ToListAsync(cancellationToken));
        var now = Clock.GetStorableUtcNow();
        foreach (var invitation in await Db.Invitations.Where(i => i.PartnerId == removed.PartnerId && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(cancellationToken))
        {
            invitation.RevokedAt = now;
        }
    }
}
