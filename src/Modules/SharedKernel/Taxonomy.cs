namespace NucleusCloud.Modules.SharedKernel;

/// <summary>
/// The fixed vocabularies solutions are classified by. Codes are stable (stored and used in URLs);
/// extend by appending, never by renaming.
/// </summary>
public static class Taxonomy
{
    /// <summary>GovStack-style building blocks of digital government.</summary>
    public static readonly IReadOnlyList<string> BuildingBlocks =
    [
        "identity", "payments", "data-exchange", "registries", "consent", "messaging", "e-signature",
        "workflow", "scheduling", "gis", "analytics", "content-management", "information-mediation",
        "digital-registries", "e-marketplace", "mobility", "security", "cloud-infrastructure", "open-data", "other",
    ];

    /// <summary>Sectors, after the Digital Public Goods registry's vocabulary.</summary>
    public static readonly IReadOnlyList<string> Sectors =
    [
        "agriculture", "climate", "culture", "democracy", "economic-development", "education", "energy",
        "environment", "finance", "government", "health", "humanitarian", "identity", "infrastructure",
        "justice", "labour", "social-protection", "tax", "transport", "urban-development", "water", "other",
        "digital-development", "gender-and-minorities", "media", "research", "nutrition",
    ];

    public static bool IsBuildingBlock(string? code) => code is not null && BuildingBlocks.Contains(code);

    public static bool IsSector(string? code) => code is not null && Sectors.Contains(code);
}
