using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Export;
using NucleusCloud.Modules.Abstractions.Jobs;
using NucleusCloud.Modules.Abstractions.Storage;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Platform.Export;

/// <summary>
/// Reads an export back into the current tenant, which must hold nothing yet: the manifest's checksums first (a damaged file
/// imports nothing), then every module's own tables with new ids (<see cref="TenantRemap"/>), then the files under the new keys.
/// </summary>
internal sealed class TenantImporter(IEnumerable<ITenantDataSource> sources, IFileStorage storage, ITenantContext tenantContext)
{
    /// <summary>Modules whose rows are not imported: memberships, invitations and keys name people and secrets; the audit log is a chain of its own.</summary>
    public static readonly IReadOnlySet<string> NotImported = new HashSet<string>(StringComparer.Ordinal) { "access", "audit" };

    public async Task<Outcome<TenantImportDto>> ImportAsync(string zipPath, IProgress<(int Done, int Total)> progress, CancellationToken cancellationToken)
    {
        var target = tenantContext.RequiredTenant;
        using var zip = ZipFile.OpenRead(zipPath);
        var (manifest, damaged) = ReadVerified(zip, cancellationToken);
        if (manifest is null)
        {
            return Refusal.Invalid("file", damaged!);
        }

        var importing = sources.Where(s => !NotImported.Contains(s.Module)).ToList();
        foreach (var source in importing)
        {
            await foreach (var table in source.ReadAsync(target.Id, shared: false, cancellationToken))
            {
                if (table.Rows.Count > 0)
                {
                    return Refusal.Conflict($"The tenant already holds data ({table.Module}.{table.Name}); an export is imported only into an empty tenant.");
                }
            }
        }

        var remap = new TenantRemap(manifest.Tenant.Id, target.Id);
        var tablesOf = importing.ToDictionary(s => s.Module, s => Tables(zip, s.Module));
        importing.ForEach(s => s.CollectKeys(tablesOf[s.Module], remap));
        var files = zip.Entries.Where(e => e.FullName.StartsWith("files/", StringComparison.Ordinal)).ToList();
        var (done, total, rows) = (0, importing.Count + files.Count, 0);
        foreach (var source in importing)
        {
            rows += await source.ImportAsync(tablesOf[source.Module], remap, cancellationToken);
            progress.Report((++done, total));
        }

        foreach (var entry in files)
        {
            await using var content = entry.Open();
            await storage.SaveAsync(remap.MapKey(TenantFileKeys.PrefixOf(manifest.Tenant.Id) + entry.FullName["files/".Length..]), content, cancellationToken);
            progress.Report((++done, total));
        }

        return new TenantImportDto(target.Id, manifest.Tenant.Id, rows, files.Count, importing.Select(s => s.Module).ToList());
    }

    private static Dictionary<string, byte[]> Tables(ZipArchive zip, string module)
    {
        var prefix = $"data/{module}/";
        return zip.Entries.Where(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal) && e.FullName.EndsWith(".json", StringComparison.Ordinal))
            .ToDictionary(e => e.FullName[prefix.Length..^".json".Length], Read, StringComparer.Ordinal);
    }

    /// <summary>The manifest when it is one of ours and every entry it names is there with its length and checksum; otherwise why not.</summary>
    private static (TenantExporter.Manifest? Manifest, string? Problem) ReadVerified(ZipArchive zip, CancellationToken cancellationToken)
    {
        if (zip.GetEntry("manifest.json") is not { } entry)
        {
            return (null, "The file is not a tenant export: it has no manifest.json.");
        }

        TenantExporter.Manifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<TenantExporter.Manifest>(Read(entry), TenantData.Json);
        }
        catch (JsonException)
        {
            manifest = null;
        }

        if (manifest is not { Format: TenantExporter.Format, Version: 1 })
        {
            return (null, "The manifest is not that of a NucleusCloud tenant export, version 1.");
        }

        foreach (var named in manifest.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (zip.GetEntry(named.Path) is not { } part || Convert.ToHexStringLower(SHA256.HashData(Read(part))) != named.Sha256)
            {
                return (null, $"The export is damaged: '{named.Path}' is missing or does not match its checksum. Nothing was imported.");
            }
        }

        return (manifest, null);
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>Imports for platform administrators, run in the background in the target tenant's scope.</summary>
internal sealed class TenantImports(TenantJobs<TenantImportDto> jobs, ITenantStore tenants, ICaller caller, Abstractions.Auditing.AuditActor actor,
    Abstractions.Auditing.IAuditTrail audit) : ITenantImports
{
    public async Task<Outcome<JobProgress<TenantImportDto>>> StartAsync(Guid tenantId, string zipPath, CancellationToken cancellationToken = default)
    {
        if (!await caller.IsPlatformAdminAsync(cancellationToken))
        {
            File.Delete(zipPath);
            return Refusal.Forbidden("Only platform administrators, signed in with a second factor, import a tenant's data.");
        }

        if (await tenants.FindByIdAsync(tenantId, cancellationToken) is not { } target)
        {
            File.Delete(zipPath);
            return Refusal.NotFound("Tenant");
        }

        await audit.RecordPlatformAsync("tenant.import-started", target.Id.ToString(), new Dictionary<string, string?> { ["slug"] = target.Slug, ["by"] = actor.Id },
            cancellationToken);
        // The upload is on this machine's disk: the job waits for this machine.
        return jobs.Start<TenantImportJob, string>(target, actor.Id, zipPath, onThisMachine: true);
    }

    public async Task<JobProgress<TenantImportDto>?> FindJobAsync(Guid tenantId, Guid jobId, CancellationToken cancellationToken = default) =>
        await caller.IsPlatformAdminAsync(cancellationToken) ? jobs.Find(tenantId, jobId) : null;
}

/// <summary>
/// A tenant's import as a background job, from the upload on this machine's disk, deleted once the job has run. It is not
/// stopped part-way when the host stops (an import into a tenant that already holds data is refused, so it could not be
/// run again); a host that dies mid-import leaves a partial import that an administrator clears before trying again.
/// </summary>
internal sealed class TenantImportJob(TenantImporter importer) : ITenantJob<string, TenantImportDto>
{
    public async Task<Outcome<TenantImportDto>> RunAsync(string input, IProgress<(int Done, int Total)> progress, CancellationToken cancellationToken)
    {
        try
        {
            return await importer.ImportAsync(input, progress, CancellationToken.None);
        }
        finally
        {
            File.Delete(input);
        }
    }
}
