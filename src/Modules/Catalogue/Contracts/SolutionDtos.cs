using NucleusCloud.Modules.Abstractions.Jobs;
using NucleusCloud.Modules.SharedKernel;
namespace NucleusCloud.Modules.Catalogue.Contracts;

/// <summary>A solution as it appears in lists and search results.</summary>
public sealed record SolutionListItem(
    Guid Id,
    string Slug,
    string Name,
    string Summary,
    SolutionStatus Status,
    SolutionMaturity? Maturity,
    IReadOnlyList<string> BuildingBlocks,
    IReadOnlyList<int> Sdgs,
    DateTimeOffset UpdatedAt);

/// <summary>A whole solution, with its case studies.</summary>
public sealed record SolutionDetails(
    Guid Id,
    string Slug,
    string Name,
    string Summary,
    string Description,
    SolutionStatus Status,
    SolutionMaturity? Maturity,
    string? Licence,
    bool OpenSource,
    string? WebsiteUrl,
    IReadOnlyList<string> BuildingBlocks,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<int> Sdgs,
    IReadOnlyList<SolutionOffering> Offerings,
    IReadOnlyList<string> Standards,
    IReadOnlyList<string> DevelopmentCountries,
    IReadOnlyList<string> DeploymentCountries,
    IReadOnlyList<Guid> ProviderPartnerIds,
    IReadOnlyList<SolutionLinkDto> Links,
    IReadOnlyList<SolutionMediaDto> Media,
    IReadOnlyList<CaseStudyDetails> CaseStudies,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version);

public sealed record SolutionLinkDto(LinkKind Kind, string Url, string? Title);

public sealed record SolutionMediaDto(MediaKind Kind, string Url, string? Caption);

/// <summary>One use of a solution in one country: the problem, what was done, and what came of it.</summary>
public sealed record CaseStudyDetails(
    Guid Id,
    Guid SolutionId,
    string Title,
    string? Country,
    int? Year,
    string Problem,
    string Approach,
    string Outputs,
    string Outcomes,
    IReadOnlyList<OutcomeFigureDto> Figures,
    DateTimeOffset UpdatedAt,
    int Version);

/// <summary>A measured outcome, e.g. 1,134 working years saved.</summary>
public sealed record OutcomeFigureDto(string Label, decimal Value, string? Unit);

/// <summary>One entry of a solution's history: who changed what, and the status move if any.</summary>
public sealed record SolutionChangeDto(DateTimeOffset At, string Actor, string Action, SolutionStatus? FromStatus, SolutionStatus? ToStatus, IReadOnlyList<string> Fields, string? Note);

/// <summary>A page of search results with the facet counts of the whole result set.</summary>
public sealed record SolutionSearchResult(
    IReadOnlyList<SolutionListItem> Items,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

public sealed record FacetCount(string Value, int Count);

/// <summary>What an import did, record by record: <c>imported</c>, <c>updated</c>, <c>failed</c> or <c>skipped</c>, and why.</summary>
public sealed record ImportReport(int Imported, int Updated, int Failed, IReadOnlyList<ImportedRecord> Records);

public sealed record ImportedRecord(string? Name, string Status, IReadOnlyList<string> Messages);

/// <summary>Imports that run in the background, for the import page and <c>…/imports/dpg/jobs</c>.</summary>
public interface ICatalogueImports
{
    /// <summary>
    /// Starts importing DPG records (one, an array, or a zip) into the current tenant for the caller, who
    /// must be allowed to change the catalogue (and to publish, with <paramref name="publish"/>).
    /// </summary>
    Task<Outcome<JobProgress<ImportReport>>> StartDpgAsync(byte[] content, bool publish, CancellationToken cancellationToken = default);

    /// <summary>The job's progress, only when it belongs to the current tenant.</summary>
    JobProgress<ImportReport>? Find(Guid jobId);
}

/// <summary>A case study as its editors write it (create and full update).</summary>
public sealed record CaseStudyEdit(
    string? Title,
    string? Country,
    int? Year,
    string? Problem,
    string? Approach,
    string? Outputs,
    string? Outcomes,
    IReadOnlyList<OutcomeFigureDto>? Figures,
    int? Version);
