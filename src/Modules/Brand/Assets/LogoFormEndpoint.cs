using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Brand.Contracts;
using NucleusCloud.Modules.Brand.Data;
using NucleusCloud.Modules.Brand.Kit;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Brand.Assets;

/// <summary>
/// <c>POST /{tenant}/brand/logo</c>: the brand page's logo upload (a plain multipart form, so it works
/// without script). The file becomes a new logo asset, approved at once when the uploader may approve,
/// and the kit's logo; the page is told how it went by a short code in its address.
/// </summary>
internal static class LogoFormEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost($"/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/brand/logo", UploadAsync)
            .WithName("UploadLogoForm").ExcludeFromDescription().RequireAuthorization(Permissions.BrandWrite).EvictsShowcase();

    private static async Task<IResult> UploadAsync(HttpContext http, IAntiforgery antiforgery, ITenantContext tenant, BrandDbContext db, AssetUploads uploads,
        IBrandKits kits, AuditActor actor, TimeProvider clock, CancellationToken cancellationToken)
    {
        var page = $"/{tenant.RequiredTenant.Slug}/brand";
        var posted = await FormUpload.ReadAsync(http, antiforgery, uploads.MaxBytes, "file", cancellationToken);
        if (posted.Content is not { } content)
        {
            return Results.Redirect($"{page}?logo={posted.Problem}#logo");
        }

        var now = clock.GetStorableUtcNow();
        var asset = new BrandAsset { Title = "Logo", Kind = AssetKind.Logo, CreatedAt = now, UpdatedAt = now, UsageRights = "Official logo" };
        db.Assets.Add(asset);
        var (_, refusal) = await uploads.AddVersionAsync(asset, content, posted.FileName, cancellationToken);
        if (refusal is not null)
        {
            return Results.Redirect($"{page}?logo={(refusal.UnsupportedType ? "type" : "image")}#logo");
        }

        if (!await http.HasPermissionAsync(Permissions.BrandApprove))
        {
            return Results.Redirect($"{page}?logo=awaiting-approval#logo");
        }

        asset.Status = AssetStatus.Approved;
        asset.ApprovedBy = actor.Id;
        asset.ApprovedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        var kit = await kits.GetAsync(cancellationToken);
        var brandName = kit.Version == 0 ? tenant.RequiredTenant.Name : kit.BrandName;
        var (_, field, _) = await kits.SaveAsync(new BrandKitChange(brandName, kit.Tagline, kit.ValueProposition, kit.Colours, kit.HeadingTypeface, kit.BodyTypeface,
            asset.Id, kit.MonochromeLogoAssetId, kit.IconAssetId, kit.KeyMessages, kit.Version), cancellationToken);
        return Results.Redirect($"{page}?logo={(field is null ? "saved" : "conflict")}#logo");
    }
}
