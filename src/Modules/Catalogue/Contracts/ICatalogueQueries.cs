namespace NucleusCloud.Modules.Catalogue.Contracts;

/// <summary>What other modules and the web shell may read from the current tenant's catalogue.</summary>
public interface ICatalogueQueries
{
    /// <summary>Published solutions only (the public showcase), with facet counts.</summary>
    Task<SolutionSearchResult> SearchPublishedAsync(CatalogueSearch search, CancellationToken cancellationToken = default);

    /// <summary>A published solution with its case studies, or null.</summary>
    Task<SolutionDetails?> GetPublishedAsync(string slug, CancellationToken cancellationToken = default);
}

/// <summary>A showcase search: text, facet choices (alternatives within a facet), page.</summary>
public sealed record CatalogueSearch(
    string? Q = null,
    IReadOnlyList<string>? BuildingBlocks = null,
    IReadOnlyList<string>? Sectors = null,
    IReadOnlyList<int>? Sdgs = null,
    IReadOnlyList<SolutionMaturity>? Maturities = null,
    IReadOnlyList<SolutionOffering>? Offerings = null,
    IReadOnlyList<string>? Countries = null,
    IReadOnlyList<string>? Licences = null,
    int Page = 1,
    int PageSize = 12);
