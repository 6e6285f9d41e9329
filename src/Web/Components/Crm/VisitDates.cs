using System.Globalization;

namespace NucleusCloud.Web.Components.Crm;

/// <summary>A visit's days as people write them: one day in full, or "4 May – 6 May 2026".</summary>
internal static class VisitDates
{
    public static string Of(DateOnly start, DateOnly end) =>
        start == end ? start.ToString("d MMM yyyy", CultureInfo.CurrentCulture) : $"{start.ToString("d MMM", CultureInfo.CurrentCulture)} – {end.ToString("d MMM yyyy", CultureInfo.CurrentCulture)}";
}
