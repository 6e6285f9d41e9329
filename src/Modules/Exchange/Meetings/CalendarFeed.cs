using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace NucleusCloud.Modules.Exchange.Meetings;

/// <summary>
/// A space's meetings as an iCalendar (RFC 5545) feed, written by Ical.Net. A changed meeting carries its next <c>SEQUENCE</c> and a
/// cancelled one <c>STATUS:CANCELLED</c> under the same <c>UID</c>, so calendars that subscribed move or drop it.
/// </summary>
internal static class CalendarFeed
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(string name, IEnumerable<Meeting> meetings)
    {
        var calendar = new Calendar { Method = "PUBLISH", ProductId = "-//NucleusCloud//Exchange//EN" };
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var meeting in meetings)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{meeting.Id}@nucleuscloud",
                Summary = meeting.Title,
                Description = Description(meeting),
                Location = meeting.Location.Length > 0 ? meeting.Location : null,
                DtStart = Utc(meeting.StartsAt),
                DtEnd = Utc(meeting.EndsAt),
                DtStamp = Utc(meeting.UpdatedAt ?? meeting.CreatedAt),
                Sequence = meeting.Version - 1,
                Status = meeting.CancelledAt is null ? EventStatus.Confirmed : EventStatus.Cancelled,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>The description, then the sessions with their speakers (in UTC, as the feed's times are), then the organiser.</summary>
    private static string Description(Meeting meeting)
    {
        var agenda = string.Join("\n", meeting.Sessions.Select(x => $"{x.StartsAt.UtcDateTime:HH:mm}–{x.EndsAt.UtcDateTime:HH:mm} UTC {x.Title}{(x.Speakers.Count > 0 ? " (" + string.Join("; ", x.Speakers) + ")" : "")}"));
        return string.Join("\n\n", new[] { meeting.Description, agenda, $"Organised by {meeting.OrganiserTenantName}." }.Where(p => p.Length > 0));
    }

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime);
}
