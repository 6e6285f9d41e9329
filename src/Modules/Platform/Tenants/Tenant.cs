using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Platform.Tenants;

[PlatformOwned]
internal sealed class Tenant
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Slug { get; set; }

    public required string Name { get; set; }

    public TenantKind Kind { get; set; }

    /// <summary>ISO 3166-1 alpha-2; empty for organisations that are not tied to one country.</summary>
    public string CountryCode { get; set; } = "";

    public TenantStatus Status { get; set; } = TenantStatus.Provisioning;

    public DataPlacement DataPlacement { get; set; } = DataPlacement.Shared;

    public List<TenantHostName> HostNames { get; init; } = [];

    /// <summary>A key of the plan catalogue; its quotas and features apply to the tenant.</summary>
    public string Plan { get; set; } = Plans.PlanCatalogue.Unlimited;

    /// <summary>The language its pages and mail start in (BCP 47, e.g. <c>en</c>, <c>fr</c>).</summary>
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>IANA time zone its dates are shown in, e.g. <c>Africa/Nairobi</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>When the scheduled deletion erases the tenant; null when none is scheduled.</summary>
    public DateTimeOffset? DeletionDueAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public TenantInfo ToInfo() => new(Id, Slug, Name, Kind, CountryCode, Status,
        HostNames.Select(h => h.HostName).Order(StringComparer.Ordinal).ToArray(), DataPlacement, Plan) { DefaultLanguage = DefaultLanguage };
}

/// <summary>A host name mapped to one tenant; unique across the platform.</summary>
[PlatformOwned]
internal sealed class TenantHostName
{
    public required string HostName { get; init; }

    public Guid TenantId { get; init; }
}
