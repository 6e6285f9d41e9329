using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Plans;
using NucleusCloud.Modules.Catalogue.Data;

namespace NucleusCloud.Modules.Catalogue.Usage;

/// <summary>The catalogue's solutions, drafts and archived ones included: each is kept and searchable by members.</summary>
internal sealed class SolutionCount(CatalogueDbContext db) : IUsageMeter
{
    public Quota Quota => Quota.Solutions;

    public Task<long> MeasureAsync(CancellationToken cancellationToken) => db.Solutions.LongCountAsync(cancellationToken);
}
