using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Csv;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Crm.Organisations;

/// <summary><c>/api/{tenant}/crm/exports/organisations.csv</c> and <c>/api/{tenant}/crm/imports/organisations</c> (the CSV file as the body).</summary>
internal static class OrganisationCsvEndpoints
{
    private const long MaxBytes = 10 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var crm = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/crm").WithTags("CRM: import and export");
        crm.MapGet("/exports/organisations.csv", Export).WithName("ExportOrganisationsCsv").RequireAuthorization(Permissions.CrmRead);
        crm.MapPost("/imports/organisations", Import).WithName("ImportOrganisationsCsv").RequireAuthorization(Permissions.CrmWrite).DisableAntiforgery();
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
        return RefusalProblems.Ok(await csv.ImportAsync(body.ToArray(), cancellationToken));
    }
}
