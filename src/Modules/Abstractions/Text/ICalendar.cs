using System.Globalization;
using System.Text;

namespace NucleusCloud.Modules.Abstractions.Text;

/// <summary>One VEVENT of an iCalendar feed.</summary>
public sealed record CalendarEntry(string Uid, string Summary, string Description, string Location, DateTimeOffset Starts, DateTimeOffset Ends, DateTimeOffset Stamp, string? Url = null);

/// <summary>
/// Writes iCalendar (RFC 5545) feeds: no iCalendar package exists here, and a feed needs little — UTC
/// times, text escaping (§3.3.11) and lines folded at 75 octets (§3.1), ended by CRLF.
/// </summary>
public static class ICalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(string name, IEnumerable<CalendarEntry> entries)
    {
        var feed = new StringBuilder();
        Line(feed, "BEGIN:VCALENDAR");
        Line(feed, "VERSION:2.0");
        Line(feed, "PRODID:-//NucleusCloud//Exchange//EN");
        Line(feed, "CALSCALE:GREGORIAN");
        Line(feed, "METHOD:PUBLISH");
        Line(feed, $"X-WR-CALNAME:{Escape(name)}");
        foreach (var entry in entries)
        {
            Line(feed, "BEGIN:VEVENT");
            Line(feed, $"UID:{Escape(entry.Uid)}");
            Line(feed, $"DTSTAMP:{Utc(entry.Stamp)}");
            Line(feed, $"DTSTART:{Utc(entry.Starts)}");
            Line(feed, $"DTEND:{Utc(entry.Ends)}");
            Line(feed, $"SUMMARY:{Escape(entry.Summary)}");
            if (entry.Description.Length > 0)
            {
                Line(feed, $"DESCRIPTION:{Escape(entry.Description)}");
            }

            if (entry.Location.Length > 0)
            {
                Line(feed, $"LOCATION:{Escape(entry.Location)}");
            }

            if (entry.Url is { Length: > 0 } url)
            {
                Line(feed, $"URL:{url}");
            }

            Line(feed, "END:VEVENT");
        }

        Line(feed, "END:VCALENDAR");
        return feed.ToString();
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT values: backslash, semicolon and comma escaped, line breaks as <c>\n</c>, other controls dropped.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' or ';' or ',':
                    escaped.Append('\\').Append(c);
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    escaped.Append("\\n");
                    break;
                case < ' ' when c != '\t':
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>Folds a content line at 75 octets (UTF-8), never inside a character, continuing with a space.</summary>
    private static void Line(StringBuilder feed, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                feed.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts
            }

            feed.Append(rune.ToString());
            octets += size;
        }

        feed.Append("\r\n");
    }
}
