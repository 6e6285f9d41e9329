using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace NucleusCloud.Modules.Abstractions.Http;

/// <summary>
/// Reads a request body into memory up to a cap: a body that declares a larger length is refused
/// with 413 before a byte is read; one that turns out larger (chunked) is refused as soon as it passes the cap.
/// </summary>
public static class CappedBody
{
    public static async Task<(MemoryStream? Body, IResult? Problem)> ReadAsync(HttpContext http, long max, string whatToSend, string tooLargeTitle, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > max)
        {
            return (null, TooLarge(tooLargeTitle));
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }

        var body = await ReadCappedAsync(http.Request.Body, max, cancellationToken);
        if (body is null)
        {
            return (null, TooLarge(tooLargeTitle));
        }

        if (body.Length == 0)
        {
            await body.DisposeAsync();
            return (null, ApiProblems.Validation("body", whatToSend));
        }

        return (body, null);
    }

    public static IResult TooLarge(string title) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: title, type: "https://nucleuscloud.org/problems/too-large");

    /// <summary>The stream's content in memory, or null once it passes <paramref name="cap"/> bytes.</summary>
    public static async Task<MemoryStream?> ReadCappedAsync(Stream body, long cap, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        try
        {
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > cap)
                {
                    await buffer.DisposeAsync();
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await buffer.DisposeAsync();
            return null;
        }

        buffer.Position = 0;
        return buffer;
    }
}
