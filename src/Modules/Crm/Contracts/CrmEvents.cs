using NucleusCloud.Modules.Abstractions.Messaging;

namespace NucleusCloud.Modules.Crm.Contracts;

/// <summary>
/// An opportunity as it now stands (created, edited, moved or deleted), so a reader keeps its own figures
/// from the latest state; <see cref="Version"/> lets it ignore a state older than one it already has.
/// </summary>
[IntegrationEvent(Name)]
public sealed record OpportunityChanged(Guid TenantId, Guid OpportunityId, int Version, OpportunityStage Stage, decimal? Amount, string Currency, DateTimeOffset? ClosedAt, bool Deleted) : IIntegrationEvent
{
    public const string Name = "crm.opportunity-changed";
}

/// <summary>An enquiry as it now stands: received (by the showcase, by hand, from an e-mail), answered, or deleted.</summary>
[IntegrationEvent(Name)]
public sealed record EnquiryChanged(Guid TenantId, Guid EnquiryId, int Version, DateTimeOffset ReceivedAt, DateTimeOffset? AnsweredAt, bool Deleted) : IIntegrationEvent
{
    public const string Name = "crm.enquiry-changed";
}

/// <summary>A touch point as it now stands (recorded or deleted), for the strategy's touch-point and media figures.</summary>
[IntegrationEvent(Name)]
public sealed record InteractionChanged(Guid TenantId, Guid InteractionId, InteractionKind Kind, DateOnly OccurredOn, bool Deleted) : IIntegrationEvent
{
    public const string Name = "crm.interaction-changed";
}

/// <summary>A delegation visit as it now stands, for the strategy's "delegation visits" and "visitors" (held visits only).</summary>
[IntegrationEvent(Name)]
public sealed record VisitChanged(Guid TenantId, Guid VisitId, int Version, VisitStatus Status, DateOnly StartsOn, int Headcount, bool Deleted) : IIntegrationEvent
{
    public const string Name = "crm.visit-changed";
}
