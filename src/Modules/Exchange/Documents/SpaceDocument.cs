using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Exchange.Documents;

/// <summary>
/// A file a member shares with a space (a case study, a presentation), kept by the same rules as brand
/// assets: type read from the bytes, images within the pixel budget, stored outside the web root, served
/// only to the space's delegates. Posts attach documents of their own space.
/// </summary>
[CrossTenant]
internal sealed class SpaceDocument
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid SpaceId { get; init; }

    public required Guid TenantId { get; init; }

    public required string TenantName { get; init; }

    public required string SharedBy { get; init; }

    public required string Title { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public long Length { get; init; }

    public required string Sha256 { get; init; }

    public required string StorageKey { get; init; }

    public DateTimeOffset SharedAt { get; init; }

    public DateTimeOffset? RemovedAt { get; set; }
}
