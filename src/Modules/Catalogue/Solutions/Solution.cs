using NucleusCloud.Modules.Catalogue.CaseStudies;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.SharedKernel;
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

    public bool OpenSource { get; set; }

    public string? WebsiteUrl { get; set; }

    /// <summary>Codes from <see cref="Taxonomy.BuildingBlocks"/>.</summary>
    public List<string> BuildingBlocks { get; set; } = [];

    /// <summary>Codes from <see cref="Taxonomy.Sectors"/>.</summary>
    public List<string> Sectors { get; set; } = [];

    /// <summary>UN Sustainable Development Goals, 1–17.</summary>
    public List<int> Sdgs { get; set; } = [];

    public List<SolutionOffering> Offerings { get; set; } = [];

    public List<string> Standards { get; set; } = [];

    /// <summary>ISO 3166-1 alpha-2 codes.</summary>
    public List<string> DevelopmentCountries { get; set; } = [];

    public List<string> DeploymentCountries { get; set; } = [];

    /// <summary>Partners (Partners module) that provide the solution; ids only, the module owns the records.</summary>
    public List<Guid> ProviderPartnerIds { get; set; } = [];

    public List<SolutionLink> Links { get; set; } = [];

    public List<SolutionMedia> Media { get; set; } = [];

    /// <summary>The record's key in the Digital Public Goods registry, so a re-import updates instead of duplicating.</summary>
    public string? DpgKey { get; set; }

    /// <summary>The text of the solution's case studies, kept here so one full-text index covers both.</summary>
    public string CaseStudyText { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: incremented on every change, checked on every update.</summary>
    public int Version { get; set; } = 1;

    public SolutionDetails ToDetails(IEnumerable<CaseStudy> caseStudies) => new(Id, Slug, Name, Summary, Description, Status, Maturity, Licence, OpenSource, WebsiteUrl,
        BuildingBlocks, Sectors, Sdgs, Offerings, Standards, DevelopmentCountries, DeploymentCountries, ProviderPartnerIds,
        [.. Links.Select(l => new SolutionLinkDto(l.Kind, l.Url, l.Title))],
        [.. Media.Select(m => new SolutionMediaDto(m.Kind, m.Url, m.Caption))],
        [.. caseStudies.OrderBy(c => c.Year ?? int.MaxValue).ThenBy(c => c.Title, StringComparer.Ordinal).Select(c => c.ToDetails())],
        CreatedAt, UpdatedAt, Version);
}

internal sealed class SolutionLink
{
    public LinkKind Kind { get; set; }

    public string Url { get; set; } = "";

    public string? Title { get; set; }
}

internal sealed class SolutionMedia
{
    public MediaKind Kind { get; set; }

    public string Url { get; set; } = "";

    public string? Caption { get; set; }
}
