using NucleusCloud.Modules.SharedKernel;

namespace NucleusCloud.Modules.Partners.Contracts;

public enum PartnerKind
{
    ItVendor,
    Consultancy,
    TrainingProvider,
    Academia,
    Donor,
    Multilateral,
}

public enum AgreementStatus
{
    Draft,
    Active,
    Ended,
    Terminated,
}

public sealed record PartnerContactDto(string Name, string? Role, string? Email, string? Phone);

public sealed record PartnerDetails(
    Guid Id,
    string Name,
    PartnerKind Kind,
    string Summary,
    string? WebsiteUrl,
    string? Country,
    IReadOnlyList<SolutionOffering> Offerings,
    IReadOnlyList<string> Regions,
    IReadOnlyList<PartnerContactDto> Contacts,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version);

public sealed record PartnerListItem(Guid Id, string Name, PartnerKind Kind, string? Country, IReadOnlyList<SolutionOffering> Offerings, IReadOnlyList<string> Regions);

public sealed record AgreementDocumentDto(string Title, string Url);

public sealed record AgreementDetails(
    Guid Id,
    Guid PartnerId,
    string Title,
    string OurResponsibilities,
    string PartnerResponsibilities,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    AgreementStatus Status,
    IReadOnlyList<AgreementDocumentDto> Documents,
    int Version);

public sealed record SurveyDetails(Guid Id, Guid PartnerId, string Period, decimal Score, int Respondents, string? Comments, DateTimeOffset RecordedAt);
