using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace NucleusCloud.Modules.Abstractions.Storage;

/// <summary>A type the product accepts, recognised from a file's bytes (never from its name or declared type).</summary>
public sealed record DetectedType(string ContentType, string Extension, bool IsImage, int? Width = null, int? Height = null);

/// <summary>
/// Recognises uploads by their content against an allow-list: PNG, JPEG and WebP images (with their
/// pixel dimensions read from the header, so a decompression bomb is refused before anything decodes
/// it), PDF, and PowerPoint and Word documents (OOXML zips, without macros). SVG is refused: it can
/// carry script, and a logo exported as PNG or WebP loses nothing on a web page.
/// </summary>
public static class FileContent
{
    /// <summary>The detected type, or why the file is refused.</summary>
    public static (DetectedType? Type, string? Refusal) Detect(byte[] content)
    {
        var span = content.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Image("image/png", ".png", PngSize(span));
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Image("image/jpeg", ".jpg", JpegSize(span));
        }

        if (span.Length >= 12 && span.StartsWith("RIFF"u8) && span[8..12].SequenceEqual("WEBP"u8))
        {
            return Image("image/webp", ".webp", WebpSize(span));
        }

        if (span.StartsWith("%PDF-"u8))
        {
            return (new DetectedType("application/pdf", ".pdf", false), null);
        }

        if (span.StartsWith("PK\x03\x04"u8))
        {
            return OfficeDocument(content);
        }

        return LooksLikeSvg(span)
            ? (null, "SVG files are not accepted (they can carry script): export the image as PNG or WebP.")
            : (null, "This type of file is not accepted: use PNG, JPEG, WebP, PDF, PowerPoint (.pptx) or Word (.docx).");
    }

    private static (DetectedType?, string?) Image(string contentType, string extension, (int Width, int Height)? size) =>
        size is { Width: > 0, Height: > 0 } s
            ? (new DetectedType(contentType, extension, true, s.Width, s.Height), null)
            : (null, "The image is damaged: its dimensions cannot be read.");

    private static (int, int)? PngSize(ReadOnlySpan<byte> png) =>
        png.Length >= 24 && png[12..16].SequenceEqual("IHDR"u8)
            ? ((int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(png[16..]), int.MaxValue), (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(png[20..]), int.MaxValue))
            : null;

    /// <summary>Walks the JPEG segments to the first start-of-frame, which holds the dimensions.</summary>
    private static (int, int)? JpegSize(ReadOnlySpan<byte> jpeg)
    {
        var at = 2;
        while (at + 4 <= jpeg.Length)
        {
            if (jpeg[at] != 0xFF)
            {
                return null;
            }

            var marker = jpeg[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }

            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at += 2; // markers without a length
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 2)..]);
            var startOfFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (startOfFrame && at + 9 <= jpeg.Length)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 5)..]));
            }

            if (marker is 0xDA or 0xD9 || length < 2)
            {
                return null;
            }

            at += 2 + length;
        }

        return null;
    }

    private static (int, int)? WebpSize(ReadOnlySpan<byte> webp)
    {
        if (webp.Length < 25)
        {
            return null;
        }

        var chunk = Encoding.ASCII.GetString(webp[12..16]);
        return chunk switch
        {
            "VP8 " or "VP8X" when webp.Length < 30 => null,
            "VP8 " => (BinaryPrimitives.ReadUInt16LittleEndian(webp[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(webp[28..]) & 0x3FFF),
            "VP8L" => (1 + (((webp[22] & 0x3F) << 8) | webp[21]), 1 + (((webp[24] & 0x0F) << 10) | (webp[23] << 2) | ((webp[22] & 0xC0) >> 6))),
            "VP8X" => (1 + (webp[24] | (webp[25] << 8) | (webp[26] << 16)), 1 + (webp[27] | (webp[28] << 8) | (webp[29] << 16))),
            _ => null,
        };
    }

    /// <summary>An OOXML package is a zip with a content-types part; which main part it has tells a deck from a document. Nothing is inflated.</summary>
    private static (DetectedType?, string?) OfficeDocument(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!names.Contains("[Content_Types].xml"))
            {
                return (null, "A zip file is accepted only as a PowerPoint (.pptx) or Word (.docx) document.");
            }

            if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                return (null, "Documents with macros are not accepted: save it as .pptx or .docx without macros.");
            }

            if (names.Contains("ppt/presentation.xml"))
            {
                return (new DetectedType("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx", false), null);
            }

            return names.Contains("word/document.xml")
                ? (new DetectedType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", false), null)
                : (null, "A zip file is accepted only as a PowerPoint (.pptx) or Word (.docx) document.");
        }
        catch (InvalidDataException)
        {
            return (null, "The file is damaged: it starts like a zip but cannot be read as one.");
        }
    }

    private static bool LooksLikeSvg(ReadOnlySpan<byte> content)
    {
        var head = Encoding.UTF8.GetString(content[..Math.Min(content.Length, 4_096)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.Contains("<svg", StringComparison.OrdinalIgnoreCase) && (head.StartsWith('<'));
    }
}
