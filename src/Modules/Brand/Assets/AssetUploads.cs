using NucleusCloud.Modules.Abstractions.Plans;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Abstractions.Storage;
using NucleusCloud.Modules.Brand.Contracts;
using NucleusCloud.Modules.Brand.Data;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Brand.Assets;

/// <summary>
/// Checks an uploaded file and stores it as the asset's next version: type from the content against
/// the allow-list, image dimensions against the pixel budget, then the bytes to storage and the row
/// to the database. A file whose row cannot be saved is removed again.
/// </summary>
internal sealed class AssetUploads(BrandDbContext db, IFileStorage storage, ITenantContext tenant, AuditActor actor, IPlanLimits plan, TimeProvider clock, IConfiguration configuration)
{
    public const string MaxBytesKey = "Brand:Uploads:MaxBytes";
    public const long DefaultMaxBytes = 25 * 1024 * 1024;

    public long MaxBytes => configuration.GetValue(MaxBytesKey, DefaultMaxBytes);

    private long MaxPixels => configuration.GetValue("Brand:Uploads:MaxPixels", UploadRules.DefaultMaxPixels);

    private int MaxSide => configuration.GetValue("Brand:Uploads:MaxSide", UploadRules.DefaultMaxSide);

    public async Task<(AssetFile? File, Refusal? Refusal)> AddVersionAsync(BrandAsset asset, byte[] content, string? fileName, CancellationToken cancellationToken)
    {
        if (asset.Kind == AssetKind.VideoLink)
        {
            return (null, Refusal.Invalid("file", "A video link has no file: set its videoUrl instead."));
        }

        var (type, refusal) = UploadRules.Inspect(content, MaxPixels, MaxSide);
        if (type is null)
        {
            return (null, refusal);
        }

        if (asset.Kind is AssetKind.Logo or AssetKind.Photo && !type.IsImage)
        {
            return (null, Refusal.UnsupportedType("file", "A logo or photo must be a PNG, JPEG or WebP image."));
        }

        if (await plan.RefuseBeyondAsync(Quota.StorageBytes, content.LongLength, cancellationToken) is { } overQuota)
        {
            return (null, overQuota);
        }

        var number = asset.CurrentVersion + 1;
        var file = new AssetFile
        {
            AssetId = asset.Id,
            Number = number,
            // The scope's tenant, not the asset's: a new asset has no tenant id until it is saved.
            StorageKey = TenantFileKeys.For(tenant.RequiredTenant.Id, "brand", asset.Id, number),
            ContentType = type.ContentType,
            FileName = UploadRules.SafeName(fileName, asset.Title) + type.Extension,
            Length = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Width = type.Width,
            Height = type.Height,
            UploadedBy = actor.Id,
            UploadedAt = clock.GetStorableUtcNow(),
        };
        await storage.SaveAsync(file.StorageKey, new MemoryStream(content, writable: false), cancellationToken);
        asset.CurrentVersion = number;
        asset.UpdatedAt = file.UploadedAt;
        asset.Version++;
        // A new file needs approval again: what was approved was the previous one.
        asset.Status = AssetStatus.Draft;
        asset.ApprovedAt = null;
        asset.ApprovedBy = null;
        db.Files.Add(file);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await storage.DeleteAsync(file.StorageKey, CancellationToken.None);
            throw;
        }

        return (file, null);
    }
}
