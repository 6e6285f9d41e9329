using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Exchange.Data;

namespace NucleusCloud.Modules.Exchange.Mail;

/// <summary>Queues mail items with the change that causes them: added to the context, saved by the caller's commit.</summary>
internal sealed class MailQueue(ExchangeDbContext db, TimeProvider clock)
{
    public void Add(Guid spaceId, IEnumerable<(Guid TenantId, Guid UserId)> recipients, MailKind kind, Guid subjectId)
    {
        var now = clock.GetUtcNow();
        db.MailItems.AddRange(recipients.Distinct().Select(r => new MailItem { TenantId = r.TenantId, UserId = r.UserId, SpaceId = spaceId, Kind = kind, SubjectId = subjectId, CreatedAt = now }));
    }

    /// <summary>The delegates of the space among <paramref name="userIds"/>, with the tenant each is a delegate of.</summary>
    public async Task<List<(Guid TenantId, Guid UserId)>> DelegatesAsync(Guid spaceId, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        userIds.Count == 0 ? [] : [.. (await db.Delegates.AsNoTracking().Where(d => d.SpaceId == spaceId && userIds.Contains(d.UserId))
            .Select(d => new { d.TenantId, d.UserId }).ToListAsync(cancellationToken)).Select(d => (d.TenantId, d.UserId))];

    /// <summary>Every delegate a tenant sent to the space.</summary>
    public async Task<List<(Guid TenantId, Guid UserId)>> DelegatesOfAsync(Guid spaceId, Guid tenantId, CancellationToken cancellationToken) =>
        [.. (await db.Delegates.AsNoTracking().Where(d => d.SpaceId == spaceId && d.TenantId == tenantId).Select(d => d.UserId).ToListAsync(cancellationToken)).Select(u => (tenantId, u))];
}
