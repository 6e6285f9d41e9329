using NucleusCloud.Modules.Partners.Contracts;
using NucleusCloud.Modules.SharedKernel;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Partners.Partners;

/// <summary>A vendor, trainer, academic institution, donor or multilateral the nucleus works with.</summary>
internal sealed class Partner : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public string Name { get; set; } = "";

    public PartnerKind Kind { get; set; }

    public string Summary { get; set; } = "";

    public string? WebsiteUrl { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code of the partner's home country.</summary>
    public string? Country { get; set; }

    public List<SolutionOffering> Offerings { get; set; } = [];

    public List<string> Regions { get; set; } = [];

    public List<PartnerContact> Contacts { get; set; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; } = 1;

    public PartnerDetails ToDetails() => new(
        Id, Name, Kind, Summary, WebsiteUrl, Country, Offerings, Regions,
        [.. Contacts.Select(c => new PartnerContactDto(c.Name, c.Role, c.Email, c.Phone))], CreatedAt, UpdatedAt, Version);

    public PartnerListItem ToListItem() => new(Id, Name, Kind, Country, Offerings, Regions);
}

internal sealed class PartnerContact
{
    public string Name { get; set; } = "";

    public string? Role { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }
}
