using System.Text.Json;
using NucleusCloud.Modules.Catalogue.Solutions;

namespace NucleusCloud.Modules.Catalogue.Import;

/// <summary>Fills a solution from a DPG record, mapping what it can; the caller decides the status.</summary>
internal static class DpgMapping
{
    public static void Apply(DpgRecord record, Solution solution, DateTimeOffset now)
    {
        var description = record.Description?.Trim() ?? "";
        solution.Name = record.Name!.Trim();
        solution.Summary = Summarise(description);
        solution.Description = description;
        solution.WebsiteUrl = Uri.TryCreate(record.Website?.Trim(), UriKind.Absolute, out var website)
            && (website.Scheme == Uri.UriSchemeHttp || website.Scheme == Uri.UriSchemeHttps) ? website.ToString() : null;
        solution.Licence = record.Licences?.Select(l => SpdxLicences.Canonical(l.Spdx)).FirstOrDefault(s => s is not null);
        solution.OpenSource = solution.Licence is not null;
        solution.Sdgs = [.. (record.Sdgs ?? []).Select(s => SdgNumber(s.Number)).OfType<int>().Where(n => n is >= 1 and <= 17).Distinct().Order()];
        solution.DevelopmentCountries = Countries(record.Locations?.DevelopmentCountries);
        solution.DeploymentCountries = Countries(record.Locations?.DeploymentCountries);
        solution.UpdatedAt = now;
    }

    private static List<string> Countries(IReadOnlyList<string>? names) =>
        [.. (names ?? []).Select(DpgCountryNames.ToCode).OfType<string>().Distinct()];

    // Seen as 3 and as "3" in real records.
    private static int? SdgNumber(JsonElement number) => number.ValueKind switch
    {
        JsonValueKind.Number when number.TryGetInt32(out var n) => n,
        JsonValueKind.String when int.TryParse(number.GetString(), out var n) => n,
        _ => null,
    };

    /// <summary>The first sentence, or the first 500 characters cut at a word.</summary>
    private static string Summarise(string description)
    {
        var end = description.IndexOf(". ", StringComparison.Ordinal);
        var summary = end is > 0 and < 499 ? description[..(end + 1)] : description;
        if (summary.Length <= 500)
        {
            return summary;
        }

        var cut = summary.LastIndexOf(' ', 498);
        return summary[..(cut > 0 ? cut : 498)] + "…";
    }
}
