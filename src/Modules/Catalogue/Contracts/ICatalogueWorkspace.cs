using NucleusCloud.Modules.SharedKernel;
namespace NucleusCloud.Modules.Catalogue.Contracts;

/// <summary>The catalogue as its members work on it (all statuses), for the web pages; each change checks the caller's rights itself.</summary>
public interface ICatalogueWorkspace
{
    Task<SolutionSearchResult> SearchAsync(CatalogueSearch search, SolutionStatus? status, CancellationToken cancellationToken = default);

    Task<SolutionDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SolutionChangeDto>> HistoryAsync(Guid id, int limit, CancellationToken cancellationToken = default);

    /// <summary>Moves a solution along the workflow (null when done); <paramref name="version"/> is the one the caller saw.</summary>
    Task<Refusal?> MoveAsync(Guid id, SolutionStatus to, string? note, int version, CancellationToken cancellationToken = default);

    /// <summary>Creates (<paramref name="id"/> null) or updates a solution from the members' form: its id, or why not (naming the field).</summary>
    Task<Outcome<Guid>> SaveAsync(Guid? id, SolutionEdit edit, CancellationToken cancellationToken = default);

    /// <summary>Adds (<paramref name="caseStudyId"/> null) or changes a case study of a solution: its id, or why not.</summary>
    Task<Outcome<Guid>> SaveCaseStudyAsync(Guid solutionId, Guid? caseStudyId, CaseStudyEdit edit, CancellationToken cancellationToken = default);

    Task<Outcome<bool>> DeleteCaseStudyAsync(Guid solutionId, Guid caseStudyId, CancellationToken cancellationToken = default);

    /// <summary>The moves the workflow allows from <paramref name="from"/>, and whether each needs the publisher's right.</summary>
    IReadOnlyList<(SolutionStatus To, bool NeedsPublisher)> MovesFrom(SolutionStatus from);
}

/// <summary>A solution's fields as the members' form edits them (providers, links and media keep their value).</summary>
public sealed record SolutionEdit(
    string? Name,
    string? Summary,
    string? Description,
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
    int? Version);
