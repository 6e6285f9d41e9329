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

    public async Task<IReadOnlyDictionary<string, decimal>> SatisfactionByPeriodAsync(CancellationToken cancellationToken = default) =>
        // Averaged here rather than in SQL: SQLite has no decimal arithmetic, and a tenant has few surveys.
        (await db.Surveys.AsNoTracking().Select(s => new { s.Period, s.Score }).ToListAsync(cancellationToken))
            .GroupBy(s => s.Period)
            .ToDictionary(g => g.Key, g => Math.Round(g.Average(s => s.Score), 2));
}
