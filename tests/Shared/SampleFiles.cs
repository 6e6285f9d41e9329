using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace NucleusCloud.Tests.Shared;

/// <summary>Small real files of each accepted type, and hostile ones, built in memory for upload tests.</summary>
public static class SampleFiles
{
    /// <summary>A valid PNG (browsers decode it) of one colour.</summary>
    public static byte[] Png(int width = 2, int height = 2, byte red = 0x0b, byte green = 0x53, byte blue = 0x94)
    {
        var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0); // filter: none
            for (var x = 0; x < width; x++)
            {
                raw.Write([red, green, blue]);
            }
        }

        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(zlib);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A PNG whose header claims huge dimensions: a decompression bomb's first bytes.</summary>
    public static byte[] PngHeaderOnly(uint width, uint height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A JPEG's segments up to its frame header (enough for type and size detection).</summary>
    public static byte[] JpegHeader(ushort width, ushort height)
    {
        var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        jpeg.Write([0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
        jpeg.Write([0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
        jpeg.Write([0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    /// <summary>A lossless WebP header (VP8L) with the given dimensions.</summary>
    public static byte[] WebpLosslessHeader(int width, int height)
    {
        var bits = (uint)(width - 1) | ((uint)(height - 1) << 14);
        byte[] payload = [0x2F, (byte)bits, (byte)(bits >> 8), (byte)(bits >> 16), (byte)(bits >> 24), 0, 0, 0];
        var webp = new MemoryStream();
        webp.Write("RIFF"u8);
        webp.Write(BitConverter.GetBytes(4 + 8 + payload.Length));
        webp.Write("WEBPVP8L"u8);
        webp.Write(BitConverter.GetBytes(payload.Length));
        webp.Write(payload);
        return webp.ToArray();
    }

    public static byte[] Pdf() => "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    /// <summary>An OOXML package: "pptx" or "docx", optionally with a macro part; "zip" for a plain archive.</summary>
    public static byte[] Office(string kind, bool withMacros = false)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(text);
            }

            if (kind != "zip")
            {
                Add("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            }

            Add(kind switch { "pptx" => "ppt/presentation.xml", "docx" => "word/document.xml", _ => "readme.txt" }, "<x/>");
            if (withMacros)
            {
                Add(kind == "pptx" ? "ppt/vbaProject.bin" : "word/vbaProject.bin", "macro");
            }
        }

        return buffer.ToArray();
    }

    public static byte[] SvgWithScript() =>
        "\uFEFF<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>"u8.ToArray();

    public static byte[] Html() => "<!doctype html><html><script>alert(1)</script></html>"u8.ToArray();

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
