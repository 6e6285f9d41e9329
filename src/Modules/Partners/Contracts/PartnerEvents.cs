using NucleusCloud.Modules.Abstractions.Messaging;

namespace NucleusCloud.Modules.Partners.Contracts;

/// <summary>A partner's record was deleted: its guests lose their access, solutions stop naming it as a provider.</summary>
[IntegrationEvent(Name)]
public sealed record PartnerRemoved(Guid TenantId, Guid PartnerId) : IIntegrationEvent
{
    public const string Name = "partners.partner-removed";
}

/// <summary>
/// A satisfaction result as it now stands (recorded, re-recorded or deleted, also with its partner), for the
/// strategy's "partner satisfaction"; <see cref="Version"/> orders the states of one result.
/// </summary>
[IntegrationEvent(Name)]
public sealed record PartnerSurveyChanged(Guid TenantId, Guid SurveyId, Guid PartnerId, int Version, string Period, decimal Score, int Respondents, bool Deleted) : IIntegrationEvent
{
    public const string Name = "partners.survey-changed";
}
