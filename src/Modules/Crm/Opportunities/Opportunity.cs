using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Crm.Opportunities;

/// <summary>A chance to export a solution to an organisation abroad, followed through the pipeline.</summary>
internal sealed class Opportunity : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Title { get; set; }

    public Guid OrganisationId { get; set; }

    public decimal? Amount { get; set; }

    /// <summary>ISO 4217, e.g. <c>EUR</c>.</summary>
    public required string Currency { get; set; }

    /// <summary>Percent, 0–100.</summary>
    public int? Probability { get; set; }

    /// <summary>Who pays: the government itself, a development bank, a donor programme…</summary>
    public string? FundingSource { get; set; }

    public OpportunityStage Stage { get; set; } = OpportunityStage.Identified;

    public string? LostReason { get; set; }

    public DateOnly? ExpectedCloseOn { get; set; }

    /// <summary>When it was won or lost; null while open.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; } = 1;

    public bool IsClosed => Stage is OpportunityStage.Won or OpportunityStage.Lost;

    public OpportunityDetails ToDetails(string organisationName) => new(Id, Title, OrganisationId, organisationName, Amount, Currency, Probability, FundingSource,
        Stage, LostReason, ExpectedCloseOn, ClosedAt, CreatedAt, UpdatedAt, Version);

    public OpportunityChanged ToEvent(bool deleted = false) => new(TenantId, Id, Version, Stage, Amount, Currency, ClosedAt, deleted);
}
