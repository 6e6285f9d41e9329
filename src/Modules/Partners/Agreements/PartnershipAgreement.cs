using NucleusCloud.Modules.Partners.Contracts;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Partners.Agreements;

/// <summary>What the nucleus and a partner each undertake, for a period.</summary>
internal sealed class PartnershipAgreement : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartnerId { get; init; }

    public string Title { get; set; } = "";

    public string OurResponsibilities { get; set; } = "";

    public string PartnerResponsibilities { get; set; } = "";

    public DateOnly StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public AgreementStatus Status { get; set; }

    public List<AgreementDocument> Documents { get; set; } = [];

    public int Version { get; set; } = 1;

    public AgreementDetails ToDetails() => new(
        Id, PartnerId, Title, OurResponsibilities, PartnerResponsibilities, StartsOn, EndsOn, Status,
        [.. Documents.Select(d => new AgreementDocumentDto(d.Title, d.Url))], Version);
}

internal sealed class AgreementDocument
{
    public string Title { get; set; } = "";

    public string Url { get; set; } = "";
}
