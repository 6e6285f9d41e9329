namespace NucleusCloud.Modules.Brand.Contracts;

/// <summary>The aims a key message serves (PRODUCT.md: collaboration, diplomacy, export).</summary>
public enum BrandAim
{
    Collaboration,
    Diplomacy,
    Export,
}

/// <summary>Font stacks the showcase can use without loading anything from a third party.</summary>
public enum BrandTypeface
{
    SystemSans,
    Humanist,
    Geometric,
    Serif,
    Monospace,
}

public enum AssetKind
{
    Logo,
    Brochure,
    SlideDeck,
    Photo,
    VideoLink,
    Document,
}

public enum AssetStatus
{
    Draft,
    Approved,
    Retired,
}

public sealed record KeyMessageDto(BrandAim Aim, string Audience, string Text);

public sealed record BrandColours(string Primary, string Accent, string Text, string Background);

public sealed record BrandKitDto(
    string BrandName,
    string Tagline,
    string ValueProposition,
    BrandColours Colours,
    BrandTypeface HeadingTypeface,
    BrandTypeface BodyTypeface,
    Guid? LogoAssetId,
    Guid? MonochromeLogoAssetId,
    Guid? IconAssetId,
    IReadOnlyList<KeyMessageDto> KeyMessages,
    DateTimeOffset? UpdatedAt,
    int Version);

public sealed record AssetVersionDto(int Number, string ContentType, string FileName, long Length, string Sha256, int? Width, int? Height, DateTimeOffset UploadedAt);

public sealed record AssetDto(
    Guid Id,
    string Title,
    AssetKind Kind,
    IReadOnlyList<string> Tags,
    string? Language,
    string UsageRights,
    DateOnly? ExpiresOn,
    AssetStatus Status,
    string? VideoUrl,
    AssetVersionDto? Current,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version);

/// <summary>What the public showcase needs to wear the tenant's brand; colours are always <c>#rrggbb</c>.</summary>
public sealed record ShowcaseTheme(string BrandName, string Tagline, BrandColours Colours, string HeadingFontStack, string BodyFontStack, string? LogoUrl, int Version);

/// <summary>A brand kit as its editors write it (a full replacement; version 0 creates it).</summary>
public sealed record BrandKitChange(
    string? BrandName,
    string? Tagline,
    string? ValueProposition,
    BrandColours? Colours,
    BrandTypeface? HeadingTypeface,
    BrandTypeface? BodyTypeface,
    Guid? LogoAssetId,
    Guid? MonochromeLogoAssetId,
    Guid? IconAssetId,
    IReadOnlyList<KeyMessageDto>? KeyMessages,
    int? Version);
/// <summary>The brand kit for the members' pages (the REST API offers the same).</summary>
public interface IBrandKits
{
    Task<BrandKitDto> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Saves after checking the caller's right (brand.write) and the fields; someone else's change meanwhile is a conflict.</summary>
    Task<Outcome<BrandKitDto>> SaveAsync(BrandKitChange change, CancellationToken cancellationToken = default);
}

public interface IBrandTheme
{
    /// <summary>The current tenant's theme; null when it has no brand kit yet (the showcase then wears the product's own look).</summary>
    Task<ShowcaseTheme?> GetAsync(CancellationToken cancellationToken = default);
}

/// <summary>A new asset's description, for an upload from the brand page.</summary>
public sealed record AssetUpload(string Title, AssetKind Kind, string? Language, string? UsageRights);

/// <summary>The asset library for the brand page (the REST API offers the same and more); each change checks the caller's right.</summary>
public interface IBrandAssets
{
    Task<IReadOnlyList<AssetDto>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the asset with its first file (brand.write), approved at once when <paramref name="approve"/>
    /// and the caller may approve; nothing is kept when the file is refused (an unsupported type, a damaged
    /// or too large image, or an invalid description).
    /// </summary>
    Task<Outcome<AssetDto>> AddWithFileAsync(AssetUpload upload, byte[] content, string? fileName, bool approve, CancellationToken cancellationToken = default);

    /// <summary>Approves an asset for use (brand.approve).</summary>
    Task<Outcome<AssetDto>> ApproveAsync(Guid id, CancellationToken cancellationToken = default);
}
