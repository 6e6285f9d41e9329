namespace NucleusCloud.Modules.Crm.Contracts;

/// <summary>An organisation as a member writes it (create and full update); <see cref="Version"/> guards an update.</summary>
public sealed record OrganisationRequest(string? Name, OrganisationKind? Kind, string? Country, string? WebsiteUrl = null, string? Notes = null, int? Version = null);

/// <summary>An opportunity as a member writes it; the stage moves only through <see cref="StageMove"/>.</summary>
public sealed record OpportunityRequest(
    string? Title,
    Guid? OrganisationId,
    decimal? Amount,
    string? Currency,
    int? Probability = null,
    string? FundingSource = null,
    DateOnly? ExpectedCloseOn = null,
    int? Version = null);

/// <summary>A move along the pipeline; a lost reason is required to lose.</summary>
public sealed record StageMove(OpportunityStage? Stage, string? LostReason = null, int? Version = null);
