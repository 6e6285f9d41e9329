using Microsoft.AspNetCore.Http;
using NucleusCloud.Modules.Abstractions.Storage;

namespace NucleusCloud.Modules.Brand.Assets;

/// <summary>Serves an asset's file by the shared delivery rules (<see cref="StoredFileDelivery"/>).</summary>
internal static class AssetDelivery
{
    public static Task<IResult> ServeAsync(HttpContext http, IFileStorage storage, AssetFile file, bool inline, string cacheControl, CancellationToken cancellationToken) =>
        StoredFileDelivery.ServeAsync(http, storage, new StoredFile(file.StorageKey, file.FileName, file.ContentType, file.Sha256), inline, cacheControl, cancellationToken);
}
