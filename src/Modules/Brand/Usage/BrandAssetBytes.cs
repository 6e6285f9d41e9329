using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Plans;
using NucleusCloud.Modules.Brand.Data;

namespace NucleusCloud.Modules.Brand.Usage;

/// <summary>Bytes of every stored version of the tenant's brand assets: earlier versions are kept, so they count.</summary>
internal sealed class BrandAssetBytes(BrandDbContext db) : IUsageMeter
{
    public Quota Quota => Quota.StorageBytes;

    public async Task<long> MeasureAsync(CancellationToken cancellationToken) => await db.Files.SumAsync(f => (long?)f.Length, cancellationToken) ?? 0;
}
