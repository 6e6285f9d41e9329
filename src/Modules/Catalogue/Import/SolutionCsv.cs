using System.Globalization;
using System.Text;
using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Csv;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Modules.Catalogue.Solutions;
using NucleusCloud.Modules.SharedKernel;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Catalogue.Import;

/// <summary>
/// Solutions as CSV, one row each: lists separated by semicolons, links and media as JSON arrays.
/// The export's header is the import's contract; a row matches an existing solution by id, then slug.
/// </summary>
internal sealed class SolutionCsv(CatalogueDbContext db, SolutionEditor editor, IValidator<SolutionRequest> validator, ICaller caller)
{
    public const int MaxRows = 5_000;

    public static readonly string[] Columns =
    [
        "id", "slug", "name", "summary", "description", "status", "maturity", "licence", "openSource", "websiteUrl",
        "buildingBlocks", "sectors", "sdgs", "offerings", "standards", "developmentCountries", "deploymentCountries", "links", "media",
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public async Task<string> ExportAsync(CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        Csv.WriteRow(output, Columns);
        await foreach (var s in db.Solutions.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            Csv.WriteRow(output,
            [
                s.Id.ToString(), s.Slug, s.Name, s.Summary, s.Description, s.Status.ToString(), s.Maturity?.ToString(), s.Licence,
                s.OpenSource ? "true" : "false", s.WebsiteUrl, List(s.BuildingBlocks), List(s.Sectors),
                List(s.Sdgs.Select(n => n.ToString(CultureInfo.InvariantCulture))), List(s.Offerings.Select(o => o.ToString())), List(s.Standards),
                List(s.DevelopmentCountries), List(s.DeploymentCountries),
                s.Links.Count == 0 ? "" : JsonSerializer.Serialize(s.Links.Select(l => new SolutionLinkDto(l.Kind, l.Url, l.Title)), Json),
                s.Media.Count == 0 ? "" : JsonSerializer.Serialize(s.Media.Select(m => new SolutionMediaDto(m.Kind, m.Url, m.Caption)), Json),
            ]);
        }

        return output.ToString();
    }

    /// <summary>Null when the caller may not change the catalogue; otherwise each row's outcome.</summary>
    public async Task<ImportReport?> ImportAsync(TextReader reader, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(CataloguePermissions.Write, cancellationToken))
        {
            return null;
        }

        var results = new List<ImportedRecord>();
        List<IReadOnlyList<string>> rows;
        try
        {
            rows = [.. Csv.Read(reader).Take(MaxRows + 2)];
        }
        catch (FormatException error)
        {
            return Report([new ImportedRecord(null, "failed", [$"Not valid CSV: {error.Message} Nothing was imported."])]);
        }

        if (rows.Count == 0 || rows[0].Count == 0 || !rows[0].Contains("name"))
        {
            return Report([new ImportedRecord(null, "failed", [$"The first row must name the columns, including 'name' (export a CSV to see them all: {string.Join(", ", Columns)})."])]);
        }

        if (rows.Count > MaxRows + 1)
        {
            return Report([new ImportedRecord(null, "failed", [$"An import holds at most {MaxRows} rows; split the file."])]);
        }

        var header = rows[0].Select(h => h.Trim()).ToList();
        foreach (var unknown in header.Where(h => h.Length > 0 && !Columns.Contains(h)))
        {
            results.Add(new ImportedRecord(null, "skipped", [$"The column '{unknown}' is not one of the catalogue's; ignored."]));
        }

        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i].All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            results.Add(await ImportRowAsync(i + 1, header, rows[i], cancellationToken));
            db.ChangeTracker.Clear();
        }

        return Report(results);
    }

    private async Task<ImportedRecord> ImportRowAsync(int line, List<string> header, IReadOnlyList<string> row, CancellationToken cancellationToken)
    {
        string? Cell(string column) => header.IndexOf(column) is var index and >= 0 && index < row.Count && row[index].Trim() is { Length: > 0 } value ? value : null;

        var name = Cell("name");
        SolutionRequest request;
        try
        {
            request = new SolutionRequest(
                name, Cell("slug"), Cell("summary"), Cell("description"),
                Enum<SolutionStatus>(Cell("status"), "status"), Enum<SolutionMaturity>(Cell("maturity"), "maturity"),
                Cell("licence"), Cell("openSource") is { } open ? bool.Parse(open) : null, Cell("websiteUrl"),
                Split(Cell("buildingBlocks")), Split(Cell("sectors")),
                Split(Cell("sdgs"))?.Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList(),
                Split(Cell("offerings"))?.Select(o => Enum<SolutionOffering>(o, "offerings")!.Value).ToList(),
                Split(Cell("standards")), Split(Cell("developmentCountries")), Split(Cell("deploymentCountries")), null,
                Cell("links") is { } links ? JsonSerializer.Deserialize<List<SolutionLinkDto>>(links, Json) : null,
                Cell("media") is { } media ? JsonSerializer.Deserialize<List<SolutionMediaDto>>(media, Json) : null,
                null);
        }
        catch (Exception error) when (error is FormatException or JsonException or OverflowException)
        {
            return new ImportedRecord(name, "failed", [$"Line {line}: {error.Message} Nothing was saved from this row."]);
        }

        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return new ImportedRecord(name, "failed", [.. validation.Errors.Select(e => $"Line {line}, {char.ToLowerInvariant(e.PropertyName[0])}{e.PropertyName[1..]}: {e.ErrorMessage}")]);
        }

        var existing = Guid.TryParse(Cell("id"), out var id) ? await db.Solutions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) : null;
        if (existing is null && request.Slug is { } slug)
        {
            existing = await db.Solutions.FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        }

        if (existing is null)
        {
            var created = await editor.CreateAsync(request, cancellationToken);
            return created.Refusal is not { } refused ? new ImportedRecord(name, "imported", []) : new ImportedRecord(name, "failed", [$"Line {line}, {refused.Field}: {refused.Message}"]);
        }

        var version = existing.Version;
        var refusal = await editor.UpdateAsync(existing, request with { Version = null }, cancellationToken);
        return refusal is not null ? new ImportedRecord(name, "failed", [$"Line {line}, {refusal.Field}: {refusal.Message}"])
            : new ImportedRecord(name, "updated", existing.Version == version ? ["Already up to date."] : []);
    }

    private static T? Enum<T>(string? value, string column)
        where T : struct, Enum =>
        value is null ? null
        : System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) ? parsed
        : throw new FormatException($"'{value}' is not a valid {column} (use one of {string.Join(", ", System.Enum.GetNames<T>())}).");

    private static List<string>? Split(string? cell) =>
        cell is null ? null : [.. cell.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static string List(IEnumerable<string> values) => string.Join("; ", values);

    private static ImportReport Report(List<ImportedRecord> results) => ImportReports.Of(results);
}
