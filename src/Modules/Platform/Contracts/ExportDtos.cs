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

/// <summary>What an import brought into the tenant.</summary>
public sealed record TenantImportDto(Guid TenantId, Guid SourceTenantId, int Rows, int Files, IReadOnlyList<string> Modules);

/// <summary>
/// Imports an export into an empty tenant (platform administrators): the same tenant elsewhere, or another one. Every module's
/// own tables and the files come in with new ids; members, API keys and the audit log do not (people are invited again; keys
/// are made again; the log stays in the export), nor the tenant's share of exchange spaces (it joins them again).
/// </summary>
public interface ITenantImports
{
    /// <summary>Starts the import of the zip at <paramref name="zipPath"/> (a file this call now owns) into <paramref name="tenantId"/>.</summary>
    Task<Outcome<JobProgress<TenantImportDto>>> StartAsync(Guid tenantId, string zipPath, CancellationToken cancellationToken = default);

    Task<JobProgress<TenantImportDto>?> FindJobAsync(Guid tenantId, Guid jobId, CancellationToken cancellationToken = default);
}
