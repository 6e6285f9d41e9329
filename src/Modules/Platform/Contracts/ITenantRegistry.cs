using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Platform.Contracts;

/// <summary>
/// The platform's register of tenants: the only way tenants are created or change status. Changes are
/// for platform administrators signed in with a second factor (or the system, seeding), and each is
/// written in the platform's audit log.
/// </summary>
public interface ITenantRegistry
{
    /// <summary>Registers a tenant under a slug no other tenant has.</summary>
    Task<Outcome<TenantInfo>> RegisterAsync(NewTenant tenant, CancellationToken cancellationToken = default);

    Task<Outcome<TenantInfo>> SetStatusAsync(Guid tenantId, TenantStatus status, CancellationToken cancellationToken = default);

    /// <summary>Moves the tenant to another plan of the catalogue; its quotas and features apply from the next request.</summary>
    Task<Outcome<TenantInfo>> SetPlanAsync(Guid tenantId, string? plan, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken cancellationToken = default);
}

public sealed record NewTenant(
    string Slug,
    string Name,
    TenantKind Kind,
    string? CountryCode,
    IReadOnlyList<string>? HostNames = null,
    DataPlacement DataPlacement = DataPlacement.Shared,
    TenantStatus Status = TenantStatus.Active,
    string? Plan = null,
    string? DefaultLanguage = null,
    string? TimeZone = null,
    Guid? Id = null);
