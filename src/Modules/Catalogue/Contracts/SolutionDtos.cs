namespace NucleusCloud.Modules.Catalogue.Contracts;

/// <summary>A solution as it appears in lists.</summary>
public sealed record SolutionListItem(
    Guid Id,
    string Slug,
    string Name,
    string Summary,
    SolutionStatus Status,
    SolutionMaturity? Maturity,
    DateTimeOffset UpdatedAt);

/// <summary>A whole solution.</summary>
public sealed record SolutionDetails(
    Guid Id,
    string Slug,
    string Name,
    string Summary,
    string Description,
    SolutionStatus Status,
    SolutionMaturity? Maturity,
    string? Licence,
    string? WebsiteUrl,
    IReadOnlyList<int> Sdgs,
    IReadOnlyList<string> DevelopmentCountries,
    IReadOnlyList<string> DeploymentCountries,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version);
