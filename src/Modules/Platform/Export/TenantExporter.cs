using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Export;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Abstractions.Storage;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Modules.Platform.Data;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Platform.Export;

/// <summary>
/// Writes all of the current tenant's data as one zip: <c>data/{module}/{table}.json</c> from every module's
/// <see cref="ITenantDataSource"/>, <c>files/…</c> from the file storage under the tenant's prefix (earlier exports aside), and
/// <c>manifest.json</c> last, naming every entry with its length and SHA-256. The zip is kept in the file storage under the
/// tenant's prefix, and recorded with its own checksum.
/// </summary>
internal sealed class TenantExporter(IEnumerable<ITenantDataSource> sources, ITenantScopeFactory scopes, IFileStorage storage, ITenantContext tenantContext, PlatformDbContext db,
    AuditActor actor, TimeProvider clock)
{
    public const string Format = "nucleuscloud-tenant-export";

    public async Task<Outcome<TenantExportDto>> ExportAsync(IProgress<(int Done, int Total)> progress, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.RequiredTenant;
        var id = Guid.CreateVersion7();
        var tables = new List<TenantTable>();
        foreach (var source in sources)
        {
            await foreach (var table in source.ReadAsync(tenant.Id, shared: false, cancellationToken))
            {
                tables.Add(table);
            }
        }

        // Its share of the exchange's shared tables, read as the system: as the tenant, row-level security would hide its rows in spaces it has left.
        await using (var system = scopes.CreatePlatformScope())
        {
            foreach (var source in system.ServiceProvider.GetServices<ITenantDataSource>())
            {
                await foreach (var table in source.ReadAsync(tenant.Id, shared: true, cancellationToken))
                {
                    tables.Add(table);
                }
            }
        }

        var tenantPrefix = TenantFileKeys.PrefixOf(tenant.Id);
        var exportsPrefix = $"{tenantPrefix}{ExportsFolder}/";
        var files = new List<string>();
        await foreach (var key in storage.ListAsync(tenantPrefix, cancellationToken))
        {
            if (!key.StartsWith(exportsPrefix, StringComparison.Ordinal))
            {
                files.Add(key);
            }
        }

        var total = tables.Count + files.Count + 1;
        var entries = new List<ManifestEntry>();
        var zipPath = Path.Combine(Path.GetTempPath(), $"nucleus-export-{id:N}.zip");
        try
        {
            await using (var zipFile = new FileStream(zipPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81_920, useAsync: true))
            using (var zip = new ZipArchive(zipFile, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var table in tables)
                {
                    var bytes = JsonSerializer.SerializeToUtf8Bytes(table.Rows, TenantData.Json);
                    entries.Add(await AddAsync(zip, $"data/{table.Module}/{table.Name}.json", new MemoryStream(bytes), cancellationToken) with { Rows = table.Rows.Count });
                    progress.Report((entries.Count, total));
                }

                foreach (var key in files)
                {
                    await using var content = await storage.OpenReadAsync(key, cancellationToken) ?? Stream.Null;
                    entries.Add(await AddAsync(zip, $"files/{key[tenantPrefix.Length..]}", content, cancellationToken));
                    progress.Report((entries.Count, total));
                }

                var manifest = new Manifest(Format, 1, new ManifestTenant(tenant.Id, tenant.Slug, tenant.Name, tenant.Kind, tenant.CountryCode, tenant.Plan, tenant.DataPlacement),
                    clock.GetUtcNow(), entries);
                await AddAsync(zip, "manifest.json", new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest, TenantData.Json)), cancellationToken);
            }

            string sha;
            long length;
            await using (var zipFile = File.OpenRead(zipPath))
            {
                sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(zipFile, cancellationToken));
                length = zipFile.Length;
                zipFile.Position = 0;
                var storageKey = TenantFileKeys.For(tenant.Id, ExportsFolder, id);
                await storage.SaveAsync(storageKey, zipFile, cancellationToken);
                var record = new TenantExportRecord
                {
                    Id = id, TenantId = tenant.Id, StorageKey = storageKey, Bytes = length, Sha256 = sha, Tables = tables.Count, Rows = tables.Sum(t => t.Rows.Count),
                    Files = files.Count, RequestedBy = actor.Id, CreatedAt = clock.GetStorableUtcNow(),
                };
                db.Exports.Add(record);
                await db.SaveChangesAsync(cancellationToken);
                progress.Report((total, total));
                return record.ToDto();
            }
        }
        finally
        {
            File.Delete(zipPath);
        }
    }

    public const string ExportsFolder = "exports";

    private static async Task<ManifestEntry> AddAsync(ZipArchive zip, string path, Stream content, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        await using var target = entry.Open();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81_920];
        long length = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            length += read;
        }

        return new ManifestEntry(path, length, Convert.ToHexStringLower(hash.GetHashAndReset()), null);
    }

    internal sealed record Manifest(string Format, int Version, ManifestTenant Tenant, DateTimeOffset CreatedAt, IReadOnlyList<ManifestEntry> Entries);

    internal sealed record ManifestTenant(Guid Id, string Slug, string Name, TenantKind Kind, string CountryCode, string Plan, DataPlacement DataPlacement);

    internal sealed record ManifestEntry(string Path, long Bytes, string Sha256, int? Rows);
}
