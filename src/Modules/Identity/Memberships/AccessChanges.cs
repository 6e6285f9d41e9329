using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Modules.Identity.Security;

namespace NucleusCloud.Modules.Identity.Memberships;

/// <summary>
/// Tells the <see cref="AccessCache"/> about every saved change to a tenant's memberships or sign-in rules, whichever service made
/// it: before it is saved, and again once it is committed.
/// </summary>
internal sealed class AccessChanges(AccessCache cache) : CommittedChangesInterceptor<AccessDbContext, Guid>, IModuleInterceptor<AccessDbContext>
{
    protected override IEnumerable<Guid> Touched(AccessDbContext context) =>
        from entry in context.ChangeTracker.Entries()
        where entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        let tenantId = entry.Entity switch
        {
            Membership membership => membership.TenantId,
            TenantSecurityPolicy policy => policy.TenantId,
            _ => (Guid?)null,
        }
        where tenantId is not null
        select tenantId.Value;

    protected override async ValueTask SavingAsync(AccessDbContext context, IReadOnlyCollection<Guid> touched, CancellationToken cancellationToken) =>
        await CommittedAsync(touched);

    protected override async Task CommittedAsync(IReadOnlyCollection<Guid> touched)
    {
        foreach (var tenantId in touched)
        {
            await cache.ChangedAsync(tenantId);
        }
    }
}
