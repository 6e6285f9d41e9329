using System.IO.Compression;
using System.Net.Http.Headers;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>A zip of Digital Public Goods registry records, as the catalogue's import endpoint takes it.</summary>
public static class DpgArchive
{
    public static ByteArrayContent Of(IEnumerable<(string Name, byte[] Bytes)> files)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(bytes);
            }
        }

        return new ByteArrayContent(buffer.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("application/zip") } };
    }

    /// <summary>The whole registry in <c>../shared/data/dpg-registry</c>.</summary>
    public static ByteArrayContent Registry() => Of(SharedData.DpgRegistryFiles().Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))));
}
