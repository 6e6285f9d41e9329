using NucleusCloud.Modules.Abstractions.Messaging;

namespace NucleusCloud.Modules.Partners.Contracts;

/// <summary>A partner's record was deleted: its guests lose their access, solutions stop naming it as a provider.</summary>
[IntegrationEvent(Name)]
public sealed record PartnerRemoved(Guid TenantId, Guid PartnerId) : IIntegrationEvent
{
    public const string Name = "partners.partner-removed";
}
