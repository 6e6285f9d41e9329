using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Abstractions.Storage;
using NucleusCloud.Modules.Brand.Contracts;
using NucleusCloud.Modules.Brand.Data;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Brand.Assets;

/// <summary>The asset library's writes, for the API and the brand page alike: each checks the caller's right, then the rules.</summary>
internal sealed class BrandAssets(BrandDbContext db, AssetUploads uploads, IFileStorage storage, IValidator<AssetRequest> validator, ICaller caller, AuditActor actor,
    TimeProvider clock) : IBrandAssets
{
    private static readonly Refusal MayNotWrite = Refusal.Forbidden("Only the tenant's brand editors change its asset library.");
    private static readonly Refusal MayNotApprove = Refusal.Forbidden("Only the tenant's brand approvers approve or retire assets.");
    private static readonly Refusal NoAsset = Refusal.NotFound("Asset");

    public async Task<IReadOnlyList<AssetDto>> ListAsync(CancellationToken cancellationToken = default)
    {
        var assets = await db.Assets.AsNoTracking().OrderBy(a => a.Title).ThenBy(a => a.Id).Take(500).ToListAsync(cancellationToken);
        var files = (await db.Files.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(f => f.AssetId);
        return [.. assets.Select(a => a.ToDto(files[a.Id].FirstOrDefault(f => f.Number == a.CurrentVersion)))];
    }

    public async Task<Outcome<AssetDto>> CreateAsync(AssetRequest request, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(BrandPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        if (await InvalidAsync(request, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetStorableUtcNow();
        var asset = new BrandAsset { CreatedAt = now, UpdatedAt = now };
        Apply(asset, request);
        db.Assets.Add(asset);
        await db.SaveChangesAsync(cancellationToken);
        return asset.ToDto(null);
    }

    public async Task<Outcome<AssetDto>> UpdateAsync(Guid id, AssetRequest request, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(BrandPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        if (await InvalidAsync(request, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (asset is null)
        {
            return NoAsset;
        }

        if (request.Version is { } version && version != asset.Version)
        {
            return Refusal.Stale("asset", asset.Version, version);
        }

        if (request.Kind != asset.Kind && asset.CurrentVersion > 0)
        {
            return Refusal.Invalid("kind", "An asset with uploaded files keeps its kind; create a new asset instead.");
        }

        Apply(asset, request);
        asset.UpdatedAt = clock.GetStorableUtcNow();
        asset.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return asset.ToDto(await CurrentFileAsync(asset, cancellationToken));
    }

    /// <summary>Removes the asset, its versions' rows and their files; the brand kit stops using it.</summary>
    public async Task<Outcome<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(BrandPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (asset is null)
        {
            return NoAsset;
        }

        var keys = await db.Files.Where(f => f.AssetId == id).Select(f => f.StorageKey).ToListAsync(cancellationToken);
        if (await db.Kits.FirstOrDefaultAsync(cancellationToken) is { } kit)
        {
            kit.LogoAssetId = kit.LogoAssetId == id ? null : kit.LogoAssetId;
            kit.MonochromeLogoAssetId = kit.MonochromeLogoAssetId == id ? null : kit.MonochromeLogoAssetId;
            kit.IconAssetId = kit.IconAssetId == id ? null : kit.IconAssetId;
        }

        db.Assets.Remove(asset);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var key in keys)
        {
            await storage.DeleteAsync(key, CancellationToken.None);
        }

        return true;
    }

    /// <summary>The asset's next version from an uploaded file (type read from the bytes).</summary>
    public async Task<Outcome<AssetFile>> UploadVersionAsync(Guid id, byte[] content, string? fileName, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(BrandPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        if (await db.Assets.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } asset)
        {
            return NoAsset;
        }

        var (file, refusal) = await uploads.AddVersionAsync(asset, content, fileName, cancellationToken);
        return refusal is not null ? refusal : file!;
    }

    public async Task<Outcome<AssetDto>> AddWithFileAsync(AssetUpload upload, byte[] content, string? fileName, bool approve, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(BrandPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        var request = new AssetRequest(upload.Title, upload.Kind, null, upload.Language, upload.UsageRights, null, null, null);
        if (await InvalidAsync(request, cancellationToken) is { } invalid)
        {
            return invalid;
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
            return refusal;
        }

        if (approve && await caller.MayAsync(BrandPermissions.Approve, cancellationToken))
        {
            Approve(asset, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return asset.ToDto(file);
    }

    public async Task<Outcome<AssetDto>> ApproveAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(BrandPermissions.Approve, cancellationToken))
        {
            return MayNotApprove;
        }

        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (asset is null)
        {
            return NoAsset;
        }

        if (asset.CurrentVersion == 0 && asset.Kind != AssetKind.VideoLink)
        {
            return Refusal.Conflict("Upload the asset's file before approving it.");
        }

        Approve(asset, clock.GetStorableUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return asset.ToDto(await CurrentFileAsync(asset, cancellationToken));
    }

    public async Task<Outcome<AssetDto>> RetireAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(BrandPermissions.Approve, cancellationToken))
        {
            return MayNotApprove;
        }

        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (asset is null)
        {
            return NoAsset;
        }

        asset.Status = AssetStatus.Retired;
        asset.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return asset.ToDto(await CurrentFileAsync(asset, cancellationToken));
    }

    private Task<AssetFile?> CurrentFileAsync(BrandAsset asset, CancellationToken cancellationToken) => AssetEndpoints.CurrentFileAsync(db, asset, cancellationToken);

    private async Task<Refusal?> InvalidAsync(AssetRequest request, CancellationToken cancellationToken) =>
        (await validator.ValidateAsync(request, cancellationToken)).Errors.FirstOrDefault() is { } error
            ? Refusal.Invalid(ApiProblems.FieldName(error.PropertyName), error.ErrorMessage)
            : null;

    private void Approve(BrandAsset asset, DateTimeOffset at)
    {
        asset.Status = AssetStatus.Approved;
        asset.ApprovedBy = actor.Id;
        asset.ApprovedAt = at;
        asset.Version++;
    }

    private static void Apply(BrandAsset asset, AssetRequest request)
    {
        asset.Title = request.Title!.Trim();
        asset.Kind = request.Kind!.Value;
        asset.Tags = request.Tags is { } tags ? [.. tags.Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)] : asset.Tags;
        asset.Language = request.Language;
        asset.UsageRights = request.UsageRights?.Trim() ?? "";
        asset.ExpiresOn = request.ExpiresOn;
        asset.VideoUrl = string.IsNullOrWhiteSpace(request.VideoUrl) ? null : request.VideoUrl.Trim();
    }
}
