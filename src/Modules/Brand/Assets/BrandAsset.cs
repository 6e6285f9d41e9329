using NucleusCloud.Modules.Brand.Contracts;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Brand.Assets;

/// <summary>A logo, brochure, deck, photo, document or video link, with its versions and approval.</summary>
internal sealed class BrandAsset : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public string Title { get; set; } = "";

    public AssetKind Kind { get; set; }

    public List<string> Tags { get; set; } = [];

    /// <summary>ISO 639-1 code of the asset's language, when it has one.</summary>
    public string? Language { get; set; }

    public string UsageRights { get; set; } = "";

    public DateOnly? ExpiresOn { get; set; }

    public AssetStatus Status { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>For <see cref="AssetKind.VideoLink"/>: where the video is (videos are linked, not uploaded).</summary>
    public string? VideoUrl { get; set; }

    /// <summary>0 until a file is uploaded.</summary>
    public int CurrentVersion { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; } = 1;

    public AssetDto ToDto(AssetFile? current) => new(
        Id, Title, Kind, Tags, Language, UsageRights, ExpiresOn, Status, VideoUrl, current?.ToDto(), CreatedAt, UpdatedAt, Version);
}

/// <summary>One uploaded version of an asset's file; the bytes are in <see cref="Abstractions.Storage.IFileStorage"/>.</summary>
internal sealed class AssetFile : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid AssetId { get; init; }

    public int Number { get; init; }

    public required string StorageKey { get; init; }

    /// <summary>As detected from the content, never as declared by the uploader.</summary>
    public required string ContentType { get; init; }

    /// <summary>A safe download name: the uploader's name reduced to letters, digits and hyphens, with the detected extension.</summary>
    public required string FileName { get; init; }

    public long Length { get; init; }

    public required string Sha256 { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    public required string UploadedBy { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    public AssetVersionDto ToDto() => new(Number, ContentType, FileName, Length, Sha256, Width, Height, UploadedAt);
}
