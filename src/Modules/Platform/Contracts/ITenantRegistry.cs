using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Platform.Contracts;

/// <summary>The platform's register of tenants: the only way tenants are created or change status.</summary>
public interface ITenantRegistry
{
    /// <summary>Registers a tenant; idempotent on the slug (registering the same slug again answers the existing tenant).</summary>
    Task<TenantInfo> RegisterAsync(NewTenant tenant, CancellationToken cancellationToken = default);

    Task<TenantInfo?> SetStatusAsync(Guid tenantId, TenantStatus status, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken cancellationToken = default);
}

public sealed record NewTenant(
    string Slug,
    string Name,
    TenantKind Kind,
    string? CountryCode,
    IReadOnlyList<string>? HostNames = null,
    DataPlacement DataPlacement = DataPlacement.Shared,
    TenantStatus Status = TenantStatus.Active);
