namespace NucleusCloud.Modules.Crm.Contracts;

/// <summary>Who a nucleus deals with abroad.</summary>
public enum OrganisationKind
{
    ForeignGovernment,
    Ministry,
    Agency,
    InternationalOrganisation,
    DevelopmentBank,
    Donor,
    Company,
}

public sealed record OrganisationDetails(Guid Id, string Name, OrganisationKind Kind, string Country, string? WebsiteUrl, string Notes, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version);

/// <summary>The pipeline, in order; <see cref="Won"/> and <see cref="Lost"/> close an opportunity.</summary>
public enum OpportunityStage
{
    Identified,
    Qualified,
    Proposal,
    Negotiation,
    Won,
    Lost,
}

public sealed record OpportunityDetails(
    Guid Id,
    string Title,
    Guid OrganisationId,
    string OrganisationName,
    decimal? Amount,
    string Currency,
    int? Probability,
    string? FundingSource,
    OpportunityStage Stage,
    string? LostReason,
    DateOnly? ExpectedCloseOn,
    DateTimeOffset? ClosedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version);

/// <summary>Merges a duplicate into the organisation named by <see cref="Into"/>.</summary>
public sealed record OrganisationMergeRequest(Guid? Into);

/// <summary>The organisation kept, and how many records moved to it from the duplicate that was removed.</summary>
public sealed record OrganisationMerged(OrganisationDetails Kept, int Contacts, int Interactions, int Opportunities, int Enquiries, int Visits, int Tasks);
