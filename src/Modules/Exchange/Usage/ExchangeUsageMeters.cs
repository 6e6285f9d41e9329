using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Plans;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Exchange.Usage;

/// <summary>Spaces the current tenant hosts (exchange rows are cross-tenant: the tenant is named in the query).</summary>
internal sealed class HostedSpaces(ExchangeDbContext db, ITenantContext tenant) : IUsageMeter
{
    public Quota Quota => Quota.SpacesHosted;

    public Task<long> MeasureAsync(CancellationToken cancellationToken)
    {
        var tenantId = tenant.RequiredTenant.Id;
        return db.Spaces.LongCountAsync(s => s.HostTenantId == tenantId, cancellationToken);
    }
}

/// <summary>Bytes of the documents the current tenant shared in spaces and has not removed.</summary>
internal sealed class SharedDocumentBytes(ExchangeDbContext db, ITenantContext tenant) : IUsageMeter
{
    public Quota Quota => Quota.StorageBytes;

    public async Task<long> MeasureAsync(CancellationToken cancellationToken)
    {
        var tenantId = tenant.RequiredTenant.Id;
        return await db.Documents.Where(d => d.TenantId == tenantId && d.RemovedAt == null).SumAsync(d => (long?)d.Length, cancellationToken) ?? 0;
    }
}
