using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Csv;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Tenancy;
using NucleusCloud.Modules.Crm.Contracts;

namespace NucleusCloud.Modules.Crm.Organisations;

/// <summary><c>/api/{tenant}/crm/exports/organisations.csv</c> and <c>/api/{tenant}/crm/imports/organisations</c> (the CSV file as the body).</summary>
internal static class OrganisationCsvEndpoints
{
    private const long MaxBytes = 10 * 1024 * 1024;
    private const long MaxJobBytes = 50 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var crm = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/crm").WithTags("CRM: import and export");
        crm.MapGet("/exports/organisations.csv", Export).WithName("ExportOrganisationsCsv").RequireAuthorization(CrmPermissions.Read);
        crm.MapPost("/imports/organisations", Import).WithName("ImportOrganisationsCsv").RequireAuthorization(CrmPermissions.Write).DisableAntiforgery();
        crm.MapPost("/imports/organisations/jobs", StartJob).WithName("StartOrganisationImport").RequireAuthorization(CrmPermissions.Write).DisableAntiforgery();
        crm.MapGet("/imports/jobs/{id:guid}", Job).WithName("OrganisationImportProgress").RequireAuthorization(CrmPermissions.Write);
    }

    private static async Task<IResult> Export(OrganisationCsv csv, ITenantContext tenant, CancellationToken cancellationToken) =>
        Csv.Download(await csv.ExportAsync(cancellationToken), $"{tenant.RequiredTenant.Slug}-organisations.csv");

    private static async Task<IResult> Import(HttpContext http, OrganisationCsv csv, CancellationToken cancellationToken)
    {
        var (body, problem) = await CappedBody.ReadAsync(http, MaxBytes, "Send a CSV file whose first row names the columns.", "The CSV file is larger than 10 MB; split it.", cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        using var _ = body;
        return RefusalProblems.Ok(await csv.ImportAsync(body.ToArray(), OrganisationCsv.MaxRows, progress: null, cancellationToken));
    }

    /// <summary>Like <c>/imports/organisations</c> for files of up to 100,000 rows: answers at once (202) with the job that <c>/imports/jobs/{id}</c> follows.</summary>
    private static async Task<IResult> StartJob(HttpContext http, OrganisationImports imports, ITenantContext tenant, CancellationToken cancellationToken)
    {
        var (body, problem) = await CappedBody.ReadAsync(http, MaxJobBytes, "Send a CSV file whose first row names the columns.", "The CSV file is larger than 50 MB; split it.", cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        using var _ = body;
        var started = await imports.StartAsync(body.ToArray(), cancellationToken);
        return started.Value is { } job
            ? TypedResults.Accepted($"/api/{tenant.RequiredTenant.Slug}/crm/imports/jobs/{job.Id}", job)
            : RefusalProblems.Problem(started.Refusal!);
    }

    private static IResult Job(Guid id, OrganisationImports imports) =>
        imports.Find(id) is { } progress ? TypedResults.Ok(progress) : ApiProblems.NotFound("Import");
}
