using System.Security.Claims;

namespace NucleusCloud.Modules.Exchange.Contracts;

/// <summary>A forum edition as its host writes it ("DGX 2026"). The slug names its public page.</summary>
public sealed record EditionDraft(string? Name, string? Slug, string? Summary, DateOnly? StartsOn, DateOnly? EndsOn, bool? PublicPage);

public enum EditionInvitationStatus
{
    /// <summary>A tenant on the platform, invited to every space of the edition.</summary>
    Invited,

    /// <summary>A government not on the platform yet: waiting for a platform administrator to onboard it.</summary>
    AwaitingApproval,

    /// <summary>Approved: its onboarding runs, and the new tenant is invited to the edition's spaces.</summary>
    Onboarding,

    Declined,
}

/// <summary>Who the host invites: tenants on the platform by slug, and governments not on it by an official's e-mail.</summary>
public sealed record EditionInvitationRequest(IReadOnlyList<string>? Tenants, IReadOnlyList<GovernmentInvitee>? Governments);

public sealed record GovernmentInvitee(string? Email, string? Organisation, string? CountryCode);

public sealed record EditionInvitationDto(
    Guid Id,
    Guid EditionId,
    string EditionName,
    string HostName,
    Guid? TenantId,
    string Organisation,
    string? Email,
    string? CountryCode,
    EditionInvitationStatus Status,
    DateTimeOffset CreatedAt,
    Guid? OnboardingId);

public sealed record EditionSpaceDto(Guid Id, string Name, bool Archived);

public sealed record EditionDto(
    Guid Id,
    Guid HostTenantId,
    string HostName,
    string Name,
    string Slug,
    string Summary,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    bool PublicPage,
    bool IsHost,
    bool NamedInReport,
    IReadOnlyList<EditionSpaceDto> Spaces,
    IReadOnlyList<EditionInvitationDto> Invitations,
    int Version);

/// <summary>One participant's activity in an edition; <see cref="Name"/> is null for those who asked not to be named, counted together.</summary>
public sealed record ParticipantActivity(
    string? Name,
    int Participants,
    int Delegates,
    int Posts,
    int RequestsAsked,
    int RequestsAnswered,
    int SnapshotsShared,
    int MeetingsAttended,
    int AgreementsSigned);

public sealed record MeetingAttendance(string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, string Organiser, int Attending);

/// <summary>
/// What an edition achieved, for its host and its sponsors: counts only, never another tenant's content; a participant that opted out of being named
/// is counted in one unnamed row.
/// </summary>
public sealed record OutcomeReport(
    Guid EditionId,
    string EditionName,
    string HostName,
    DateTimeOffset PreparedAt,
    int Countries,
    int Delegates,
    int Posts,
    int RequestsAsked,
    int RequestsAnswered,
    int SnapshotsShared,
    int MeetingsHeld,
    int Attendance,
    int AgreementsSigned,
    IReadOnlyList<ParticipantActivity> Participants,
    IReadOnlyList<MeetingAttendance> Meetings);

/// <summary>An edition's public page, when its host switched it on: programme, participating countries that agreed to be named, and published outcomes.</summary>
public sealed record PublicEdition(
    string Name,
    string HostName,
    string Summary,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    IReadOnlyList<MeetingAttendance> Programme,
    IReadOnlyList<string> Countries,
    int CountriesTakingPart,
    int RequestsAnswered,
    int MeetingsHeld,
    int AgreementsSigned);

/// <summary>
/// Forum editions: a host's programme grouping its spaces, meetings and participants, with invitations, a public page and an outcome report.
/// The tenant acting is the request's; every call checks the caller's standing itself (the host's owners and administrators govern).
/// </summary>
public interface IForumEditions
{
    /// <summary>The editions the tenant hosts or takes part in (through one of their spaces).</summary>
    Task<Outcome<IReadOnlyList<EditionDto>>> ListAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default);

    Task<Outcome<EditionDto>> GetAsync(ClaimsPrincipal caller, Guid editionId, CancellationToken cancellationToken = default);

    Task<Outcome<EditionDto>> CreateAsync(ClaimsPrincipal caller, EditionDraft draft, CancellationToken cancellationToken = default);

    Task<Outcome<EditionDto>> EditAsync(ClaimsPrincipal caller, Guid editionId, EditionDraft draft, int? version, CancellationToken cancellationToken = default);

    /// <summary>The host puts one of its own spaces into the edition (a space belongs to one edition at most), or takes it out.</summary>
    Task<Outcome<EditionDto>> SetSpaceAsync(ClaimsPrincipal caller, Guid editionId, Guid spaceId, bool included, CancellationToken cancellationToken = default);

    /// <summary>Invites tenants to every space of the edition, and queues governments not on the platform for a platform administrator's approval.</summary>
    Task<Outcome<EditionDto>> InviteAsync(ClaimsPrincipal caller, Guid editionId, EditionInvitationRequest request, CancellationToken cancellationToken = default);

    /// <summary>A participant decides whether the outcome report and public page name it (they do unless it opts out).</summary>
    Task<Outcome<EditionDto>> SetNamedAsync(ClaimsPrincipal caller, Guid editionId, bool named, CancellationToken cancellationToken = default);

    /// <summary>
    /// The host deletes the edition, confirmed by its name: its invitations and naming choices go, its spaces stay (in no edition), a government
    /// whose onboarding was approved keeps its tenant.
    /// </summary>
    Task<Outcome<bool>> DeleteAsync(ClaimsPrincipal caller, Guid editionId, string? confirm, CancellationToken cancellationToken = default);

    /// <summary>The outcome report, for the host's owners and administrators.</summary>
    Task<Outcome<OutcomeReport>> ReportAsync(ClaimsPrincipal caller, Guid editionId, CancellationToken cancellationToken = default);

    /// <summary>The public page of one of the request's tenant's editions; not found unless the host switched it on.</summary>
    Task<PublicEdition?> PublicAsync(string slug, CancellationToken cancellationToken = default);
}

/// <summary>Governments invited to an edition that are not on the platform: the platform administrators' queue. Each call checks the caller is one.</summary>
public interface IGovernmentInvitations
{
    Task<Outcome<IReadOnlyList<EditionInvitationDto>>> PendingAsync(CancellationToken cancellationToken = default);

    /// <summary>Onboards the government through the platform's onboarding (its official becomes the first administrator) and invites the new tenant to the edition's spaces.</summary>
    Task<Outcome<EditionInvitationDto>> ApproveAsync(Guid invitationId, GovernmentApproval approval, CancellationToken cancellationToken = default);

    Task<Outcome<EditionInvitationDto>> DeclineAsync(Guid invitationId, CancellationToken cancellationToken = default);
}

/// <summary>What the platform administrator settles when approving: the new tenant's slug and name (the rest from the invitation and defaults).</summary>
public sealed record GovernmentApproval(string? Slug, string? Name, string? Plan, string? DefaultLanguage, string? TimeZone);
