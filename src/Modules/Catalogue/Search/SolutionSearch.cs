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
        var matching = rows.Where(r => filters.Matches(r)).ToList();
        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>(Facets.Length);
        for (var facet = 0; facet < Facets.Length; facet++)
        {
            facets[Facets[facet]] = Count(rows, filters, facet);
        }

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

    /// <summary>The facets counted for every search, in the order of <see cref="IndexedSolution.FacetValues"/>.</summary>
    public static readonly string[] Facets = [BuildingBlockFacet, SectorFacet, SdgFacet, MaturityFacet, OfferingFacet, CountryFacet, LicenceFacet];

    /// <summary>A solution's values of each facet, each once, as the counts name them.</summary>
    internal static string[][] ValuesOf(List<string> buildingBlocks, List<string> sectors, List<int> sdgs, SolutionMaturity? maturity, List<SolutionOffering> offerings,
        List<string> deploymentCountries, List<string> developmentCountries, string? licence) =>
    [
        [.. buildingBlocks.Distinct(StringComparer.Ordinal)],
        [.. sectors.Distinct(StringComparer.Ordinal)],
        [.. sdgs.Distinct().Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        maturity is { } m ? [m.ToString()] : [],
        [.. offerings.Distinct().Select(o => o.ToString())],
        [.. deploymentCountries.Concat(developmentCountries).Distinct(StringComparer.Ordinal)],
        licence is { } l ? [l] : [],
    ];

    /// <summary>How many of the rows that pass every other facet's filter hold each value of the facet (each row once per value).</summary>
    private static List<FacetCount> Count(List<IndexedSolution> rows, FacetFilters filters, int facet)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!filters.Matches(row, except: Facets[facet]))
            {
                continue;
            }

            foreach (var value in row.FacetValues[facet])
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, value, out _)++;
            }
        }

        var counted = new List<FacetCount>(counts.Count);
        foreach (var (value, count) in counts)
        {
            counted.Add(new FacetCount(value, count));
        }

        counted.Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Value, b.Value));
        return counted;
    }

    /// <summary>Within a facet the chosen values are alternatives; across facets they all apply. Written without closures: it runs for every row, eight times a search.</summary>
    private sealed class FacetFilters(SolutionSearchQuery query)
    {
        private readonly bool _any = query.BuildingBlock is { Length: > 0 } || query.Sector is { Length: > 0 } || query.Sdg is { Length: > 0 }
            || query.Maturity is { Length: > 0 } || query.Offering is { Length: > 0 } || query.Country is { Length: > 0 } || query.Licence is { Length: > 0 };

        public bool Matches(IndexedSolution row, string? except = null) =>
            !_any
            || ((except == BuildingBlockFacet || AnyOf(query.BuildingBlock, row.BuildingBlocks))
                && (except == SectorFacet || AnyOf(query.Sector, row.Sectors))
                && (except == SdgFacet || AnyOf(query.Sdg, row.Sdgs))
                && (except == MaturityFacet || query.Maturity is not { Length: > 0 } || (row.Maturity is { } maturity && query.Maturity.Contains(maturity)))
                && (except == OfferingFacet || AnyOf(query.Offering, row.Offerings))
                && (except == CountryFacet || AnyOf(query.Country, row.DeploymentCountries) || (query.Country is { Length: > 0 } && AnyOf(query.Country, row.DevelopmentCountries)))
                && (except == LicenceFacet || query.Licence is not { Length: > 0 } || (row.Licence is { } licence && query.Licence.Contains(licence, StringComparer.OrdinalIgnoreCase))));

        /// <summary>True when nothing is chosen, or the row holds one of the chosen values.</summary>
        private static bool AnyOf<T>(T[]? chosen, List<T> held)
        {
            if (chosen is not { Length: > 0 })
            {
                return true;
            }

            foreach (var value in chosen)
            {
                if (held.Contains(value))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
