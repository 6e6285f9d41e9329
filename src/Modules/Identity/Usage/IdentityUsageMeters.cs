using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Abstractions.Plans;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.Usage;

/// <summary>Seats taken: members and open invitations, partner guests aside (they are the partners' people, not the nucleus's).</summary>
internal sealed class MemberSeats(AccessDbContext db, TimeProvider clock) : IUsageMeter
{
    public Quota Quota => Quota.Members;

    public async Task<long> MeasureAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetStorableUtcNow();
        return await db.Memberships.LongCountAsync(m => m.Role != TenantRole.PartnerGuest, cancellationToken)
            + await db.Invitations.LongCountAsync(i => i.Role != TenantRole.PartnerGuest && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, cancellationToken);
    }
}

/// <summary>API keys that still work: neither revoked nor expired.</summary>
internal sealed class LiveApiKeys(AccessDbContext db, TimeProvider clock) : IUsageMeter
{
    public Quota Quota => Quota.ApiKeys;

    public Task<long> MeasureAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetStorableUtcNow();
        return db.ApiKeys.LongCountAsync(k => k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now), cancellationToken);
    }
}
