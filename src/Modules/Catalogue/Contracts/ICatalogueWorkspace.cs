namespace NucleusCloud.Modules.Catalogue.Contracts;

/// <summary>The catalogue as its members work on it (all statuses), for the web pages.</summary>
public interface ICatalogueWorkspace
{
    Task<SolutionSearchResult> SearchAsync(CatalogueSearch search, SolutionStatus? status, CancellationToken cancellationToken = default);

    Task<SolutionDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SolutionChangeDto>> HistoryAsync(Guid id, int limit, CancellationToken cancellationToken = default);

    /// <summary>Moves a solution along the workflow; null when done, otherwise why not.</summary>
    Task<string?> MoveAsync(Guid id, SolutionStatus to, string? note, int version, Func<string, ValueTask<bool>> callerMay, CancellationToken cancellationToken = default);

    /// <summary>The moves the workflow allows from <paramref name="from"/>, and whether each needs the publisher's right.</summary>
    IReadOnlyList<(SolutionStatus To, bool NeedsPublisher)> MovesFrom(SolutionStatus from);
}
