using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;

namespace NucleusCloud.Modules.Crm.Visits;

/// <summary>
/// The figures a briefing centre publishes, from held visits only: delegations and visitors per year (by first day),
/// the share of delegations from the public sector (governments, ministries, agencies), and the same by country and sector.
/// </summary>
internal sealed class VisitFigures(CrmDbContext db)
{
    private static readonly OrganisationKind[] PublicSector = [OrganisationKind.ForeignGovernment, OrganisationKind.Ministry, OrganisationKind.Agency];

    public async Task<VisitStatistics> ComputeAsync(int? fromYear, int? toYear, CancellationToken cancellationToken)
    {
        var held = db.Visits.AsNoTracking().Where(v => v.Status == VisitStatus.Held);
        if (fromYear is { } from)
        {
            held = held.Where(v => v.StartsOn >= new DateOnly(from, 1, 1));
        }

        if (toYear is { } to)
        {
            held = held.Where(v => v.StartsOn <= new DateOnly(to, 12, 31));
        }

        // A tenant holds hundreds of visits a year at most: grouped here rather than in three provider-specific queries.
        var rows = await held.Join(db.Organisations.AsNoTracking(), v => v.OrganisationId, o => o.Id, (v, o) => new { v.StartsOn, v.Country, v.Sector, v.Headcount, o.Kind })
            .ToListAsync(cancellationToken);
        var years = rows.GroupBy(r => r.StartsOn.Year).OrderBy(g => g.Key).Select(g =>
        {
            var delegations = g.Count();
            var publicSector = g.Count(r => PublicSector.Contains(r.Kind));
            return new VisitYearFigures(g.Key, delegations, g.Sum(r => r.Headcount), publicSector, Math.Round((decimal)publicSector / delegations, 4));
        });
        return new VisitStatistics(
            [.. years],
            [.. Grouped(rows.Select(r => (r.Country, r.Headcount)))],
            [.. Grouped(rows.Select(r => (r.Sector ?? "", r.Headcount)))]);
    }

    private static IEnumerable<VisitGroupFigures> Grouped(IEnumerable<(string Key, int Headcount)> rows) =>
        rows.GroupBy(r => r.Key).Select(g => new VisitGroupFigures(g.Key, g.Count(), g.Sum(r => r.Headcount)))
            .OrderByDescending(g => g.Delegations).ThenBy(g => g.Key, StringComparer.Ordinal);
}
