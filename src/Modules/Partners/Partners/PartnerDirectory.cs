using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Partners.Contracts;
using NucleusCloud.Modules.Partners.Data;

namespace NucleusCloud.Modules.Partners.Partners;

internal sealed class PartnerDirectory(PartnersDbContext db) : IPartnerDirectory
{
    public async Task<IReadOnlyList<PartnerListItem>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await db.Partners.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken)).Select(p => p.ToListItem())];

    public async Task<PartnerDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken))?.ToDetails();
}
