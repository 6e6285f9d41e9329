using System.Text;
using NucleusCloud.Modules.Abstractions.Outcomes;

namespace NucleusCloud.Modules.Abstractions.Storage;

/// <summary>
/// The rules every uploaded file meets, whichever module keeps it: the type read from the bytes against
/// the allow-list (<see cref="FileContent"/>), images within a pixel budget before anything decodes
/// them, and a download name made of letters, digits and hyphens.
/// </summary>
public static class UploadRules
{
    public const long DefaultMaxPixels = 40_000_000;
    public const int DefaultMaxSide = 16_384;

    /// <summary>The file's type, or why it is refused: a type not accepted (415) or an unusable file (400), both naming <c>file</c>.</summary>
    public static (DetectedType? Type, Refusal? Refusal) Inspect(byte[] content, long maxPixels = DefaultMaxPixels, int maxSide = DefaultMaxSide)
    {
        var (type, refusal) = FileContent.Detect(content);
        if (type is null)
        {
            return (null, Refusal.UnsupportedType("file", refusal!));
        }

        if (type.IsImage && (type.Width > maxSide || type.Height > maxSide || (long)type.Width!.Value * type.Height!.Value > maxPixels))
        {
            return (null, Refusal.Invalid("file", $"The image is {type.Width} × {type.Height} pixels; at most {maxSide} pixels a side and {maxPixels / 1_000_000} megapixels are accepted."));
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
