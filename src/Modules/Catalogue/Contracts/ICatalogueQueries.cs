using NucleusCloud.Modules.SharedKernel;
namespace NucleusCloud.Modules.Catalogue.Contracts;

/// <summary>What other modules and the web shell may read from the current tenant's catalogue.</summary>
public interface ICatalogueQueries
{
    /// <summary>Published solutions only (the public showcase), with facet counts.</summary>
    Task<SolutionSearchResult> SearchPublishedAsync(CatalogueSearch search, CancellationToken cancellationToken = default);

    /// <summary>A published solution with its case studies, or null.</summary>
    Task<SolutionDetails?> GetPublishedAsync(string slug, CancellationToken cancellationToken = default);

    /// <summary>Every published solution's words and classification, for match making (at most a few thousand per tenant).</summary>
    Task<IReadOnlyList<SolutionProfile>> PublishedProfilesAsync(CancellationToken cancellationToken = default);
}

/// <summary>What match making weighs: the solution's own words (name apart) and its classification.</summary>
public sealed record SolutionProfile(
    Guid Id,
    string Name,
    string Slug,
    string Text,
    IReadOnlyList<string> BuildingBlocks,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> DeploymentCountries,
    IReadOnlyList<SolutionOffering> Offerings);

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
