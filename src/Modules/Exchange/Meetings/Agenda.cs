using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Modules.Exchange.Live;
using NucleusCloud.Modules.Exchange.Mail;
using NucleusCloud.Modules.Exchange.Spaces;

namespace NucleusCloud.Modules.Exchange.Meetings;

/// <summary>A space's meetings, their answers and their calendar feeds, for the space's delegates.</summary>
internal sealed class Agenda(ExchangeDbContext db, ActingMember acting, SpaceEventLog log, MailQueue mail, TimeProvider clock) : IMeetings
{
    public async Task<Outcome<PagedResult<MeetingDto>>> AgendaAsync(ClaimsPrincipal caller, Guid spaceId, bool past, PageQuery page, CancellationToken cancellationToken = default)
    {
        var viewer = await acting.ActorStandingAsync(caller, spaceId, SpaceRequirement.TakePart, cancellationToken);
        if (viewer.Refusal is { } refused)
        {
            return refused;
        }

        var (me, s) = viewer.Value;

        var now = clock.GetUtcNow();
        var meetings = db.Meetings.AsNoTracking().Where(m => m.SpaceId == spaceId && m.CancelledAt == null);
        if (!past)
        {
            meetings = meetings.Where(m => m.EndsAt > now);
        }

        var result = await meetings.OrderBy(m => m.StartsAt).ThenBy(m => m.Id).ToPageAsync(page, m => m, cancellationToken);
        var views = await ViewsAsync(result.Items, me, s, cancellationToken);
        return new PagedResult<MeetingDto>(views, result.Total, result.Page, result.PageSize);
    }

