using NucleusCloud.Modules.Abstractions.Jobs;

namespace NucleusCloud.Modules.Platform.Contracts;

/// <summary>A finished export of all of a tenant's data: one zip (manifest, one JSON file per table, the files), with its SHA-256.</summary>
public sealed record TenantExportDto(Guid Id, Guid TenantId, DateTimeOffset CreatedAt, long Bytes, string Sha256, int Tables, int Rows, int Files);

/// <summary>
/// Exports of a tenant's data, made in the background: by its owners for the current tenant (<c>tenantId</c> null), or by
/// platform administrators for any tenant. Only they list and download them.
/// </summary>
public interface ITenantExports
{
    Task<Outcome<JobProgress<TenantExportDto>>> StartAsync(Guid? tenantId, CancellationToken cancellationToken = default);

    Task<JobProgress<TenantExportDto>?> FindJobAsync(Guid? tenantId, Guid jobId, CancellationToken cancellationToken = default);

    Task<Outcome<IReadOnlyList<TenantExportDto>>> ListAsync(Guid? tenantId, CancellationToken cancellationToken = default);

    /// <summary>The export's zip, to stream to the caller.</summary>
    Task<Outcome<Stream>> OpenAsync(Guid? tenantId, Guid exportId, CancellationToken cancellationToken = default);
}
