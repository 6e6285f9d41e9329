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
