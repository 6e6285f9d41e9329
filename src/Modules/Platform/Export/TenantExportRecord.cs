using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Platform.Export;

/// <summary>An export that was made: where its zip is kept and its checksum. A tenant is deleted only once one exists.</summary>
[PlatformOwned]
internal sealed class TenantExportRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TenantId { get; init; }

    public required string StorageKey { get; init; }

    public long Bytes { get; init; }

    public required string Sha256 { get; init; }

    public int Tables { get; init; }

    public int Rows { get; init; }

    public int Files { get; init; }

    public required string RequestedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public TenantExportDto ToDto() => new(Id, TenantId, CreatedAt, Bytes, Sha256, Tables, Rows, Files);
}
