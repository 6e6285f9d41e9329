using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Crm.Organisations;

/// <summary>A foreign government, ministry, agency, international organisation, bank, donor or company the nucleus deals with.</summary>
internal sealed class Organisation : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public OrganisationKind Kind { get; set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string Country { get; set; }

    public string? WebsiteUrl { get; set; }

    public string Notes { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: incremented on every change, checked on every update.</summary>
    public int Version { get; set; } = 1;

    public OrganisationDetails ToDetails() => new(Id, Name, Kind, Country, WebsiteUrl, Notes, CreatedAt, UpdatedAt, Version);
}
