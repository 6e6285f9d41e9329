using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Catalogue.Solutions;

internal sealed class Solution : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Slug { get; set; }

    public required string Name { get; set; }

    public string Summary { get; set; } = "";

    /// <summary>Markdown; sanitised when rendered.</summary>
    public string Description { get; set; } = "";

    public SolutionStatus Status { get; set; } = SolutionStatus.Draft;

    public SolutionMaturity? Maturity { get; set; }

    /// <summary>SPDX licence id, e.g. "MIT".</summary>
    public string? Licence { get; set; }

    public string? WebsiteUrl { get; set; }

    /// <summary>UN Sustainable Development Goals, 1–17.</summary>
    public List<int> Sdgs { get; set; } = [];

    /// <summary>ISO 3166-1 alpha-2 codes.</summary>
    public List<string> DevelopmentCountries { get; set; } = [];

    public List<string> DeploymentCountries { get; set; } = [];

    /// <summary>Lower-cased name and summary: a provider-neutral substring search until full-text search arrives.</summary>
    public string SearchText { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: incremented on every change, checked on every update.</summary>
    public int Version { get; set; } = 1;

    public void RefreshSearchText() => SearchText = $"{Name} {Summary}".ToLowerInvariant();

    public SolutionListItem ToListItem() => new(Id, Slug, Name, Summary, Status, Maturity, UpdatedAt);

    public SolutionDetails ToDetails() => new(Id, Slug, Name, Summary, Description, Status, Maturity, Licence, WebsiteUrl,
        Sdgs, DevelopmentCountries, DeploymentCountries, CreatedAt, UpdatedAt, Version);
}
