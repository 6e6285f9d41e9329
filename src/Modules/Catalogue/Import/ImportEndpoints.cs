using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Csv;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Catalogue.Import;

/// <summary>
/// <c>POST /api/{tenant}/catalogue/imports/dpg</c>: a DPG record, an array of records, or a zip of
/// record files (recognised by its content, not its name). Bodies over the configured cap are
/// refused with 413 from their declared length, before anything is read.
/// </summary>
internal static class ImportEndpoints
{
    public const string MaxBytesKey = "Catalogue:Import:MaxBytes";
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/catalogue/imports").WithTags("Catalogue: import and export").EvictsShowcase();
        group.MapPost("/dpg", ImportDpg).WithName("ImportDpgRecords").RequireAuthorization(CataloguePermissions.Write).DisableAntiforgery();
        group.MapPost("/dpg/jobs", StartDpgJob).WithName("StartDpgImport").RequireAuthorization(CataloguePermissions.Write).DisableAntiforgery();
        group.MapGet("/jobs/{id:guid}", Job).WithName("ImportProgress").RequireAuthorization(CataloguePermissions.Write);
        group.MapPost("/csv", ImportCsv).WithName("ImportSolutionsCsv").RequireAuthorization(CataloguePermissions.Write).DisableAntiforgery();

        endpoints.MapGet($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/catalogue/exports/solutions.csv", ExportCsv)
            .WithName("ExportSolutionsCsv").WithTags("Catalogue: import and export").RequireAuthorization(CataloguePermissions.Read);
    }

    private static async Task<IResult> ExportCsv(SolutionCsv csv, ITenantContext tenant, CancellationToken cancellationToken) =>
        Csv.Download(await csv.ExportAsync(cancellationToken), $"{tenant.RequiredTenant.Slug}-solutions.csv");

    /// <summary>Like <c>/dpg</c>, but answers at once (202) with the job to follow: <c>/jobs/{id}</c> reports progress, then the report.</summary>
    private static async Task<IResult> StartDpgJob(bool? publish, HttpContext http, ITenantContext tenant, ICatalogueImports imports, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadBodyAsync(http, configuration, "Send a DPG record, an array of records, or a zip of record files.", cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        using var _ = body;
        var started = await imports.StartDpgAsync(body.ToArray(), publish == true, cancellationToken);
        return started.Value is { } job
            ? TypedResults.Accepted($"/api/{tenant.RequiredTenant.Slug}/catalogue/imports/jobs/{job.Id}", job)
            : RefusalProblems.Problem(started.Refusal!);
    }

    private static IResult Job(Guid id, ICatalogueImports imports) =>
        imports.Find(id) is { } progress ? TypedResults.Ok(progress) : ApiProblems.NotFound("Import");

    private static async Task<IResult> ImportCsv(HttpContext http, SolutionCsv csv, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadBodyAsync(http, configuration, "Send a CSV file whose first row names the columns.", cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        using var _ = body;
        using var reader = new StreamReader(body, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await csv.ImportAsync(reader, cancellationToken) is { } report
            ? TypedResults.Ok(report)
            : RefusalProblems.Problem(Refusal.Forbidden("Only the tenant's editors and administrators import into its catalogue."));
    }

    private static async Task<IResult> ImportDpg(HttpContext http, DpgImporter importer, IConfiguration configuration, bool? publish, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadBodyAsync(http, configuration, "Send a DPG record, an array of records, or a zip of record files.", cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        using var _ = body;
        return RefusalProblems.Ok(await importer.ImportAsync(body, ZipSignature.IsZip(body), publish == true ? SolutionStatus.Published : SolutionStatus.Draft, progress: null, cancellationToken));
    }

    /// <summary>The whole body in memory, or the problem: 413 over the cap (from the declared length when there is one), 400 when empty.</summary>
    private static Task<(MemoryStream? Body, IResult? Problem)> ReadBodyAsync(HttpContext http, IConfiguration configuration, string whatToSend, CancellationToken cancellationToken)
    {
        var max = configuration.GetValue(MaxBytesKey, DefaultMaxBytes);
        return CappedBody.ReadAsync(http, max, whatToSend, $"An import is at most {max / (1024 * 1024)} MB; split it into smaller files.", cancellationToken);
    }
}

/// <summary>Tells a zip from JSON by its first bytes.</summary>
internal static class ZipSignature
{
    /// <summary>A zip's local file header starts "PK\x03\x04" (an empty archive "PK\x05\x06").</summary>
    public static bool IsZip(MemoryStream body)
    {
        var bytes = body.GetBuffer();
        return body.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && ((bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6));
    }
}
