using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Modules.SharedKernel;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Catalogue.Search;

/// <summary>
/// Full-text search ranked by relevance, facet filters and facet counts, answered from this host's index of the tenant's
/// catalogue (<see cref="SearchIndexes"/>): the words and stems match (<see cref="SearchWords"/>), relevance is by field
/// (<see cref="SearchFields"/>), and the facets are counted over the matching solutions, each facet ignoring its own filter so a
/// person can widen a choice.
/// </summary>
internal sealed class SolutionSearch(CatalogueDbContext db, SearchIndexes indexes, ITenantContext tenant)
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
        var index = await indexes.GetAsync(db, tenant.RequiredTenant, cancellationToken);
        var terms = SearchWords.Terms(query.Q, index.Language);
        var ranks = terms.Count > 0 ? index.Match(terms) : null;
        var rows = ranks is null ? index.Solutions : [.. ranks.Keys.Select(i => index.Solutions[i])];
        var relevance = ranks?.ToDictionary(r => index.Solutions[r.Key].Id, r => r.Value);
        return Answer(query, publishedOnly, rows, relevance);
    }

    /// <summary>Filters, counts, sorts and pages the solutions a query matched, with their relevance when it had terms.</summary>
    internal static SolutionSearchResult Answer(SolutionSearchQuery query, bool publishedOnly, IEnumerable<IndexedSolution> found, Dictionary<Guid, int>? relevance)
    {
        var rows = found.Where(s => (!publishedOnly || s.Status == SolutionStatus.Published) && (query.Status is not { } status || s.Status == status)).ToList();
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

        var ordered = (query.Sort ?? (relevance is null ? "name" : "relevance")) switch
        {
            "relevance" when relevance is not null => matching.OrderByDescending(r => relevance[r.Id]).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase),
            "-name" => matching.OrderByDescending(r => r.Name, StringComparer.OrdinalIgnoreCase),
            "updated" => matching.OrderBy(r => r.UpdatedAt),
            "-updated" => matching.OrderByDescending(r => r.UpdatedAt),
            _ => matching.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase),
        };
        var page = ordered.ThenBy(r => r.Id).Skip(query.Skip).Take(query.Size).Select(r => r.ToListItem()).ToList();
        return new SolutionSearchResult(page, matching.Count, query.PageNumber, query.Size, facets);
    }

    private static List<FacetCount> Count(List<IndexedSolution> rows, FacetFilters filters, string facet, Func<IndexedSolution, IEnumerable<string>> values) =>
        [.. rows.Where(r => filters.Matches(r, except: facet))
            .SelectMany(r => values(r).Distinct())
            .GroupBy(v => v, StringComparer.Ordinal)
            .Select(g => new FacetCount(g.Key, g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)];

    /// <summary>Within a facet the chosen values are alternatives; across facets they all apply.</summary>
    private sealed class FacetFilters(SolutionSearchQuery query)
    {
        public bool Matches(IndexedSolution row) => Matches(row, except: null);

        public bool Matches(IndexedSolution row, string? except) =>
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
