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

    /// <summary>A partner's guest proposes a change to a solution its partner provides (the partner is the caller's own): the new proposal, or why not.</summary>
    Task<Outcome<ProposalDto>> ProposeAsync(Guid solutionId, ProposalEdit edit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ProposalDto>> ProposalsOfAsync(Guid partnerId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ProposalDto>> PendingAsync(CancellationToken cancellationToken = default);

    /// <summary>The catalogue's editors accept (applying it to the solution) or reject a pending proposal.</summary>
    Task<Outcome<ProposalDto>> DecideAsync(Guid proposalId, bool accept, string? note, CancellationToken cancellationToken = default);
}
