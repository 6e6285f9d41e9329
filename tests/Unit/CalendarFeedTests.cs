using Ical.Net;
using NucleusCloud.Modules.Exchange.Meetings;

namespace NucleusCloud.Tests.Unit;

/// <summary>A space's calendar feed, read back by Ical.Net as a subscribed calendar would read it.</summary>
public sealed class CalendarFeedTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 11, 0, 0, TimeSpan.FromHours(2));

    private static Meeting Meeting(string title, int version = 1, DateTimeOffset? cancelled = null) => new()
    {
        SpaceId = Guid.NewGuid(), OrganiserTenantId = Guid.NewGuid(), OrganiserTenantName = "e-Estonia Briefing Centre", Title = title, TimeZone = "Europe/Tallinn",
        StartsAt = Start, EndsAt = Start.AddHours(2), CreatedAt = Start.AddDays(-7), Version = version, CancelledAt = cancelled,
        UpdatedAt = cancelled, Location = "Tallinn; Online", Description = "Bring, your; questions\nand answers",
        Sessions = [new MeetingSession { Title = "Opening", StartsAt = Start, EndsAt = Start.AddHours(1), Speakers = ["Mari Tamm, RIA"] }],
    };

    [Fact]
    public void Each_meeting_is_one_event_in_utc_whose_text_survives_the_round_trip()
    {
        var meeting = Meeting(string.Concat(Enumerable.Repeat("Tööriistad ja 数字政府, ", 8)));
        var text = CalendarFeed.Write("DGX 2026", [meeting]);

        text.Split("\r\n").ShouldAllBe(line => System.Text.Encoding.UTF8.GetByteCount(line) <= 75, "lines are folded at 75 octets");
        text.ShouldContain("DTSTART:20261201T090000Z");
        var read = Calendar.Load(text)!.Events.ShouldHaveSingleItem();
        read.Uid.ShouldBe($"{meeting.Id}@nucleuscloud");
        read.Summary.ShouldBe(meeting.Title);
        read.Location.ShouldBe("Tallinn; Online");
        read.Description!.ShouldStartWith("Bring, your; questions\nand answers");
        read.Description.ShouldContain("09:00–10:00 UTC Opening (Mari Tamm, RIA)");
        read.Description.ShouldEndWith("Organised by e-Estonia Briefing Centre.");
        (read.Sequence, read.Status).ShouldBe((0, "CONFIRMED"));
        read.DtStart!.AsUtc.ShouldBe(Start.UtcDateTime);
    }

    [Fact]
    public void A_moved_meeting_carries_its_next_sequence_and_a_cancelled_one_says_so_under_the_same_uid()
    {
        var moved = Meeting("Moved", version: 3);
        var cancelled = Meeting("Cancelled", version: 2, cancelled: Start.AddDays(-1));
        var events = Calendar.Load(CalendarFeed.Write("DGX 2026", [moved, cancelled]))!.Events.ToDictionary(e => e.Summary!);

        (events["Moved"].Sequence, events["Moved"].Status).ShouldBe((2, "CONFIRMED"));
        (events["Cancelled"].Sequence, events["Cancelled"].Status).ShouldBe((1, "CANCELLED"));
        events["Cancelled"].Uid.ShouldBe($"{cancelled.Id}@nucleuscloud");
        events["Cancelled"].DtStamp!.AsUtc.ShouldBe(Start.AddDays(-1).UtcDateTime, "stamped when it was cancelled");
    }
}
