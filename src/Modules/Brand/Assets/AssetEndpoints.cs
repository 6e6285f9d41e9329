using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Abstractions.Storage;
using NucleusCloud.Modules.Brand.Contracts;
using NucleusCloud.Modules.Brand.Data;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Brand.Assets;

/// <summary><c>/api/{tenant}/brand/assets</c>: the asset library, its uploads and downloads, for members.</summary>
internal static class AssetEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/brand/assets").WithTags("Brand: assets").EvictsShowcase();
        group.MapGet("", List).WithName("ListAssets").RequireAuthorization(BrandPermissions.Read).Validate<AssetListQuery>();
        group.MapGet("/{id:guid}", Get).WithName("GetAsset").RequireAuthorization(BrandPermissions.Read);
        group.MapPost("", Create).WithName("CreateAsset").RequireAuthorization(BrandPermissions.Write).Validate<AssetRequest>();
        group.MapPut("/{id:guid}", Update).WithName("UpdateAsset").RequireAuthorization(BrandPermissions.Write).Validate<AssetRequest>();
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteAsset").RequireAuthorization(BrandPermissions.Write);
        group.MapPost("/{id:guid}/approve", Approve).WithName("ApproveAsset").RequireAuthorization(BrandPermissions.Approve);
        group.MapPost("/{id:guid}/retire", Retire).WithName("RetireAsset").RequireAuthorization(BrandPermissions.Approve);
        // Any declared Content-Type is accepted (and ignored): the type is read from the bytes.
        group.MapPost("/{id:guid}/versions", Upload).WithName("UploadAssetVersion").RequireAuthorization(BrandPermissions.Write);
        group.MapGet("/{id:guid}/versions", Versions).WithName("ListAssetVersions").RequireAuthorization(BrandPermissions.Read);
        group.MapGet("/{id:guid}/file", Download).WithName("DownloadAsset").RequireAuthorization(BrandPermissions.Read);
        group.MapGet("/{id:guid}/versions/{number:int}/file", DownloadVersion).WithName("DownloadAssetVersion").RequireAuthorization(BrandPermissions.Read);
    }

    private static async Task<IResult> List([AsParameters] AssetListQuery query, BrandDbContext db, CancellationToken cancellationToken)
    {
        var assets = db.Assets.AsNoTracking();
        if (query.Kind is { } kind)
        {
            assets = assets.Where(a => a.Kind == kind);
        }

        if (query.Status is { } status)
        {
            assets = assets.Where(a => a.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            assets = assets.Where(a => a.Tags.Contains(query.Tag.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = TextMatch.ContainsPattern(query.Q);
#pragma warning disable CA1304, CA1311 // translated to SQL lower(), the same on both providers
            assets = assets.Where(a => EF.Functions.Like(a.Title.ToLower(), pattern, TextMatch.Escape));
#pragma warning restore CA1304, CA1311
        }

        var page = await assets.OrderBy(a => a.Title).ThenBy(a => a.Id).ToPageAsync(query, a => a, cancellationToken);
        var ids = page.Items.Select(a => a.Id).ToList();
        var files = await db.Files.AsNoTracking().Where(f => ids.Contains(f.AssetId)).ToListAsync(cancellationToken);
        var current = files.Where(f => page.Items.Any(a => a.Id == f.AssetId && a.CurrentVersion == f.Number)).ToDictionary(f => f.AssetId);
        return TypedResults.Ok(new PagedResult<AssetDto>([.. page.Items.Select(a => a.ToDto(current.GetValueOrDefault(a.Id)))], page.Total, page.Page, page.PageSize));
    }

    private static async Task<IResult> Get(Guid id, BrandDbContext db, CancellationToken cancellationToken) =>
        await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is { } asset
            ? TypedResults.Ok(asset.ToDto(await CurrentFileAsync(db, asset, cancellationToken)))
            : ApiProblems.NotFound("Asset");

    private static async Task<IResult> Create(AssetRequest request, BrandAssets assets, ITenantContext tenant, CancellationToken cancellationToken) =>
        RefusalProblems.Created(await assets.CreateAsync(request, cancellationToken), asset => $"/api/{tenant.RequiredTenant.Slug}/brand/assets/{asset.Id}");

    private static async Task<IResult> Update(Guid id, AssetRequest request, BrandAssets assets, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await assets.UpdateAsync(id, request, cancellationToken));

    private static async Task<IResult> Delete(Guid id, BrandAssets assets, CancellationToken cancellationToken) =>
        RefusalProblems.NoContent(await assets.DeleteAsync(id, cancellationToken));

    private static async Task<IResult> Approve(Guid id, BrandAssets assets, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await assets.ApproveAsync(id, cancellationToken));

    private static async Task<IResult> Retire(Guid id, BrandAssets assets, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await assets.RetireAsync(id, cancellationToken));

    /// <summary>The body is the file itself; its type is read from its bytes. Over the cap: 413, from the declared length before reading.</summary>
    private static async Task<IResult> Upload(Guid id, string? fileName, HttpContext http, BrandAssets assets, AssetUploads uploads, CancellationToken cancellationToken)
    {
        var max = uploads.MaxBytes;
        var (body, problem) = await CappedBody.ReadAsync(http, max, "Send the file as the request body.", $"A file is at most {max / (1024 * 1024)} MB.", cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        using var _ = body;
        var uploaded = await assets.UploadVersionAsync(id, body.ToArray(), fileName, cancellationToken);
        return uploaded.Value is { } file
            ? TypedResults.Created($"/api/{http.GetRouteValue("tenant")}/brand/assets/{id}/versions/{file.Number}/file", file.ToDto())
            : RefusalProblems.Problem(uploaded.Refusal!);
    }

    private static async Task<IResult> Versions(Guid id, BrandDbContext db, CancellationToken cancellationToken) =>
        !await db.Assets.AnyAsync(a => a.Id == id, cancellationToken)
            ? ApiProblems.NotFound("Asset")
            : TypedResults.Ok((await db.Files.AsNoTracking().Where(f => f.AssetId == id).OrderByDescending(f => f.Number).ToListAsync(cancellationToken)).Select(f => f.ToDto()).ToList());

    private static async Task<IResult> Download(Guid id, HttpContext http, BrandDbContext db, IFileStorage storage, CancellationToken cancellationToken) =>
        await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is { } asset && await CurrentFileAsync(db, asset, cancellationToken) is { } file
            ? await AssetDelivery.ServeAsync(http, storage, file, inline: false, "private, no-store", cancellationToken)
            : ApiProblems.NotFound("File");

    private static async Task<IResult> DownloadVersion(Guid id, int number, HttpContext http, BrandDbContext db, IFileStorage storage, CancellationToken cancellationToken) =>
        await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.AssetId == id && f.Number == number, cancellationToken) is { } file
            ? await AssetDelivery.ServeAsync(http, storage, file, inline: false, "private, no-store", cancellationToken)
            : ApiProblems.NotFound("File");

    internal static Task<AssetFile?> CurrentFileAsync(BrandDbContext db, BrandAsset asset, CancellationToken cancellationToken) =>
        db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.AssetId == asset.Id && f.Number == asset.CurrentVersion, cancellationToken);
}
