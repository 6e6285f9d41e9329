namespace NucleusCloud.Modules.Partners.Contracts;

/// <summary>A partner's editable fields (its profile), as the register's page and the portal's page send them.</summary>
public sealed record PartnerProfileEdit(
    string? Summary,
    string? WebsiteUrl,
    IReadOnlyList<SharedKernel.SolutionOffering>? Offerings,
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

/// <summary>
/// The register's writes, for the pages and the REST API alike: each checks the caller's right
/// (partners.write; a partner's guest only its own profile) and validates before it saves.
/// </summary>
public interface IPartnerRegister
{
    Task<Outcome<PartnerDetails>> CreateAsync(string? name, PartnerKind? kind, string? country, CancellationToken cancellationToken = default);

    /// <summary>Saves a partner's profile; <paramref name="partnerId"/> comes from the page's route for members and from the membership for a partner's guest.</summary>
    Task<Outcome<PartnerDetails>> SaveProfileAsync(Guid partnerId, PartnerProfileEdit edit, CancellationToken cancellationToken = default);

    /// <summary>Removes a partner with its agreements and surveys; its guests' memberships and open invitations end first.</summary>
    Task<Outcome<bool>> DeleteAsync(Guid partnerId, CancellationToken cancellationToken = default);

    /// <summary>Invites a person of the partner as a guest of the tenant, confined to this partner's record.</summary>
    Task<Outcome<bool>> InviteGuestAsync(Guid partnerId, string? email, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AgreementDetails>> AgreementsAsync(Guid partnerId, CancellationToken cancellationToken = default);

    Task<Outcome<AgreementDetails>> AddAgreementAsync(Guid partnerId, AgreementEdit edit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SurveyDetails>> SurveysAsync(Guid partnerId, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces the period's result; <see cref="RecordedSurvey.Created"/> tells which.</summary>
    Task<Outcome<RecordedSurvey>> RecordSurveyAsync(Guid partnerId, string period, decimal? score, int? respondents, string? comments, CancellationToken cancellationToken = default);
}

public sealed record RecordedSurvey(SurveyDetails Survey, bool Created);
