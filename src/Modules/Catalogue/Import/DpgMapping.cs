using System.Text.Json;
using System.Text.RegularExpressions;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Solutions;

using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.SharedKernel;

namespace NucleusCloud.Modules.Catalogue.Import;

/// <summary>
/// Fills a solution from a DPG record, mapping what it can and saying what it could not.
/// The caller decides the status and checks the name first.
/// </summary>
internal static partial class DpgMapping
{
    private const int MaxDescription = 20_000;

    // The registry's sector names, onto the catalogue's sector codes.
    private static readonly Dictionary<string, string> SectorCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Health"] = "health", ["Climate"] = "climate", ["Education"] = "education", ["Agriculture"] = "agriculture",
        ["Digital/Data/Tech"] = "digital-development", ["Digital Development"] = "digital-development", ["Big Data"] = "digital-development",
        ["Data Management & Policy"] = "digital-development", ["Data Security"] = "digital-development",
        ["Gender and Minority Groups"] = "gender-and-minorities", ["Sustainable Cities"] = "urban-development",
        ["Water and Sanitation"] = "water", ["Social Protection"] = "social-protection", ["Energy"] = "energy",
        ["Sustainability"] = "environment", ["Environment"] = "environment", ["Resource Management"] = "environment",
        ["Research"] = "research", ["Nutrition"] = "nutrition", ["Livelihoods"] = "economic-development",
        ["Humanitarian"] = "humanitarian", ["Media"] = "media", ["Fair & Responsible Media"] = "media",
        ["Economics/Finance"] = "finance", ["Democracy"] = "democracy", ["Governance"] = "government",
    };

    public static void Apply(DpgRecord record, Solution solution, DateTimeOffset now, List<string> messages)
    {
        solution.Name = Clean(record.Name!, "name", messages).Trim();
        var description = Clean(record.Description ?? "", "description", messages).Trim();
        if (description.Length > MaxDescription)
        {
            description = description[..MaxDescription];
            messages.Add($"The description was cut to {MaxDescription} characters.");
        }

        solution.Summary = Summarise(description);
        solution.Description = description;
        solution.WebsiteUrl = HttpUrl(record.Website, "website", messages);
        solution.Licence = Licence(record.Licences, messages);
        solution.OpenSource = solution.Licence is not null;
        solution.Sdgs = Sdgs(record.Sdgs, messages);
        solution.Sectors = Sectors(record.Sectors, messages);
        solution.Standards = [.. (record.Standards?.List ?? []).Select(s => s?.Trim()).OfType<string>().Where(s => s.Length is > 0 and <= 100).Distinct().Take(50)];
        solution.DevelopmentCountries = Countries(record.Locations?.DevelopmentCountries, "development", messages);
        solution.DeploymentCountries = Countries(record.Locations?.DeploymentCountries, "deployment", messages);
        solution.Links = Links(record, messages);
        solution.UpdatedAt = now;
    }

    private static string Clean(string text, string field, List<string> messages)
    {
        if (!Markup().IsMatch(text))
        {
            return text;
        }

        messages.Add($"Markup was removed from the {field}.");
        return Markup().Replace(text, "");
    }

    private static string? HttpUrl(string? value, string field, List<string> messages)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length <= 2_000 && WebAddresses.IsHttp(trimmed))
        {
            return new Uri(trimmed).ToString();
        }

        messages.Add($"The {field} '{Shorten(trimmed)}' is not an http(s) address; left out.");
        return null;
    }

    private static string? Licence(IReadOnlyList<DpgLicence?>? licences, List<string> messages)
    {
        var ids = (licences ?? []).Select(l => l?.Spdx?.Trim()).Where(s => !string.IsNullOrEmpty(s)).ToList();
        foreach (var unknown in ids.Where(id => SpdxLicences.Canonical(id) is null))
        {
            messages.Add($"'{Shorten(unknown!)}' is not an SPDX licence id; left out.");
        }

        return ids.Select(SpdxLicences.Canonical).FirstOrDefault(id => id is not null);
    }

    private static List<int> Sdgs(IReadOnlyList<DpgSdg?>? sdgs, List<string> messages)
    {
        var numbers = new List<int>();
        foreach (var sdg in sdgs ?? [])
        {
            if (sdg is not null && SdgNumber(sdg.Number) is { } n and >= 1 and <= 17)
            {
                numbers.Add(n);
            }
            else
            {
                messages.Add($"An SDG entry ({Shorten(sdg?.Number.ToString() ?? "null")}) is not a number from 1 to 17; left out.");
            }
        }

        return [.. numbers.Distinct().Order()];
    }

    private static List<string> Sectors(IReadOnlyList<string?>? sectors, List<string> messages)
    {
        var codes = new List<string>();
        foreach (var sector in (sectors ?? []).Select(s => s?.Trim()).Where(s => !string.IsNullOrEmpty(s)))
        {
            if (SectorCodes.TryGetValue(sector!, out var code) || Taxonomy.IsSector(code = sector!.ToLowerInvariant()))
            {
                codes.Add(code);
            }
            else
            {
                messages.Add($"The sector '{Shorten(sector!)}' has no match in the catalogue's sectors; left out.");
            }
        }

        return [.. codes.Distinct()];
    }

    private static List<string> Countries(IReadOnlyList<string?>? names, string kind, List<string> messages)
    {
        var codes = new List<string>();
        foreach (var name in (names ?? []).Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            if (DpgCountryNames.ToCode(name) is { } code)
            {
                codes.Add(code);
            }
            else
            {
                messages.Add($"The {kind} country '{Shorten(name!)}' is not a recognised country; left out.");
            }
        }

        return [.. codes.Distinct()];
    }

    private static List<SolutionLink> Links(DpgRecord record, List<string> messages)
    {
        var links = new List<SolutionLink>();
        foreach (var repository in record.Repositories ?? [])
        {
            if (HttpUrl(repository?.Url, "repository address", messages) is { } url)
            {
                links.Add(new SolutionLink { Kind = LinkKind.Repository, Url = url, Title = repository!.Name?.Trim() is { Length: > 0 and <= 200 } name ? name : null });
            }
        }

        foreach (var documentation in record.Documentation?.Urls ?? [])
        {
            if (HttpUrl(documentation, "documentation address", messages) is { } url)
            {
                links.Add(new SolutionLink { Kind = LinkKind.Documentation, Url = url });
            }
        }

        return [.. links.DistinctBy(l => (l.Kind, l.Url)).Take(20)];
    }

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

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";

    // Anything shaped like an HTML tag or comment: imported text is plain text or Markdown.
    [GeneratedRegex("<\\s*/?\\s*[a-zA-Z!][^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();
}
