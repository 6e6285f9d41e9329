using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Catalogue.CaseStudies;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Modules.Catalogue.Solutions;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Catalogue.Search;

/// <summary>
/// One row per tenant, given a new value by every write to the tenant's solutions in the same transaction: a host's search index
/// of the tenant is current while the stamp it was built at is the stored one (<see cref="SearchIndexes"/>). Writes never make the
/// row (two first writes at once would both try): onboarding does, and so does the first index built of a tenant that has none.
/// </summary>
[NotAudited] // bookkeeping: it changes with every audited write of a solution, and may be made by a search
internal sealed class SearchStamp : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Value { get; set; }
}

/// <summary>Stamps every save that touches solutions or case studies, and drops this host's index of the tenant, before it is saved and once it is committed.</summary>
internal sealed class SearchStamping(SearchIndexes indexes) : CommittedChangesInterceptor<CatalogueDbContext, Guid>, IModuleInterceptor<CatalogueDbContext>
{
    protected override IEnumerable<Guid> Touched(CatalogueDbContext context) => context.ChangeTracker.Entries()
        .Where(e => e.Entity is Solution or CaseStudy && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
        .Select(e => ((ITenantOwned)e.Entity).TenantId)
        .Take(1);

    protected override async ValueTask SavingAsync(CatalogueDbContext db, IReadOnlyCollection<Guid> touched, CancellationToken cancellationToken)
    {
        var tenantId = touched.Single();
        // No row: no host has built an index of the tenant yet (building one makes it), so there is nobody to tell.
        if ((db.SearchStamps.Local.FirstOrDefault(s => s.TenantId == tenantId) ?? await db.SearchStamps.FirstOrDefaultAsync(cancellationToken)) is { } stamp)
        {
            stamp.Value = Guid.NewGuid();
        }

        indexes.Invalidate(tenantId);
    }

    // Again once committed: a search between the two may have rebuilt the index from what was there before.
    protected override Task CommittedAsync(IReadOnlyCollection<Guid> touched)
    {
        foreach (var tenantId in touched)
        {
            indexes.Invalidate(tenantId);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Onboarding's "catalogue" step: the tenant's search stamp, from the start.</summary>
internal sealed class SearchStampStep(CatalogueDbContext db) : NucleusCloud.Modules.Abstractions.Provisioning.ITenantProvisioningStep
{
    public string Name => "catalogue";

    public int Order => 15;

    public async Task RunAsync(NucleusCloud.Modules.Abstractions.Provisioning.TenantProvisioning tenant, CancellationToken cancellationToken)
    {
        if (!await db.SearchStamps.AnyAsync(cancellationToken))
        {
            db.SearchStamps.Add(new SearchStamp { TenantId = tenant.TenantId, Value = Guid.NewGuid() });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
