using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Solutions;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Catalogue.Proposals;

/// <summary>
/// A change to a solution proposed by one of its providers through the partner portal. Nothing
/// reaches the solution until a member with the catalogue's write right accepts it; fields left
/// null are not part of the proposal.
/// </summary>
internal sealed class SolutionProposal : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid SolutionId { get; init; }

    public Guid PartnerId { get; init; }

    /// <summary>The audit actor who proposed it.</summary>
    public required string ProposedBy { get; init; }

    public DateTimeOffset ProposedAt { get; init; }

    /// <summary>The solution's version the proposal was written against.</summary>
    public int BaseVersion { get; init; }

    public string? Name { get; init; }

    public string? Summary { get; init; }

    public string? Description { get; init; }

    public string? WebsiteUrl { get; init; }

    public List<string>? Standards { get; init; }

    public List<string>? DeploymentCountries { get; init; }

    public string? Message { get; init; }

    public ProposalStatus Status { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewNote { get; set; }

    public ProposalDto ToDto() => new(
        Id, SolutionId, PartnerId, ProposedAt, BaseVersion, Name, Summary, Description, WebsiteUrl, Standards, DeploymentCountries,
        Message, Status, ReviewedAt, ReviewNote);

    /// <summary>The solution with this proposal applied, as an update request (lists and fields not proposed keep their value).</summary>
    public SolutionRequest AppliedTo(Solution solution) => new(
        Name ?? solution.Name, null, Summary ?? solution.Summary, Description ?? solution.Description, null, solution.Maturity,
        solution.Licence, solution.OpenSource, WebsiteUrl ?? solution.WebsiteUrl, null, null, null, null, Standards, null, DeploymentCountries,
        null, null, null, null);
}
