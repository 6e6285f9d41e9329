using System.Collections.Frozen;
using NucleusCloud.Modules.SharedKernel;

namespace NucleusCloud.Modules.Catalogue.Import;

/// <summary>Maps the free-text country names found in DPG records to ISO 3166-1 alpha-2 codes.</summary>
internal static class DpgCountryNames
{
    // Names in the registry that differ from the ISO short names.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["United States of America"] = "US", ["United States"] = "US", ["USA"] = "US",
        ["United Kingdom"] = "GB", ["UK"] = "GB", ["Britain (UK)"] = "GB",
        ["Russia"] = "RU", ["Palestine State"] = "PS", ["Palestine"] = "PS", ["Vietnam"] = "VN",
        ["Laos"] = "LA", ["Syria"] = "SY", ["Iran"] = "IR", ["Bolivia"] = "BO", ["Venezuela"] = "VE",
        ["Tanzania"] = "TZ", ["Moldova"] = "MD", ["South Korea"] = "KR", ["Korea"] = "KR", ["Republic of Korea"] = "KR",
        ["North Korea"] = "KP", ["Czechia (Czech Republic)"] = "CZ", ["Czech Republic"] = "CZ", ["Czechia"] = "CZ",
        ["Côte d'Ivoire"] = "CI", ["Cote d'Ivoire"] = "CI", ["Ivory Coast"] = "CI",
        ["Democratic Republic of the Congo"] = "CD", ["DR Congo"] = "CD", ["Republic of the Congo"] = "CG", ["Congo"] = "CG",
        ["Eswatini (fmr. 'Swaziland')"] = "SZ", ["Eswatini"] = "SZ", ["Swaziland"] = "SZ",
        ["Cabo Verde"] = "CV", ["Cape Verde"] = "CV", ["Turkey"] = "TR", ["Türkiye"] = "TR",
        ["Micronesia"] = "FM", ["Brunei"] = "BN", ["Myanmar"] = "MM", ["Burma"] = "MM",
        ["Gambia"] = "GM", ["The Gambia"] = "GM", ["Bahamas"] = "BS", ["Netherlands"] = "NL", ["Taiwan"] = "TW",
        ["Sao Tome and Principe"] = "ST", ["São Tomé and Príncipe"] = "ST", ["Timor-Leste"] = "TL", ["East Timor"] = "TL",
        ["Vatican City"] = "VA", ["Holy See"] = "VA", ["North Macedonia"] = "MK", ["Macedonia"] = "MK",
    };

    private static readonly FrozenDictionary<string, string> ByName = CountryCodes.Names
        .GroupBy(p => p.Value, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(g => g.Key, g => g.First().Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The ISO code for a name, or null when it is not a recognised country.</summary>
    public static string? ToCode(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (Aliases.TryGetValue(trimmed, out var alias))
        {
            return alias;
        }

        if (ByName.TryGetValue(trimmed, out var code))
        {
            return code;
        }

        var upper = trimmed.ToUpperInvariant();
        return CountryCodes.IsValid(upper) ? upper : null;
    }
}
