using NucleusCloud.Modules.Abstractions.Plans;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Modules.Catalogue.Solutions;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Catalogue.Import;

/// <summary>
/// Imports Digital Public Goods Standard records: one record, an array of records, or a zip of
/// <c>.json</c> files. Each record is saved on its own (with its history line), so a bad record
/// is reported and never half-written, and the good ones around it still land. A record already
/// imported (same registry key) is updated, not duplicated.
/// </summary>
internal sealed class DpgImporter(CatalogueDbContext db, SolutionHistory history, ICaller caller, IPlanLimits plan, TimeProvider clock)
{
    public const string PublishNeedsPublisher = "Publishing on import needs the publisher's right; import as drafts and submit them for review.";

    public const int MaxRecords = 5_000;
    public const int MaxZipEntries = 2_000;
    public const long MaxEntryBytes = 5L * 1024 * 1024;
    public const long MaxUnpackedBytes = 200L * 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64, AllowTrailingCommas = false };

    /// <summary>Reports each record; <paramref name="progress"/> hears (done, total) after each one.</summary>
    public async Task<Outcome<ImportReport>> ImportAsync(MemoryStream body, bool isZip, SolutionStatus newStatus, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(CataloguePermissions.Write, cancellationToken))
        {
            return Refusal.Forbidden("Only the tenant's editors and administrators import into its catalogue.");
        }

        if (newStatus == SolutionStatus.Published && !await caller.MayAsync(CataloguePermissions.Publish, cancellationToken))
        {
            return Refusal.Invalid("publish", PublishNeedsPublisher);
        }

        if (await plan.RefuseUnlessAsync(PlanFeatures.BulkImports, cancellationToken) is { } notInPlan)
        {
            return notInPlan;
        }

        var results = new List<ImportedRecord>();
        var records = new List<(string Source, JsonElement Record)>();
        var documents = new List<JsonDocument>();
        try
        {
            foreach (var (source, bytes) in isZip ? await UnzipAsync(body, results, cancellationToken) : [("(body)", body.ToArray())])
            {
                if (Parse(source, bytes, results) is { } document)
                {
                    documents.Add(document);
                    Collect(source, document.RootElement, records, results);
                }
            }

            if (records.Count > MaxRecords)
            {
                results.Add(new ImportedRecord(null, "failed", [$"An import holds at most {MaxRecords} records; this one holds {records.Count}. Split it."]));
                records.Clear();
            }

            var done = 0;
            foreach (var (source, record) in records)
            {
                results.Add(await ImportOneAsync(source, record, newStatus, cancellationToken));
                progress?.Report((++done, records.Count));
            }
        }
        finally
        {
            documents.ForEach(d => d.Dispose());
        }

        return ImportReports.Of(results);
    }

    private async Task<ImportedRecord> ImportOneAsync(string source, JsonElement element, SolutionStatus newStatus, CancellationToken cancellationToken)
    {
        DpgRecord? record;
        try
        {
            record = element.Deserialize<DpgRecord>(DpgRecord.Json);
        }
        catch (JsonException error)
        {
            return new ImportedRecord(NameOf(element), "failed", [$"{source}: a field has an unexpected shape at {error.Path ?? "the top"}; nothing was saved."]);
        }

        var messages = new List<string>();
        if (record is null || string.IsNullOrWhiteSpace(record.Name))
        {
            return new ImportedRecord(null, "failed", [$"{source}: the record has no name; nothing was saved."]);
        }

        var key = SolutionSlugs.FromName(record.Name);
        if (!record.Name.Any(char.IsLetterOrDigit) || record.Name.Trim().Length > 200)
        {
            return new ImportedRecord(Shorten(record.Name), "failed", [$"{source}: the name must hold letters or digits and at most 200 characters; nothing was saved."]);
        }

        var now = clock.GetStorableUtcNow();
        var solution = await db.Solutions.FirstOrDefaultAsync(s => s.DpgKey == key, cancellationToken);
        var isNew = solution is null;
        SolutionDetails? before = null;
        if (solution is null && await plan.RefuseBeyondAsync(Quota.Solutions, 1, cancellationToken) is { } overQuota)
        {
            return new ImportedRecord(Shorten(record.Name), "failed", [$"{source}: {overQuota.Message} Nothing was saved."]);
        }

        if (solution is null)
        {
            solution = new Solution { Slug = await FreeSlugAsync(key, cancellationToken), Name = record.Name, CreatedAt = now, Status = newStatus, DpgKey = key };
            db.Solutions.Add(solution);
        }
        else
        {
            before = solution.ToDetails([]);
        }

        DpgMapping.Apply(record, solution, now, messages);
        if (string.IsNullOrWhiteSpace(solution.Name))
        {
            db.ChangeTracker.Clear();
            return new ImportedRecord(Shorten(record.Name), "failed", [.. messages, "Nothing but markup was left of the name; nothing was saved."]);
        }

        var changed = before is null ? [] : SolutionHistory.ChangedFields(before, solution.ToDetails([]));
        if (!isNew && changed.Count == 0)
        {
            db.ChangeTracker.Clear();
            return new ImportedRecord(solution.Name, "updated", [.. messages, "Already up to date."]);
        }

        if (!isNew)
        {
            solution.Version++;
        }

        history.Record(solution, "imported", changed, to: isNew ? newStatus : null, note: "Digital Public Goods registry record");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new ImportedRecord(solution.Name, "failed", [.. messages, "The record could not be saved (someone changed the solution meanwhile); nothing was saved. Import it again."]);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return new ImportedRecord(solution.Name, isNew ? "imported" : "updated", messages);
    }

    private async Task<string> FreeSlugAsync(string key, CancellationToken cancellationToken)
    {
        var slug = key;
        for (var n = 2; await db.Solutions.AnyAsync(s => s.Slug == slug, cancellationToken); n++)
        {
            slug = $"{key[..Math.Min(key.Length, 95)]}-{n}";
        }

        return slug;
    }

    private static JsonDocument? Parse(string source, byte[] bytes, List<ImportedRecord> results)
    {
        try
        {
            return JsonDocument.Parse(bytes, DocumentOptions);
        }
        catch (JsonException error)
        {
            var reason = error.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
                ? $"nested deeper than {DocumentOptions.MaxDepth} levels"
                : $"not valid JSON (line {error.LineNumber + 1})";
            results.Add(new ImportedRecord(null, "failed", [$"{source}: {reason}; nothing was saved from it."]));
            return null;
        }
    }

    private static void Collect(string source, JsonElement root, List<(string, JsonElement)> records, List<ImportedRecord> results)
    {
        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                records.Add((source, root));
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in root.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        records.Add(($"{source} [{index}]", item));
                    }
                    else
                    {
                        results.Add(new ImportedRecord(null, "failed", [$"{source} [{index}]: a record is a JSON object, not {item.ValueKind.ToString().ToLowerInvariant()}."]));
                    }

                    index++;
                }

                break;
            default:
                results.Add(new ImportedRecord(null, "failed", [$"{source}: expected a record or an array of records."]));
                break;
        }
    }

    private static async Task<List<(string Source, byte[] Bytes)>> UnzipAsync(MemoryStream body, List<ImportedRecord> results, CancellationToken cancellationToken)
    {
        var files = new List<(string, byte[])>();
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(body, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            results.Add(new ImportedRecord(null, "failed", ["The body is not a readable zip archive."]));
            return files;
        }

        using (archive)
        {
            long unpacked = 0;
            foreach (var entry in archive.Entries.Take(MaxZipEntries + 1))
            {
                if (files.Count >= MaxZipEntries)
                {
                    results.Add(new ImportedRecord(null, "failed", [$"The archive holds more than {MaxZipEntries} files; the rest were not read."]));
                    break;
                }

                if (entry.FullName.EndsWith('/'))
                {
                    continue;
                }

                if (!entry.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                {
                    results.Add(new ImportedRecord(null, "skipped", [$"{Shorten(entry.FullName)}: not a .json file."]));
                    continue;
                }

                // The sizes in the archive's directory can lie: count what is actually inflated.
                await using var stream = await entry.OpenAsync(cancellationToken);
                using var inflated = await CappedBody.ReadCappedAsync(stream, MaxEntryBytes, cancellationToken);
                var bytes = inflated?.ToArray();
                if (bytes is null || (unpacked += bytes.Length) > MaxUnpackedBytes)
                {
                    results.Add(new ImportedRecord(null, "failed", [$"{Shorten(entry.FullName)}: larger than {MaxEntryBytes / (1024 * 1024)} MB unpacked (or the archive past {MaxUnpackedBytes / (1024 * 1024)} MB); not read."]));
                    if (bytes is not null)
                    {
                        break;
                    }

                    continue;
                }

                files.Add((Shorten(entry.FullName), bytes));
            }
        }

        return files;
    }

    private static string? NameOf(JsonElement element) =>
        element.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? Shorten(name.GetString()!) : null;

    private static string Shorten(string value) => value.Length <= 200 ? value : value[..197] + "...";
}
