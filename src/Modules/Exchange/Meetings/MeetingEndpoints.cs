using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Spaces;
using NucleusCloud.Tenancy;
using static NucleusCloud.Modules.Abstractions.Http.RefusalProblems;

namespace NucleusCloud.Modules.Exchange.Meetings;

/// <summary>A space's agenda under <c>/api/{tenant}/exchange/spaces/{spaceId}/meetings</c>, with iCalendar feeds.</summary>
internal static class MeetingEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var space = SpaceEndpoints.Group(endpoints).MapGroup("/{spaceId:guid}").RequireAuthorization(ExchangePermissions.Read);
        space.MapGet("/meetings", List).WithName("ListMeetings").Validate<PageQuery>();
        space.MapPost("/meetings", Schedule).WithName("ScheduleMeeting");
        space.MapGet("/meetings/{meetingId:guid}", Get).WithName("GetMeeting");
        space.MapPut("/meetings/{meetingId:guid}/rsvp", Answer).WithName("AnswerMeeting");
        space.MapPut("/meetings/{meetingId:guid}", Change).WithName("ChangeMeeting").RequireAuthorization(ExchangePermissions.Manage);
        space.MapPost("/meetings/{meetingId:guid}/cancel", Cancel).WithName("CancelMeeting").RequireAuthorization(ExchangePermissions.Manage);
        space.MapGet("/calendar.ics", (Guid spaceId, ClaimsPrincipal user, IMeetings meetings, CancellationToken cancellationToken) =>
            CalendarAsync(spaceId, null, user, meetings, cancellationToken)).WithName("SpaceCalendar");
        space.MapGet("/meetings/{meetingId:guid}/calendar.ics", (Guid spaceId, Guid meetingId, ClaimsPrincipal user, IMeetings meetings, CancellationToken cancellationToken) =>
            CalendarAsync(spaceId, meetingId, user, meetings, cancellationToken)).WithName("MeetingCalendar");
    }

    private static async Task<IResult> List(Guid spaceId, bool? past, [AsParameters] PageQuery page, ClaimsPrincipal user, IMeetings meetings, CancellationToken cancellationToken) =>
        Ok(await meetings.AgendaAsync(user, spaceId, past ?? false, page, cancellationToken));

    private static async Task<IResult> Schedule(Guid spaceId, MeetingDraft draft, ClaimsPrincipal user, IMeetings meetings, ITenantContext tenant, CancellationToken cancellationToken) =>
        Created(await meetings.ScheduleAsync(user, spaceId, draft, cancellationToken), m => $"/api/{tenant.RequiredTenant.Slug}/exchange/spaces/{spaceId}/meetings/{m.Id}");

    private static async Task<IResult> Get(Guid spaceId, Guid meetingId, ClaimsPrincipal user, IMeetings meetings, CancellationToken cancellationToken) =>
        Ok(await meetings.GetAsync(user, spaceId, meetingId, cancellationToken));

    private static async Task<IResult> Answer(Guid spaceId, Guid meetingId, RsvpRequest request, ClaimsPrincipal user, IMeetings meetings, CancellationToken cancellationToken) =>
        Ok(await meetings.AnswerAsync(user, spaceId, meetingId, request.Answer, cancellationToken));

    private static async Task<IResult> Change(Guid spaceId, Guid meetingId, MeetingChange change, ClaimsPrincipal user, IMeetings meetings, CancellationToken cancellationToken) =>
        Ok(await meetings.ChangeAsync(user, spaceId, meetingId,
            new MeetingDraft(change.Title, change.Description, change.Location, change.StartsAt, change.EndsAt, change.TimeZone, change.Sessions), change.Version, cancellationToken));

    private static async Task<IResult> Cancel(Guid spaceId, Guid meetingId, ClaimsPrincipal user, IMeetings meetings, CancellationToken cancellationToken) =>
        Ok(await meetings.CancelAsync(user, spaceId, meetingId, cancellationToken));

    private static async Task<IResult> CalendarAsync(Guid spaceId, Guid? meetingId, ClaimsPrincipal user, IMeetings meetings, CancellationToken cancellationToken)
    {
        var feed = await meetings.CalendarAsync(user, spaceId, meetingId, cancellationToken);
        return feed.Refusal is { } refusal
            ? Problem(refusal)
            : Results.Text(feed.Value!, CalendarFeed.ContentType);
    }
}

internal sealed record RsvpRequest(RsvpAnswer? Answer);

/// <summary>A meeting's new fields, and the version they were read at (optional: without it the last change wins).</summary>
internal sealed record MeetingChange(string? Title, string? Description, string? Location, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? TimeZone,
    IReadOnlyList<SessionDraft>? Sessions, int? Version);
