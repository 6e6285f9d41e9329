using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Modules.SharedKernel;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Catalogue.Search;

/// <summary>
/// Full-text search ranked by relevance, facet filters and facet counts. The index finds the
/// matching ids; the facets are counted over the tenant's matching rows (a tenant holds thousands of
/// solutions, not millions), each facet ignoring its own filter so a person can widen a choice.
/// </summary>
internal sealed class SolutionSearch(CatalogueDbContext db, IFullTextIndex index, ITenantContext tenant)
{
    public const string BuildingBlockFacet = "buildingBlock";
    public const string SectorFacet = "sector";
    public const string SdgFacet = "sdg";
    public const string MaturityFacet = "maturity";
    public const string OfferingFacet = "offering";
    public const string CountryFacet = "country";
    public const string LicenceFacet = "licence";

    public async Task<SolutionSearchResult> SearchAsync(SolutionSearchQuery query, bool publishedOnly, CancellationToken cancellationToken)
    {
        var terms = SearchTerms.From(query.Q);
        Dictionary<Guid, double>? ranks = null;
        if (terms.Count > 0)
        {
            var hits = await index.MatchAsync(db, tenant.RequiredTenant.Id, terms, cancellationToken);
            ranks = hits.ToDictionary(h => h.Id, h => h.Rank);
        }

        var solutions = db.Solutions.AsNoTracking();
        if (publishedOnly)
        {
            solutions = solutions.Where(s => s.Status == SolutionStatus.Published);
        }

        if (query.Status is { } status)
        {
            solutions = solutions.Where(s => s.Status == status);
        }

        var rows = ranks is null
            ? await Facets(solutions).ToListAsync(cancellationToken)
            : ranks.Count == 0 ? [] : await Facets(solutions.Where(s => ranks.Keys.Contains(s.Id))).ToListAsync(cancellationToken);

        var filters = new FacetFilters(query);
        var matching = rows.Where(filters.Matches).ToList();
        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>
        {
            [BuildingBlockFacet] = Count(rows, filters, BuildingBlockFacet, r => r.BuildingBlocks),
            [SectorFacet] = Count(rows, filters, SectorFacet, r => r.Sectors),
            [SdgFacet] = Count(rows, filters, SdgFacet, r => r.Sdgs.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            [MaturityFacet] = Count(rows, filters, MaturityFacet, r => r.Maturity is { } m ? [m.ToString()] : []),
            [OfferingFacet] = Count(rows, filters, OfferingFacet, r => r.Offerings.Select(o => o.ToString())),
            [CountryFacet] = Count(rows, filters, CountryFacet, r => r.DeploymentCountries.Concat(r.DevelopmentCountries)),
            [LicenceFacet] = Count(rows, filters, LicenceFacet, r => r.Licence is { } l ? [l] : []),
        };

        var ordered = (query.Sort ?? (ranks is null ? "name" : "relevance")) switch
        {
            "relevance" when ranks is not null => matching.OrderByDescending(r => ranks[r.Id]).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase),
            "-name" => matching.OrderByDescending(r => r.Name, StringComparer.OrdinalIgnoreCase),
            "updated" => matching.OrderBy(r => r.UpdatedAt),
            "-updated" => matching.OrderByDescending(r => r.UpdatedAt),
            _ => matching.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase),
        };
        var pageIds = ordered.ThenBy(r => r.Id).Skip(query.Skip).Take(query.Size).Select(r => r.Id).ToList();
        var items = await db.Solutions.AsNoTracking().Where(s => pageIds.Contains(s.Id))
            .Select(s => new SolutionListItem(s.Id, s.Slug, s.Name, s.Summary, s.Status, s.Maturity, s.BuildingBlocks, s.Sdgs, s.UpdatedAt))
            .ToListAsync(cancellationToken);
        var byId = items.ToDictionary(i => i.Id);
        return new SolutionSearchResult([.. pageIds.Select(id => byId[id])], matching.Count, query.PageNumber, query.Size, facets);
    }

    private static IQueryable<FacetRow> Facets(IQueryable<Solutions.Solution> solutions) => solutions.Select(s => new FacetRow(
        s.Id, s.Name, s.UpdatedAt, s.Maturity, s.Licence, s.BuildingBlocks, s.Sectors, s.Sdgs, s.Offerings, s.DeploymentCountries, s.DevelopmentCountries));

    private static List<FacetCount> Count(List<FacetRow> rows, FacetFilters filters, string facet, Func<FacetRow, IEnumerable<string>> values) =>
        [.. rows.Where(r => filters.Matches(r, except: facet))
            .SelectMany(r => values(r).Distinct())
            .GroupBy(v => v, StringComparer.Ordinal)
            .Select(g => new FacetCount(g.Key, g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)];

    internal sealed record FacetRow(
        Guid Id, string Name, DateTimeOffset UpdatedAt, SolutionMaturity? Maturity, string? Licence,
        List<string> BuildingBlocks, List<string> Sectors, List<int> Sdgs, List<SolutionOffering> Offerings,
        List<string> DeploymentCountries, List<string> DevelopmentCountries);

    /// <summary>Within a facet the chosen values are alternatives; across facets they all apply.</summary>
    private sealed class FacetFilters(SolutionSearchQuery query)
    {
        public bool Matches(FacetRow row) => Matches(row, except: null);

        public bool Matches(FacetRow row, string? except) =>
            Allows(BuildingBlockFacet, except, query.BuildingBlock, v => row.BuildingBlocks.Contains(v))
            && Allows(SectorFacet, except, query.Sector, v => row.Sectors.Contains(v))
            && Allows(SdgFacet, except, query.Sdg, v => row.Sdgs.Contains(v))
            && Allows(MaturityFacet, except, query.Maturity, v => row.Maturity == v)
            && Allows(OfferingFacet, except, query.Offering, v => row.Offerings.Contains(v))
            && Allows(CountryFacet, except, query.Country, v => row.DeploymentCountries.Contains(v) || row.DevelopmentCountries.Contains(v))
            && Allows(LicenceFacet, except, query.Licence, v => string.Equals(row.Licence, v, StringComparison.OrdinalIgnoreCase));

        private static bool Allows<T>(string facet, string? except, T[]? chosen, Func<T, bool> has) =>
            facet == except || chosen is not { Length: > 0 } || chosen.Any(has);
    }
}
