using System.Text.Json;
using System.Text.Json.Serialization;

namespace NucleusCloud.Modules.Catalogue.Import;

/// <summary>
/// The parts of a Digital Public Goods Standard record the catalogue maps. Real records are
/// irregular (missing fields, empty strings, free-text countries), so everything is optional.
/// </summary>
internal sealed record DpgRecord
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Website { get; init; }

    [JsonPropertyName("license")]
    public IReadOnlyList<DpgLicence?>? Licences { get; init; }

    [JsonPropertyName("SDGs")]
    public IReadOnlyList<DpgSdg?>? Sdgs { get; init; }

    public IReadOnlyList<string?>? Sectors { get; init; }

    public IReadOnlyList<DpgRepository?>? Repositories { get; init; }

    public DpgDocumentation? Documentation { get; init; }

    public DpgStandards? Standards { get; init; }

    public DpgLocations? Locations { get; init; }

    /// <summary>Depth limit for a record: real records nest four levels; hostile ones are cut off here.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = 16 };
}

internal sealed record DpgLicence(string? Spdx);

internal sealed record DpgSdg([property: JsonPropertyName("SDGNumber")] JsonElement Number);

internal sealed record DpgRepository(string? Name, string? Url);

internal sealed record DpgDocumentation([property: JsonPropertyName("documentationURL")] IReadOnlyList<string?>? Urls);

internal sealed record DpgStandards([property: JsonPropertyName("standardsList")] IReadOnlyList<string?>? List);

internal sealed record DpgLocations(IReadOnlyList<string?>? DevelopmentCountries, IReadOnlyList<string?>? DeploymentCountries);
