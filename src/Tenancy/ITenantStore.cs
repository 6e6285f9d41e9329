namespace NucleusCloud.Tenancy;

/// <summary>
/// Looks tenants up for resolution. Implemented by the Platform module over its registry,
/// cached and invalidated when a tenant changes.
/// </summary>
public interface ITenantStore
{
    ValueTask<TenantInfo?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default);

    ValueTask<TenantInfo?> FindByHostAsync(string hostName, CancellationToken cancellationToken = default);

    ValueTask<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The tenants with a database of their own, whatever their status: the system migrates and serves each of those databases.</summary>
    ValueTask<IReadOnlyList<TenantInfo>> ListDedicatedAsync(CancellationToken cancellationToken = default);
}
