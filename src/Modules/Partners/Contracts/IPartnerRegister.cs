namespace NucleusCloud.Modules.Partners.Contracts;

/// <summary>Why a change to the register was not made: the field at fault, or the record is gone, or someone else changed it.</summary>
public sealed record PartnerRefusal(PartnerRefusalKind Kind, string Field, string Message);

public enum PartnerRefusalKind
{
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>A partner's editable fields (its profile), as the register's page and the portal's page send them.</summary>
public sealed record PartnerProfileEdit(
    string? Summary,
    string? WebsiteUrl,
    IReadOnlyList<Catalogue.Contracts.SolutionOffering>? Offerings,
    IReadOnlyList<string>? Regions,
    IReadOnlyList<PartnerContactDto>? Contacts,
    int? Version);

/// <summary>A partnership agreement as the register's page and API write it.</summary>
public sealed record AgreementEdit(
    string? Title,
    string? OurResponsibilities,
    string? PartnerResponsibilities,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    AgreementStatus? Status,
    IReadOnlyList<AgreementDocumentDto>? Documents,
    int? Version);

/// <summary>The register as its pages change it; the REST API goes through the same rules.</summary>
public interface IPartnerRegister
{
    Task<(PartnerDetails? Partner, PartnerRefusal? Refusal)> CreateAsync(string? name, PartnerKind? kind, string? country, CancellationToken cancellationToken = default);

    /// <summary>Saves a partner's profile; <paramref name="partnerId"/> comes from the page's route for members and from the membership for a partner's guest.</summary>
    Task<(PartnerDetails? Partner, PartnerRefusal? Refusal)> SaveProfileAsync(Guid partnerId, PartnerProfileEdit edit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AgreementDetails>> AgreementsAsync(Guid partnerId, CancellationToken cancellationToken = default);

    Task<(AgreementDetails? Agreement, PartnerRefusal? Refusal)> AddAgreementAsync(Guid partnerId, AgreementEdit edit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SurveyDetails>> SurveysAsync(Guid partnerId, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces the period's result; <c>Created</c> tells which.</summary>
    Task<(SurveyDetails? Survey, bool Created, PartnerRefusal? Refusal)> RecordSurveyAsync(Guid partnerId, string period, decimal? score, int? respondents, string? comments, CancellationToken cancellationToken = default);
}
