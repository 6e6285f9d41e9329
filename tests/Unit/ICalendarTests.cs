using NucleusCloud.Modules.Abstractions.Text;

namespace NucleusCloud.Tests.Unit;

/// <summary>The iCalendar writer, against RFC 5545's rules for text, times and line folding.</summary>
public sealed class ICalendarTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 11, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void A_feed_has_one_event_per_entry_in_utc_with_crlf_lines()
    {
        var feed = ICalendar.Write("DGX 2026", [new CalendarEntry("m1@nucleuscloud", "Opening", "Welcome", "Tallinn", Start, Start.AddHours(2), Start)]);

        feed.ShouldStartWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
        feed.ShouldEndWith("END:VCALENDAR\r\n");
        feed.ShouldContain("\r\nDTSTART:20261201T090000Z\r\n");
        feed.ShouldContain("\r\nDTEND:20261201T110000Z\r\n");
        feed.ShouldContain("\r\nUID:m1@nucleuscloud\r\n");
        feed.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain("\n");
        feed.Split("BEGIN:VEVENT").Length.ShouldBe(2);
    }

    [Theory]
    [InlineData("a,b;c\\d", "a\\,b\\;c\\\\d")]
    [InlineData("line one\r\nline two\nthree", "line one\\nline two\\nthree")]
    [InlineData("bell\u0007gone", "bellgone")]
    public void Text_is_escaped(string text, string expected) => ICalendar.Escape(text).ShouldBe(expected);

    [Fact]
    public void Long_lines_are_folded_at_75_octets_without_splitting_a_character()
    {
        var summary = string.Concat(Enumerable.Repeat("Tööriistad ja 数字政府 ", 12));
        var feed = ICalendar.Write("x", [new CalendarEntry("u", summary, "", "", Start, Start.AddHours(1), Start)]);

        var lines = feed.Split("\r\n");
        lines.ShouldAllBe(line => System.Text.Encoding.UTF8.GetByteCount(line) <= 75);
        var unfolded = feed.Replace("\r\n ", "", StringComparison.Ordinal);
        unfolded.ShouldContain($"SUMMARY:{summary}\r\n");
    }
}
