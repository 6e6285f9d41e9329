using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Brand.Contracts;
using NucleusCloud.Modules.Brand.Data;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Brand.Kit;

/// <summary>Reads and saves the tenant's brand kit, for the API and the brand page alike.</summary>
internal sealed class BrandKits(BrandDbContext db, IValidator<BrandKitChange> validator, ICaller caller, TimeProvider clock) : IBrandKits
{
    public async Task<BrandKitDto> GetAsync(CancellationToken cancellationToken = default) =>
        (await db.Kits.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new BrandKit { Version = 0 }).ToDto();

    public async Task<Outcome<BrandKitDto>> SaveAsync(BrandKitChange change, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(BrandPermissions.Write, cancellationToken))
        {
            return Refusal.Forbidden("Only the tenant's brand editors change its brand kit.");
        }

        if ((await validator.ValidateAsync(change, cancellationToken)).Errors.FirstOrDefault() is { } error)
        {
            return Refusal.Invalid(ApiProblems.FieldName(error.PropertyName), error.ErrorMessage);
        }

        var kit = await db.Kits.FirstOrDefaultAsync(cancellationToken);
        var current = kit?.Version ?? 0;
        if (change.Version is { } version && version != current)
        {
            return Refusal.Stale("brand kit", current, version);
        }

        foreach (var (field, id) in new[] { ("logoAssetId", change.LogoAssetId), ("monochromeLogoAssetId", change.MonochromeLogoAssetId), ("iconAssetId", change.IconAssetId) })
        {
            if (id is { } assetId && !await db.Assets.AnyAsync(a => a.Id == assetId && a.Kind == AssetKind.Logo, cancellationToken))
            {
                return Refusal.Invalid(field, "No logo asset has this id.");
            }
        }

        if (kit is null)
        {
            kit = new BrandKit();
            db.Kits.Add(kit);
        }
        else
        {
            kit.Version++;
        }

        Apply(kit, change);
        kit.UpdatedAt = clock.GetStorableUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else saved the kit (or created it) since it was read.
            return Refusal.ChangedMeanwhile("brand kit");
        }

        return kit.ToDto();
    }

    private static void Apply(BrandKit kit, BrandKitChange change)
    {
        kit.BrandName = change.BrandName!.Trim();
        kit.Tagline = change.Tagline?.Trim() ?? "";
        kit.ValueProposition = change.ValueProposition?.Trim() ?? "";
        var colours = change.Colours ?? kit.Colours;
        (kit.PrimaryColour, kit.AccentColour, kit.TextColour, kit.BackgroundColour) =
            (colours.Primary.ToLowerInvariant(), colours.Accent.ToLowerInvariant(), colours.Text.ToLowerInvariant(), colours.Background.ToLowerInvariant());
        kit.HeadingTypeface = change.HeadingTypeface ?? kit.HeadingTypeface;
        kit.BodyTypeface = change.BodyTypeface ?? kit.BodyTypeface;
        (kit.LogoAssetId, kit.MonochromeLogoAssetId, kit.IconAssetId) = (change.LogoAssetId, change.MonochromeLogoAssetId, change.IconAssetId);
        kit.KeyMessages = change.KeyMessages is { } messages
            ? [.. messages.Select(m => new KeyMessage { Aim = m.Aim, Audience = m.Audience.Trim(), Text = m.Text.Trim() })]
            : kit.KeyMessages;
    }
}
