namespace NucleusCloud.Modules.Catalogue.Contracts;

public enum ProposalStatus
{
    Pending,
    Accepted,
    Rejected,
}

/// <summary>A partner's proposed change to a solution, as the portal and the reviewers see it.</summary>
public sealed record ProposalDto(
    Guid Id,
    Guid SolutionId,
    Guid PartnerId,
    DateTimeOffset ProposedAt,
    int BaseVersion,
    string? Name,
    string? Summary,
    string? Description,
    string? WebsiteUrl,
    IReadOnlyList<string>? Standards,
    IReadOnlyList<string>? DeploymentCountries,
    string? Message,
    ProposalStatus Status,
    DateTimeOffset? ReviewedAt,
    string? ReviewNote);

/// <summary>What a provider proposes to change; fields left null are not part of the proposal.</summary>
public sealed record ProposalEdit(
    string? Name,
    string? Summary,
    string? Description,
    string? WebsiteUrl,
    IReadOnlyList<string>? Standards,
    IReadOnlyList<string>? DeploymentCountries,
    string? Message);

/// <summary>
/// The solutions a partner provides and the changes it proposes to them (the partner portal), and
/// the review of those proposals (the catalogue's members). The partner id always comes from the
/// caller's membership, never from input.
/// </summary>
public interface IPartnerSolutions
{
    Task<IReadOnlyList<SolutionListItem>> ProvidedAsync(Guid partnerId, CancellationToken cancellationToken = default);

    /// <summary>The new proposal, or the field at fault and why ("id" when the solution is not one the partner provides).</summary>
    Task<(ProposalDto? Proposal, string? Field, string? Message)> ProposeAsync(Guid partnerId, Guid solutionId, ProposalEdit edit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ProposalDto>> ProposalsOfAsync(Guid partnerId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ProposalDto>> PendingAsync(CancellationToken cancellationToken = default);

    /// <summary>Accepts (applying it to the solution) or rejects a pending proposal: null when done, otherwise why not.</summary>
    Task<string?> DecideAsync(Guid proposalId, bool accept, string? note, Func<string, ValueTask<bool>> callerMay, CancellationToken cancellationToken = default);
}
