using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace NucleusCloud.Modules.Abstractions.Http;

/// <summary>A file posted by a page's plain multipart form, or why not ("too-large", "missing", "forged").</summary>
public sealed record PostedFile(byte[]? Content, string? FileName, IFormCollection? Form, string? Problem)
{
    /// <summary>The post is not the page's form — without its antiforgery token (or with another's), or no readable form at all: answer 400.</summary>
    public bool Forged => Problem == FormUpload.Forged;
}

/// <summary>
/// Reads one file from a page's multipart form: a body declaring more than the cap (plus room for the
/// other fields) is refused before it is read, the antiforgery token is checked (a form without it is
/// <see cref="PostedFile.Forged"/>, nothing read), and the file is read whole into memory (uploads are capped in megabytes).
/// </summary>
public static class FormUpload
{
    internal const string Forged = "forged";
    private const long OtherFields = 64 * 1024;

    public static async Task<PostedFile> ReadAsync(HttpContext http, IAntiforgery antiforgery, long maxFileBytes, string field, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > maxFileBytes + OtherFields)
        {
            return new(null, null, null, "too-large");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxFileBytes + OtherFields;
        }

        // A body that is no form (XML, as wapiti's xxe module sends) would make the form reader throw: refused like a forgery.
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return new(null, null, null, Forged);
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return new(null, null, null, Forged); // a multipart body that cannot be read (broken boundaries, sections past their limits)
        }

        if (form.Files.GetFile(field) is not { Length: > 0 } file)
        {
            return new(null, null, form, "missing");
        }

        if (file.Length > maxFileBytes)
        {
            return new(null, null, form, "too-large");
        }

        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return new(buffer.ToArray(), file.FileName, form, null);
    }
}
