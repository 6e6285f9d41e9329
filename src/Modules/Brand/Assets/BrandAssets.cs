using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Brand.Contracts;
using NucleusCloud.Modules.Brand.Data;

namespace NucleusCloud.Modules.Brand.Assets;

/// <summary>The asset library's operations shared by the API and the brand page.</summary>
internal sealed class BrandAssets(BrandDbContext db, AssetUploads uploads, IValidator<AssetRequest> validator, AuditActor actor, TimeProvider clock) : IBrandAssets
{
    public async Task<IReadOnlyList<AssetDto>> ListAsync(CancellationToken cancellationToken = default)
    {
        var assets = await db.Assets.AsNoTracking().OrderBy(a => a.Title).ThenBy(a => a.Id).Take(500).ToListAsync(cancellationToken);
        var files = (await db.Files.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(f => f.AssetId);
        return [.. assets.Select(a => a.ToDto(files[a.Id].FirstOrDefault(f => f.Number == a.CurrentVersion)))];
    }

    public async Task<(AssetDto? Asset, string? Problem, string? Message)> AddWithFileAsync(AssetUpload upload, byte[] content, string? fileName, bool approve, CancellationToken cancellationToken = default)
    {
        var request = new AssetRequest(upload.Title, upload.Kind, null, upload.Language, upload.UsageRights, null, null, null);
        if ((await validator.ValidateAsync(request, cancellationToken)).Errors.FirstOrDefault() is { } error)
        {
            return (null, "invalid", error.ErrorMessage);
        }

        var now = clock.GetStorableUtcNow();
        var asset = new BrandAsset
        {
            Title = upload.Title.Trim(), Kind = upload.Kind, Language = upload.Language, UsageRights = upload.UsageRights?.Trim() ?? "", CreatedAt = now, UpdatedAt = now,
        };
        db.Assets.Add(asset);
        var (file, refusal) = await uploads.AddVersionAsync(asset, content, fileName, cancellationToken);
        if (refusal is not null)
        {
            db.Assets.Remove(asset);
            return (null, refusal.Kind == RefusalKind.UnsupportedType ? "type" : "image", refusal.Message);
        }

        if (approve)
        {
            Approve(asset, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return (asset.ToDto(file), null, null);
    }

    public async Task<string?> ApproveAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (asset is null)
        {
            return "The asset does not exist.";
        }

        if (asset.CurrentVersion == 0 && asset.Kind != AssetKind.VideoLink)
        {
            return "Upload the asset's file before approving it.";
        }

        Approve(asset, clock.GetStorableUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private void Approve(BrandAsset asset, DateTimeOffset at)
    {
        asset.Status = AssetStatus.Approved;
        asset.ApprovedBy = actor.Id;
        asset.ApprovedAt = at;
        asset.Version++;
    }
}
