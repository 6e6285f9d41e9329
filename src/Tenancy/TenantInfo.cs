namespace NucleusCloud.Tenancy;

/// <summary>What the rest of the system knows about a tenant: an immutable snapshot from the registry.</summary>
public sealed record TenantInfo(
    Guid Id,
    string Slug,
    string Name,
    TenantKind Kind,
    string CountryCode,
    TenantStatus Status,
    IReadOnlyList<string> HostNames,
    DataPlacement DataPlacement,
    string Plan = "")
{
    /// <summary>From when the tenant is read-only for want of payment (its subscription ended, or its grace period after a failed payment); null while it is paid.</summary>
    public DateTimeOffset? ReadOnlyFrom { get; init; }

    /// <summary>The language its pages start in and its catalogue is written in (a BCP 47 tag such as <c>en</c>).</summary>
    public string DefaultLanguage { get; init; } = "en";
}

public enum TenantKind
{
    Country,
    Organisation,
}

/// <summary>Lifecycle: <c>Provisioning → Active → Suspended → Deleted</c>.</summary>
public enum TenantStatus
{
    Provisioning,
    Active,
    Suspended,
    Deleted,
}

/// <summary>Where a tenant's data lives: the shared database, or one of its own.</summary>
public enum DataPlacement
{
    Shared,
    Dedicated,
}
