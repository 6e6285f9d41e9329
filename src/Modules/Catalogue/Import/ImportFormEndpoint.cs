using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Catalogue.Import;

/// <summary>
/// <c>POST /{tenant}/catalogue/imports</c> (beside the page, whose own route takes form posts): the import page's plain multipart form. It starts a background
/// import and sends the browser to the job's page, which shows the progress and then the report.
/// </summary>
internal static class ImportFormEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost($"/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/catalogue/imports", StartAsync)
            .WithName("ImportForm").ExcludeFromDescription().RequireAuthorization(CataloguePermissions.Write);

    private static async Task<IResult> StartAsync(HttpContext http, IAntiforgery antiforgery, ITenantContext tenant, ICatalogueImports imports,
        IConfiguration configuration, CancellationToken cancellationToken)
    {
        var slug = tenant.RequiredTenant.Slug;
        var posted = await FormUpload.ReadAsync(http, antiforgery, configuration.GetValue(ImportEndpoints.MaxBytesKey, ImportEndpoints.DefaultMaxBytes), "file", cancellationToken);
        if (posted.Content is not { } content)
        {
            return posted.Forged ? Results.BadRequest() : Results.Redirect($"/{slug}/catalogue/import?problem={posted.Problem}");
        }

        var publish = posted.Form!["publish"] == "true" && await http.HasPermissionAsync(CataloguePermissions.Publish);
        var started = await imports.StartDpgAsync(content, publish, cancellationToken);
        return started.Value is { } job ? Results.Redirect($"/{slug}/catalogue/imports/{job.Id}") : Results.StatusCode(StatusCodes.Status403Forbidden);
    }
}
