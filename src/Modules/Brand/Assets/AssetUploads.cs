using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Abstractions.Storage;
using NucleusCloud.Modules.Brand.Contracts;
using NucleusCloud.Modules.Brand.Data;

namespace NucleusCloud.Modules.Brand.Assets;

/// <summary>Why an upload was refused: the type is not accepted (415) or the file is not usable (400).</summary>
internal sealed record UploadRefusal(bool UnsupportedType, string Message);

/// <summary>
/// Checks an uploaded file and stores it as the asset's next version: type from the content against
/// the allow-list, image dimensions against the pixel budget, then the bytes to storage and the row
/// to the database. A file whose row cannot be saved is removed again.
/// </summary>
internal sealed class AssetUploads(BrandDbContext db, IFileStorage storage, AuditActor actor, TimeProvider clock, IConfiguration configuration)
{
    public const string MaxBytesKey = "Brand:Uploads:MaxBytes";
    public const long DefaultMaxBytes = 25 * 1024 * 1024;

    public long MaxBytes => configuration.GetValue(MaxBytesKey, DefaultMaxBytes);

    private long MaxPixels => configuration.GetValue("Brand:Uploads:MaxPixels", 40_000_000L);

    private int MaxSide => configuration.GetValue("Brand:Uploads:MaxSide", 16_384);

    public async Task<(AssetFile? File, UploadRefusal? Refusal)> AddVersionAsync(BrandAsset asset, byte[] content, string? fileName, CancellationToken cancellationToken)
    {
        if (asset.Kind == AssetKind.VideoLink)
        {
            return (null, new(false, "A video link has no file: set its videoUrl instead."));
        }

        var (type, refusal) = FileContent.Detect(content);
        if (type is null)
        {
            return (null, new(true, refusal!));
        }

        if (type.IsImage && (type.Width > MaxSide || type.Height > MaxSide || (long)type.Width!.Value * type.Height!.Value > MaxPixels))
        {
            return (null, new(false, $"The image is {type.Width} × {type.Height} pixels; at most {MaxSide} pixels a side and {MaxPixels / 1_000_000} megapixels are accepted."));
        }

        if (asset.Kind is AssetKind.Logo or AssetKind.Photo && !type.IsImage)
        {
            return (null, new(true, "A logo or photo must be a PNG, JPEG or WebP image."));
        }

        var number = asset.CurrentVersion + 1;
        var file = new AssetFile
        {
            AssetId = asset.Id,
            Number = number,
            StorageKey = $"brand/{asset.TenantId:N}/{asset.Id:N}/{number}",
            ContentType = type.ContentType,
            FileName = SafeName(fileName, asset.Title) + type.Extension,
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

    /// <summary>The uploader's base name as letters, digits and hyphens only (no paths, quotes or control characters), or the title's.</summary>
    internal static string SafeName(string? fileName, string title)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName((fileName ?? "").Replace('\\', '/')));
        var safe = Slug(stem);
        return safe.Length > 0 ? safe : Slug(title) is { Length: > 0 } fromTitle ? fromTitle : "file";

        static string Slug(string text)
        {
            var builder = new StringBuilder();
            foreach (var c in text.Normalize(NormalizationForm.FormD))
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
                else if (builder.Length > 0 && builder[^1] != '-' && (c is ' ' or '-' or '_' or '.'))
                {
                    builder.Append('-');
                }
            }

            return builder.ToString().Trim('-') is { Length: > 80 } longName ? longName[..80] : builder.ToString().Trim('-');
        }
    }
}
