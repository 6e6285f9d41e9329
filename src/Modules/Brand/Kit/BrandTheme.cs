using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Brand.Assets;
using NucleusCloud.Modules.Brand.Contracts;
using NucleusCloud.Modules.Brand.Data;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Brand.Kit;

/// <summary>The showcase's theme from the brand kit. The logo shows only once approved and while not expired.</summary>
internal sealed class BrandTheme(BrandDbContext db, ITenantContext tenant, TimeProvider clock) : IBrandTheme
{
    public async Task<ShowcaseTheme?> GetAsync(CancellationToken cancellationToken = default)
    {
        var kit = await db.Kits.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (kit is null)
        {
            return null;
        }

        var logo = await PublicLogoAsync(db, kit, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
        var logoUrl = logo is null ? null : $"/{tenant.RequiredTenant.Slug}/showcase/logo?v={logo.Sha256[..12]}";
        return new ShowcaseTheme(kit.BrandName, kit.Tagline, kit.Colours, FontStack(kit.HeadingTypeface), FontStack(kit.BodyTypeface), logoUrl, kit.Version);
    }

    /// <summary>The kit's logo file, if the asset is approved and not expired.</summary>
    public static async Task<AssetFile?> PublicLogoAsync(BrandDbContext db, BrandKit kit, DateOnly today, CancellationToken cancellationToken)
    {
        if (kit.LogoAssetId is not { } id
            || await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.Status == AssetStatus.Approved, cancellationToken) is not { } asset
            || asset.ExpiresOn < today)
        {
            return null;
        }

        return await AssetEndpoints.CurrentFileAsync(db, asset, cancellationToken);
    }

    /// <summary>Installed font stacks only: the showcase loads nothing from third parties.</summary>
    public static string FontStack(BrandTypeface typeface) => typeface switch
    {
        BrandTypeface.Humanist => "Seravek, 'Gill Sans Nova', Ubuntu, Calibri, 'DejaVu Sans', source-sans-pro, sans-serif",
        BrandTypeface.Geometric => "Avenir, Montserrat, Corbel, 'URW Gothic', source-sans-pro, sans-serif",
        BrandTypeface.Serif => "Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, serif",
        BrandTypeface.Monospace => "ui-monospace, 'Cascadia Code', 'Source Code Pro', Menlo, Consolas, 'DejaVu Sans Mono', monospace",
        _ => "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    };
}
