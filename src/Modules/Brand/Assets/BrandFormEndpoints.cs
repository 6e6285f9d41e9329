using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Brand.Contracts;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Brand.Assets;

/// <summary>
/// The brand page's uploads, as plain multipart forms so they work without script:
/// <c>POST /{tenant}/brand/logo</c> makes the file the kit's logo (approved at once when the uploader
/// may approve); <c>POST /{tenant}/brand/uploads</c> adds an asset to the library. The page is told
/// how it went by a short code in its address.
/// </summary>
internal static class BrandFormEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/brand").ExcludeFromDescription()
            .RequireAuthorization(BrandPermissions.Write).EvictsShowcase();
        group.MapPost("/logo", UploadLogoAsync).WithName("UploadLogoForm");
        group.MapPost("/uploads", UploadAssetAsync).WithName("UploadAssetForm");
    }

    private static async Task<IResult> UploadLogoAsync(HttpContext http, IAntiforgery antiforgery, ITenantContext tenant, IBrandAssets assets, AssetUploads uploads,
        IBrandKits kits, CancellationToken cancellationToken)
    {
        var page = $"/{tenant.RequiredTenant.Slug}/brand";
        var posted = await FormUpload.ReadAsync(http, antiforgery, uploads.MaxBytes, "file", cancellationToken);
        if (posted.Content is not { } content)
        {
            return posted.Forged ? Results.BadRequest() : Results.Redirect($"{page}?logo={posted.Problem}#logo");
        }

        var added = await assets.AddWithFileAsync(new AssetUpload("Logo", AssetKind.Logo, null, "Official logo"), content, posted.FileName, approve: true, cancellationToken);
        if (added.Value is not { } asset)
        {
            return Refused(added.Refusal!, $"{page}?logo={{0}}#logo");
        }

        if (asset.Status != AssetStatus.Approved)
        {
            return Results.Redirect($"{page}?logo=awaiting-approval#logo");
        }

        var kit = await kits.GetAsync(cancellationToken);
        var brandName = kit.Version == 0 ? tenant.RequiredTenant.Name : kit.BrandName;
        var saved = await kits.SaveAsync(new BrandKitChange(brandName, kit.Tagline, kit.ValueProposition, kit.Colours, kit.HeadingTypeface, kit.BodyTypeface,
            asset.Id, kit.MonochromeLogoAssetId, kit.IconAssetId, kit.KeyMessages, kit.Version), cancellationToken);
        return Results.Redirect($"{page}?logo={(saved.Succeeded ? "saved" : "conflict")}#logo");
    }

    private static async Task<IResult> UploadAssetAsync(HttpContext http, IAntiforgery antiforgery, ITenantContext tenant, IBrandAssets assets, AssetUploads uploads, CancellationToken cancellationToken)
    {
        var page = $"/{tenant.RequiredTenant.Slug}/brand";
        var posted = await FormUpload.ReadAsync(http, antiforgery, uploads.MaxBytes, "file", cancellationToken);
        if (posted.Content is not { } content)
        {
            return posted.Forged ? Results.BadRequest() : Results.Redirect($"{page}?asset={posted.Problem}#library");
        }

        var form = posted.Form!;
        var upload = new AssetUpload(form["title"].ToString(), Enum.TryParse<AssetKind>(form["kind"], out var kind) ? kind : (AssetKind)(-1),
            string.IsNullOrWhiteSpace(form["language"]) ? null : form["language"].ToString(), form["usageRights"]);
        var added = await assets.AddWithFileAsync(upload, content, posted.FileName, approve: false, cancellationToken);
        return added.Succeeded ? Results.Redirect($"{page}?asset=saved#library") : Refused(added.Refusal!, $"{page}?asset={{0}}#library");
    }

    /// <summary>Back to the page with a short code it explains; a forbidden act is answered 403, not hidden in a code.</summary>
    private static IResult Refused(Refusal refusal, string pageWithCode) => refusal switch
    {
        { Kind: RefusalKind.Forbidden } => Results.StatusCode(StatusCodes.Status403Forbidden),
        { Kind: RefusalKind.UnsupportedType } => Results.Redirect(string.Format(System.Globalization.CultureInfo.InvariantCulture, pageWithCode, "type")),
        { Kind: RefusalKind.Invalid, Field: "file" } => Results.Redirect(string.Format(System.Globalization.CultureInfo.InvariantCulture, pageWithCode, "image")),
        _ => Results.Redirect(string.Format(System.Globalization.CultureInfo.InvariantCulture, pageWithCode, "invalid")),
    };
}
