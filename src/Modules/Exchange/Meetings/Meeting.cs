using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Exchange.Meetings;

/// <summary>
/// A space's event on its agenda (a webinar, a study visit, a working session). Called a meeting in
/// code, as "event" already names the live log's entries.
/// </summary>
[CrossTenant]
internal sealed class Meeting
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid SpaceId { get; init; }

    public required Guid OrganiserTenantId { get; init; }

    public required string OrganiserTenantName { get; init; }

    public required string Title { get; set; }

    public string Description { get; set; } = "";

    /// <summary>Where: an address, or an online meeting's link.</summary>
    public string Location { get; set; } = "";

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    /// <summary>The organiser's IANA time zone, in which the agenda is shown first (everyone also sees their own).</summary>
    public required string TimeZone { get; set; }

    /// <summary>Set by the one host that announced "starting" to the space.</summary>
    public DateTimeOffset? StartAnnouncedAt { get; set; }

    public List<MeetingSession> Sessions { get; set; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last edited, moved or cancelled: the calendar entry's stamp.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Cancelled meetings leave the agenda; the calendar feeds keep them as <c>STATUS:CANCELLED</c> so subscribed calendars drop them.</summary>
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>Raised by every change; the calendar entry's <c>SEQUENCE</c> is one less.</summary>
    public int Version { get; set; } = 1;
}

/// <summary>One session of a meeting's agenda, with its speakers.</summary>
internal sealed class MeetingSession
{
    public required string Title { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    /// <summary>"Name, affiliation" per speaker.</summary>
    public List<string> Speakers { get; set; } = [];
}