    public async Task<Outcome<MeetingDto>> GetAsync(ClaimsPrincipal caller, Guid spaceId, Guid meetingId, CancellationToken cancellationToken = default)
    {
        var found = await MeetingOfAsync(caller, spaceId, meetingId, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (me, standing, meeting) = found.Value;
        return (await ViewsAsync([meeting], me, standing, cancellationToken))[0];
    }

    public async Task<Outcome<MeetingDto>> ScheduleAsync(ClaimsPrincipal caller, Guid spaceId, MeetingDraft draft, CancellationToken cancellationToken = default)
    {
        var viewer = await acting.ActorStandingAsync(caller, spaceId, SpaceRequirement.TakePart, cancellationToken);
        if (viewer.Refusal is { } refused)
        {
            return refused;
        }

        var (me, s) = viewer.Value;

        if (MeetingRules.Check(draft) is { } invalid)
        {
            return invalid;
        }

        var meeting = new Meeting
        {
            SpaceId = spaceId,
            OrganiserTenantId = s.Member!.TenantId,
            OrganiserTenantName = s.Member.TenantName,
            Title = "",
            TimeZone = "",
            CreatedAt = clock.GetUtcNow(),
        };
        Apply(meeting, draft);
        db.Meetings.Add(meeting);
        var dto = (await ViewsAsync([meeting], me, s, cancellationToken))[0];
        await log.CommitAsync(spaceId, [new LiveEvent(LiveEventTypes.MeetingScheduled, dto)], cancellationToken);
        return dto;
    }

    public async Task<Outcome<MeetingDto>> AnswerAsync(ClaimsPrincipal caller, Guid spaceId, Guid meetingId, RsvpAnswer? answer, CancellationToken cancellationToken = default)
    {
        // Who may answer first, then what they answered.
        var found = await MeetingOfAsync(caller, spaceId, meetingId, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        if (answer is not { } given || !Enum.IsDefined(given))
        {
            return Refusal.Invalid("answer", "Answer Yes, Maybe or No.");
        }

        var (me, standing, meeting) = found.Value;
        if (meeting.CancelledAt is not null || meeting.EndsAt <= clock.GetUtcNow())
        {
            return Refusal.Conflict(meeting.CancelledAt is not null ? "The meeting is cancelled." : "The meeting is over.");
        }

        var userId = standing.Delegate!.UserId;
        var rsvp = await db.Rsvps.FirstOrDefaultAsync(r => r.MeetingId == meetingId && r.UserId == userId, cancellationToken);
        if (rsvp is null)
        {
            rsvp = new Rsvp { MeetingId = meetingId, UserId = userId, TenantId = standing.Member!.TenantId, DisplayName = standing.Delegate.DisplayName, TenantName = standing.Member.TenantName };
            db.Rsvps.Add(rsvp);
        }

        rsvp.Answer = given;
        rsvp.AnsweredAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return (await ViewsAsync([meeting], me, standing, cancellationToken))[0];
    }

    public async Task<Outcome<MeetingDto>> ChangeAsync(ClaimsPrincipal caller, Guid spaceId, Guid meetingId, MeetingDraft draft, int? version, CancellationToken cancellationToken = default)
    {
        var found = await ChangeableAsync(caller, spaceId, meetingId, version, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        if (MeetingRules.Check(draft) is { } invalid)
        {
            return invalid;
        }

        var (me, standing, meeting) = found.Value;
        Apply(meeting, draft);
        return await SaveChangeAsync(me, standing, meeting, dto => new LiveEvent(LiveEventTypes.MeetingChanged, dto), cancellationToken);
    }

    public async Task<Outcome<MeetingDto>> CancelAsync(ClaimsPrincipal caller, Guid spaceId, Guid meetingId, CancellationToken cancellationToken = default)
    {
        var found = await ChangeableAsync(caller, spaceId, meetingId, version: null, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (me, standing, meeting) = found.Value;
        meeting.CancelledAt = clock.GetUtcNow();
        return await SaveChangeAsync(me, standing, meeting, dto => new LiveEvent(LiveEventTypes.MeetingCancelled, new { meetingId = dto.Id, title = dto.Title }), cancellationToken);
    }

    /// <summary>The meeting, tracked, when the caller may change it: a manager of its organising tenant or of the host, at the version it read.</summary>
    private async Task<Outcome<(Actor Actor, SpaceStanding Standing, Meeting Meeting)>> ChangeableAsync(ClaimsPrincipal caller, Guid spaceId, Guid meetingId, int? version,
        CancellationToken cancellationToken)
    {
        var viewer = await acting.ActorStandingAsync(caller, spaceId, SpaceRequirement.TakePart, cancellationToken);
        if (viewer.Refusal is { } refused)
        {
            return refused;
        }

        var (me, s) = viewer.Value;

        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId && m.SpaceId == spaceId, cancellationToken);
        if (meeting is null)
        {
            return Refusal.NotFound("Meeting");
        }

        if (!MayChange(me, s, meeting))
        {
            return Refusal.Forbidden("Only the owners and administrators of the organising tenant or of the host change a meeting.");
        }

        if (meeting.CancelledAt is not null)
        {
            return Refusal.Conflict("The meeting is cancelled.");
        }

        return version is { } sent && sent != meeting.Version ? Refusal.Stale("meeting", meeting.Version, sent) : (me, s, meeting);
    }

    /// <summary>Saves a change with its live event; the version guards against a change made meanwhile.</summary>
    private async Task<Outcome<MeetingDto>> SaveChangeAsync(Actor me, SpaceStanding standing, Meeting meeting, Func<MeetingDto, LiveEvent> told, CancellationToken cancellationToken)
    {
        meeting.Version++;
        meeting.UpdatedAt = clock.GetUtcNow();
        // Those who said they would come, or might, hear of it by e-mail if they chose to.
        var attending = await db.Rsvps.AsNoTracking().Where(r => r.MeetingId == meeting.Id && r.Answer != RsvpAnswer.No).Select(r => new { r.TenantId, r.UserId }).ToListAsync(cancellationToken);
        mail.Add(meeting.SpaceId, attending.Select(a => (a.TenantId, a.UserId)), meeting.CancelledAt is null ? MailKind.MeetingChanged : MailKind.MeetingCancelled, meeting.Id);
        var dto = (await ViewsAsync([meeting], me, standing, cancellationToken))[0];
        try
        {
            await log.CommitAsync(meeting.SpaceId, [told(dto)], cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.ChangedMeanwhile("meeting");
        }

        return dto;
    }

    private static bool MayChange(Actor me, SpaceStanding standing, Meeting meeting) =>
        me.MaySpeakForTenant && (standing.IsHost || meeting.OrganiserTenantId == me.Tenant.Id);

    private static void Apply(Meeting meeting, MeetingDraft draft)
    {
        meeting.Title = draft.Title!.Trim();
        meeting.Description = draft.Description?.Trim() ?? "";
        meeting.Location = draft.Location?.Trim() ?? "";
        meeting.StartsAt = draft.StartsAt!.Value.ToUniversalTime();
        meeting.EndsAt = draft.EndsAt!.Value.ToUniversalTime();
        meeting.TimeZone = draft.TimeZone!;
        meeting.Sessions = [.. (draft.Sessions ?? []).OrderBy(x => x.StartsAt).Select(x => new MeetingSession
        {
            Title = x.Title!.Trim(),
            StartsAt = x.StartsAt!.Value.ToUniversalTime(),
            EndsAt = x.EndsAt!.Value.ToUniversalTime(),
            Speakers = [.. (x.Speakers ?? []).Select(sp => sp.Trim()).Where(sp => sp.Length > 0)],
        })];
    }

    public async Task<Outcome<string>> CalendarAsync(ClaimsPrincipal caller, Guid spaceId, Guid? meetingId, CancellationToken cancellationToken = default)
    {
        var standing = await acting.StandingAsync(caller, spaceId, SpaceRequirement.TakePart, cancellationToken);
        if (standing.Value is not { } s)
        {
            return standing.Refusal!;
        }

        var meetings = await db.Meetings.AsNoTracking().Where(m => m.SpaceId == spaceId && (meetingId == null || m.Id == meetingId)).OrderBy(m => m.StartsAt).ToListAsync(cancellationToken);
        if (meetingId is not null && meetings.Count == 0)
        {
            return Refusal.NotFound("Meeting");
        }

        return CalendarFeed.Write(s.Space.Name, meetings);
    }

    private async Task<Outcome<(Actor Actor, SpaceStanding Standing, Meeting Meeting)>> MeetingOfAsync(ClaimsPrincipal caller, Guid spaceId, Guid meetingId, CancellationToken cancellationToken)
    {
        var viewer = await acting.ActorStandingAsync(caller, spaceId, SpaceRequirement.TakePart, cancellationToken);
        if (viewer.Refusal is { } refused)
        {
            return refused;
        }

        var (me, s) = viewer.Value;

        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId && m.SpaceId == spaceId, cancellationToken);
        return meeting is null ? Refusal.NotFound("Meeting") : (me, s, meeting);
    }

    private async Task<List<MeetingDto>> ViewsAsync(IReadOnlyList<Meeting> meetings, Actor me, SpaceStanding standing, CancellationToken cancellationToken)
    {
        var userId = standing.Delegate!.UserId;
        var ids = meetings.Select(m => m.Id).ToList();
        var answers = await db.Rsvps.AsNoTracking().Where(r => ids.Contains(r.MeetingId)).Select(r => new { r.MeetingId, r.UserId, r.Answer }).ToListAsync(cancellationToken);
        return [.. meetings.Select(m =>
        {
            var mine = answers.Where(a => a.MeetingId == m.Id).ToList();
            return new MeetingDto(m.Id, m.Title, m.Description, m.Location, m.StartsAt, m.EndsAt, m.TimeZone, m.OrganiserTenantName,
                [.. m.Sessions.Select(x => new SessionDto(x.Title, x.StartsAt, x.EndsAt, x.Speakers))],
                new RsvpCounts(mine.Count(a => a.Answer == RsvpAnswer.Yes), mine.Count(a => a.Answer == RsvpAnswer.Maybe), mine.Count(a => a.Answer == RsvpAnswer.No)),
                mine.FirstOrDefault(a => a.UserId == userId)?.Answer, m.CancelledAt, m.Version, MayChange(me, standing, m));
        })];
    }
}

/// <summary>The rules a meeting follows, for the API and the page alike.</summary>
internal static class MeetingRules
{
    private static readonly TimeSpan LongestMeeting = TimeSpan.FromDays(14);

    public static Refusal? Check(MeetingDraft draft)
    {
        if (string.IsNullOrWhiteSpace(draft.Title) || draft.Title.Trim().Length is < 3 or > 200)
        {
            return Refusal.Invalid("title", "Give the meeting a title of 3 to 200 characters.");
        }

        if (draft.Description?.Length > 10_000 || draft.Location?.Length > 500)
        {
            return draft.Description?.Length > 10_000
                ? Refusal.Invalid("description", "A description has at most 10,000 characters.")
                : Refusal.Invalid("location", "A location has at most 500 characters.");
        }

        if (draft.StartsAt is not { } starts)
        {
            return Refusal.Invalid("startsAt", "Say when the meeting starts.");
        }

        if (draft.EndsAt is not { } ends || ends <= starts || ends - starts > LongestMeeting)
        {
            return Refusal.Invalid("endsAt", "The meeting ends after it starts, within 14 days.");
        }

        if (string.IsNullOrWhiteSpace(draft.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(draft.TimeZone, out _))
        {
            return Refusal.Invalid("timeZone", "Name an IANA time zone, such as Europe/Tallinn.");
        }

        var sessions = draft.Sessions ?? [];
        if (sessions.Count > 50)
        {
            return Refusal.Invalid("sessions", "A meeting has at most 50 sessions.");
        }

        for (var i = 0; i < sessions.Count; i++)
        {
            var session = sessions[i];
            if (string.IsNullOrWhiteSpace(session.Title) || session.Title.Length > 200)
            {
                return Refusal.Invalid($"sessions[{i}].title", "Give the session a title of at most 200 characters.");
            }

            if (session.StartsAt is not { } from || session.EndsAt is not { } to || to <= from || from < starts || to > ends)
            {
                return Refusal.Invalid($"sessions[{i}].startsAt", "A session starts and ends within its meeting, in that order.");
            }

            if (session.Speakers is { } speakers && (speakers.Count > 20 || speakers.Any(sp => sp.Length > 200)))
            {
                return Refusal.Invalid($"sessions[{i}].speakers", "At most 20 speakers of at most 200 characters each.");
            }
        }

        return null;
    }
}
