using System.Security.Claims;
using NucleusCloud.Modules.Abstractions.Http;

namespace NucleusCloud.Modules.Exchange.Contracts;

public sealed record SessionDraft(string? Title, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, IReadOnlyList<string>? Speakers);

/// <summary>A meeting as the page and the API send it; times are instants (with their offset), shown in <see cref="TimeZone"/>.</summary>
public sealed record MeetingDraft(string? Title, string? Description, string? Location, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? TimeZone, IReadOnlyList<SessionDraft>? Sessions);

public sealed record SessionDto(string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<string> Speakers);

public sealed record RsvpCounts(int Yes, int Maybe, int No);

public sealed record MeetingDto(
    Guid Id,
    string Title,
    string Description,
    string Location,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZone,
    string OrganiserTenant,
    IReadOnlyList<SessionDto> Sessions,
    RsvpCounts Rsvps,
    RsvpAnswer? MyAnswer,
    DateTimeOffset? CancelledAt = null,
    int Version = 1,
    bool MayChange = false);

/// <summary>A space's agenda: meetings with sessions and speakers, answers, and iCalendar feeds.</summary>
public interface IMeetings
{
    /// <summary>Meetings that have not ended (or every one, with <paramref name="past"/>), soonest first.</summary>
    Task<Outcome<PagedResult<MeetingDto>>> AgendaAsync(ClaimsPrincipal caller, Guid spaceId, bool past, PageQuery page, CancellationToken cancellationToken = default);

    Task<Outcome<MeetingDto>> GetAsync(ClaimsPrincipal caller, Guid spaceId, Guid meetingId, CancellationToken cancellationToken = default);

    Task<Outcome<MeetingDto>> ScheduleAsync(ClaimsPrincipal caller, Guid spaceId, MeetingDraft draft, CancellationToken cancellationToken = default);

    Task<Outcome<MeetingDto>> AnswerAsync(ClaimsPrincipal caller, Guid spaceId, Guid meetingId, RsvpAnswer? answer, CancellationToken cancellationToken = default);

    /// <summary>
    /// The organising tenant's or the host's owners and administrators edit or move a meeting (<paramref name="version"/>: the one
    /// they read); delegates are told live and the calendar feeds carry the next <c>SEQUENCE</c>.
    /// </summary>
    Task<Outcome<MeetingDto>> ChangeAsync(ClaimsPrincipal caller, Guid spaceId, Guid meetingId, MeetingDraft draft, int? version, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="ChangeAsync"/>, cancelling: it leaves the agenda, and the calendar feeds say <c>STATUS:CANCELLED</c>.</summary>
    Task<Outcome<MeetingDto>> CancelAsync(ClaimsPrincipal caller, Guid spaceId, Guid meetingId, CancellationToken cancellationToken = default);

    /// <summary>The space's agenda (or one meeting) as an iCalendar feed.</summary>
    Task<Outcome<string>> CalendarAsync(ClaimsPrincipal caller, Guid spaceId, Guid? meetingId, CancellationToken cancellationToken = default);
}
