using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Csv;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Outcomes;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Crm.Organisations;

/// <summary>
/// Organisations as CSV. Export: one row each, the header the import's contract. Import: the separator is
/// detected (<c>,</c> or a French or Spanish spreadsheet's <c>;</c>), a file that is not UTF-8 is read as Latin-1
/// (and the report says so), cells that start like a spreadsheet formula are refused, and a row naming an
/// organisation already there or earlier in the file (same name and country, any case) is reported as a
/// duplicate instead of creating a second record. All valid rows are saved in one save, or none.
/// </summary>
internal sealed class OrganisationCsv(CrmDbContext db, ICaller caller, IValidator<OrganisationRequest> validator, TimeProvider clock)
{
    /// <summary>Rows an import answered in its own request may hold; larger files go through a job (<see cref="MaxJobRows"/>).</summary>
    public const int MaxRows = 5_000;

    public const int MaxJobRows = 100_000;
    public static readonly string[] Columns = ["id", "name", "kind", "country", "websiteUrl", "notes"];

    public async Task<string> ExportAsync(CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        Csv.WriteRow(output, Columns);
        await foreach (var o in db.Organisations.AsNoTracking().OrderBy(o => o.Name).ThenBy(o => o.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            Csv.WriteRow(output, [o.Id.ToString(), o.Name, o.Kind.ToString(), o.Country, o.WebsiteUrl, o.Notes]);
        }

        return output.ToString();
    }

    /// <summary>
    /// Imports at most <paramref name="maxRows"/> rows, reporting rows checked of all rows to <paramref name="progress"/>;
    /// the report lists the rows not imported (duplicates and failures) with why.
    /// </summary>
    public async Task<Outcome<CrmImportReport>> ImportAsync(byte[] body, int maxRows, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(CrmPermissions.Write, cancellationToken))
        {
            return Refusal.Forbidden("Only the tenant's CRM users, owners and administrators import organisations.");
        }

        var (text, encoding) = Decode(body);
        List<IReadOnlyList<string>> rows;
        try
        {
            rows = [.. Csv.Read(new StringReader(text)).Take(maxRows + 2)];
        }
        catch (FormatException malformed)
        {
            return Refusal.Invalid("file", $"Not valid CSV: {malformed.Message} Nothing was imported.");
        }

        if (rows.Count == 0 || !rows[0].Select(h => h.Trim()).Contains("name"))
        {
            return Refusal.Invalid("file", $"The first row must name the columns, including 'name', 'kind' and 'country' (export to see them all: {string.Join(", ", Columns)}).");
        }

        if (rows.Count > maxRows + 1)
        {
            return Refusal.Invalid("file", maxRows < MaxJobRows
                ? $"This import holds at most {maxRows:N0} rows; import larger files as a job (…/imports/organisations/jobs), up to {MaxJobRows:N0} rows."
                : $"An import holds at most {maxRows:N0} rows; split the file.");
        }

        var header = rows[0].Select(h => h.Trim()).ToList();
        var known = (await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name, o.Country }).ToListAsync(cancellationToken))
            .ToDictionary(o => Key(o.Name, o.Country), o => o.Id.ToString(), StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var results = new List<CrmImportedRow>();
        var imported = 0;
        var now = clock.GetStorableUtcNow();
        for (var i = 1; i < rows.Count; i++)
        {
            if (i % 1_000 == 0)
            {
                progress?.Report((i, rows.Count - 1));
            }

            var row = rows[i];
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            string? Cell(string column) => header.IndexOf(column) is var index and >= 0 && index < row.Count && row[index].Trim() is { Length: > 0 } value ? value : null;
            var line = i + 1;
            var name = Cell("name");
            if (row.FirstOrDefault(Csv.LooksLikeFormula) is { } formula)
            {
                results.Add(new CrmImportedRow(line, name, "failed", [$"The cell '{formula}' starts like a spreadsheet formula; write it without the leading '{formula[0]}'."]));
                continue;
            }

            var request = new OrganisationRequest(name, Enum.TryParse<OrganisationKind>(Cell("kind"), ignoreCase: true, out var kind) ? kind : null, Cell("country"), Cell("websiteUrl"), Cell("notes"));
            if (await validator.RefusalAsync(request, cancellationToken) is { } invalid)
            {
                results.Add(new CrmImportedRow(line, name, "failed", [$"{invalid.Field}: {invalid.Message}"]));
                continue;
            }

            var key = Key(request.Name!, request.Country!);
            if (known.TryGetValue(key, out var existing))
            {
                results.Add(new CrmImportedRow(line, name, "duplicate", [$"Already in the CRM as {existing}; not imported again (merge in the CRM if both are meant)."]));
                continue;
            }

            if (seen.TryGetValue(key, out var earlier))
            {
                results.Add(new CrmImportedRow(line, name, "duplicate", [$"The same organisation as line {earlier}; imported once."]));
                continue;
            }

            seen[key] = line;
            db.Organisations.Add(new Organisation
            {
                Name = request.Name!.Trim(), Kind = request.Kind!.Value, Country = request.Country!.Trim().ToUpperInvariant(),
                WebsiteUrl = request.WebsiteUrl, Notes = request.Notes ?? "", CreatedAt = now, UpdatedAt = now,
            });
            imported++;
        }

        // One save: all valid rows, or none.
        await db.SaveChangesAsync(cancellationToken);
        progress?.Report((rows.Count - 1, rows.Count - 1));
        return new CrmImportReport(imported, results.Count(r => r.Status == "duplicate"), results.Count(r => r.Status == "failed"), encoding, results);
    }

    private static string Key(string name, string country) => $"{name.Trim().ToUpperInvariant()}|{country.Trim().ToUpperInvariant()}";

    /// <summary>UTF-8 (with or without its mark) when the bytes are; otherwise Latin-1, what older spreadsheets save.</summary>
    private static (string Text, string Encoding) Decode(byte[] body)
    {
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(body);
            return (text.TrimStart('\uFEFF'), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.Latin1.GetString(body), "latin-1");
        }
    }
}
