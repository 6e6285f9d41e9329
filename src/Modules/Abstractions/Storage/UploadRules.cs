using System.Text;
using Microsoft.AspNetCore.Http;
using NucleusCloud.Modules.Abstractions.Http;

namespace NucleusCloud.Modules.Abstractions.Storage;

/// <summary>Why an upload was refused: the type is not accepted (answer 415) or the file is not usable (400).</summary>
public sealed record UploadRefusal(bool UnsupportedType, string Message)
{
    public IResult ToProblem() => UnsupportedType
        ? Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "This type of file is not accepted.", detail: Message,
            type: "https://nucleuscloud.org/problems/unsupported-file")
        : ApiProblems.Validation("file", Message);
}

/// <summary>
/// The rules every uploaded file meets, whichever module keeps it: the type read from the bytes against
/// the allow-list (<see cref="FileContent"/>), images within a pixel budget before anything decodes
/// them, and a download name made of letters, digits and hyphens.
/// </summary>
public static class UploadRules
{
    public const long DefaultMaxPixels = 40_000_000;
    public const int DefaultMaxSide = 16_384;

    public static (DetectedType? Type, UploadRefusal? Refusal) Inspect(byte[] content, long maxPixels = DefaultMaxPixels, int maxSide = DefaultMaxSide)
    {
        var (type, refusal) = FileContent.Detect(content);
        if (type is null)
        {
            return (null, new(true, refusal!));
        }

        if (type.IsImage && (type.Width > maxSide || type.Height > maxSide || (long)type.Width!.Value * type.Height!.Value > maxPixels))
        {
            return (null, new(false, $"The image is {type.Width} × {type.Height} pixels; at most {maxSide} pixels a side and {maxPixels / 1_000_000} megapixels are accepted."));
        }

        return (type, null);
    }

    /// <summary>The uploader's base name as letters, digits and hyphens only (no paths, quotes or control characters), or the fallback's.</summary>
    public static string SafeName(string? fileName, string fallback)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName((fileName ?? "").Replace('\\', '/')));
        var safe = Slug(stem);
        return safe.Length > 0 ? safe : Slug(fallback) is { Length: > 0 } fromFallback ? fromFallback : "file";

        static string Slug(string text)
        {
            var builder = new StringBuilder();
            foreach (var c in text.Normalize(NormalizationForm.FormD))
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
                else if (builder.Length > 0 && builder[^1] != '-' && (c is ' ' or '-' or '_' or '.'))
                {
                    builder.Append('-');
                }
            }

            return builder.ToString().Trim('-') is { Length: > 80 } longName ? longName[..80] : builder.ToString().Trim('-');
        }
    }
}
