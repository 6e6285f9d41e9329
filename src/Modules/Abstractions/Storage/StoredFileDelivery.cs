using System.Net.Mime;
using Microsoft.AspNetCore.Http;
using NucleusCloud.Modules.Abstractions.Http;

namespace NucleusCloud.Modules.Abstractions.Storage;

/// <summary>A stored file as it is served: where it is, its name, the type detected at upload, and its hash.</summary>
public sealed record StoredFile(string StorageKey, string FileName, string ContentType, string Sha256);

/// <summary>
/// Serves a stored file with the type detected at upload, a Content-Disposition, <c>nosniff</c>, and a
/// sandboxing policy, so nothing uploaded can run as a page of the product even if a browser were asked to render it.
/// </summary>
public static class StoredFileDelivery
{
    public static async Task<IResult> ServeAsync(HttpContext http, IFileStorage storage, StoredFile file, bool inline, string cacheControl, CancellationToken cancellationToken)
    {
        var content = await storage.OpenReadAsync(file.StorageKey, cancellationToken);
        if (content is null)
        {
            return ApiProblems.NotFound("File");
        }

        var headers = http.Response.Headers;
        headers.ContentDisposition = new ContentDisposition { Inline = inline, FileName = file.FileName }.ToString();
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
        headers.CacheControl = cacheControl;
        headers.ETag = $"\"{file.Sha256}\"";
        return Results.Stream(content, file.ContentType);
    }
}
