using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Resolution;

namespace NucleusCloud.Modules.Platform.Export;

/// <summary>
/// <c>/api/{tenant}/exports</c> (owners) and <c>/api/platform/tenants/{id}/exports</c> (platform administrators): <c>POST</c> starts an
/// export (202 with its job), <c>GET …/jobs/{jobId}</c> follows it, <c>GET</c> lists the exports made, <c>GET …/{exportId}</c> downloads one.
/// Owners may export while the tenant is unpaid: the data is theirs.
/// </summary>
internal static class ExportEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var own = endpoints.MapGroup($"/api/{{{TenantRequests.RouteParameter}}}/exports").WithTags("Export").RequireAuthorization(TenantPermissions.MembersManage)
            .WithMetadata(new WritableWhileUnpaidAttribute());
        own.MapPost("", (HttpContext http, ITenantExports exports, CancellationToken ct) => StartAsync(null, http, exports, ct)).WithName("StartExport");
        own.MapGet("", (ITenantExports exports, CancellationToken ct) => ListAsync(null, exports, ct)).WithName("ListExports");
        own.MapGet("/jobs/{jobId:guid}", (Guid jobId, ITenantExports exports, CancellationToken ct) => JobAsync(null, jobId, exports, ct)).WithName("GetExportJob");
        own.MapGet("/{exportId:guid}", (Guid exportId, ITenantExports exports, CancellationToken ct) => DownloadAsync(null, exportId, exports, ct)).WithName("DownloadExport");

        var platform = endpoints.MapGroup("/api/platform/tenants/{id:guid}/exports").WithTags("Platform: export").RequireAuthorization(TenantPolicies.PlatformAdmin);
        platform.MapPost("", (Guid id, HttpContext http, ITenantExports exports, CancellationToken ct) => StartAsync(id, http, exports, ct)).WithName("StartTenantExport");
        platform.MapGet("", (Guid id, ITenantExports exports, CancellationToken ct) => ListAsync(id, exports, ct)).WithName("ListTenantExports");
        platform.MapGet("/jobs/{jobId:guid}", (Guid id, Guid jobId, ITenantExports exports, CancellationToken ct) => JobAsync(id, jobId, exports, ct)).WithName("GetTenantExportJob");
        platform.MapGet("/{exportId:guid}", (Guid id, Guid exportId, ITenantExports exports, CancellationToken ct) => DownloadAsync(id, exportId, exports, ct))
            .WithName("DownloadTenantExport");

        var imports = endpoints.MapGroup("/api/platform/tenants/{id:guid}/imports").WithTags("Platform: export").RequireAuthorization(TenantPolicies.PlatformAdmin);
        imports.MapPost("", ImportAsync).WithName("StartTenantImport").DisableAntiforgery();
        imports.MapGet("/jobs/{jobId:guid}", async (Guid id, Guid jobId, ITenantImports importer, CancellationToken ct) =>
            await importer.FindJobAsync(id, jobId, ct) is { } job ? TypedResults.Ok(job) : ApiProblems.NotFound("Import job")).WithName("GetTenantImportJob");
    }

    /// <summary>The request's body is the export's zip, kept in a temporary file for the job.</summary>
    private static async Task<IResult> ImportAsync(Guid id, HttpContext http, ITenantImports importer, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"nucleus-import-{Guid.NewGuid():N}.zip");
        await using (var file = File.Create(path))
        {
            await http.Request.Body.CopyToAsync(file, cancellationToken);
        }

        var started = await importer.StartAsync(id, path, cancellationToken);
        return started.Value is { } job ? TypedResults.Accepted($"{http.Request.Path}/jobs/{job.Id}", job) : RefusalProblems.Problem(started.Refusal!);
    }

    private static async Task<IResult> StartAsync(Guid? tenantId, HttpContext http, ITenantExports exports, CancellationToken cancellationToken)
    {
        var started = await exports.StartAsync(tenantId, cancellationToken);
        return started.Value is { } job ? TypedResults.Accepted($"{http.Request.Path}/jobs/{job.Id}", job) : RefusalProblems.Problem(started.Refusal!);
    }

    private static async Task<IResult> ListAsync(Guid? tenantId, ITenantExports exports, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await exports.ListAsync(tenantId, cancellationToken));

    private static async Task<IResult> JobAsync(Guid? tenantId, Guid jobId, ITenantExports exports, CancellationToken cancellationToken) =>
        await exports.FindJobAsync(tenantId, jobId, cancellationToken) is { } job ? TypedResults.Ok(job) : ApiProblems.NotFound("Export job");

    private static async Task<IResult> DownloadAsync(Guid? tenantId, Guid exportId, ITenantExports exports, CancellationToken cancellationToken)
    {
        var opened = await exports.OpenAsync(tenantId, exportId, cancellationToken);
        return opened.Value is { } content
            ? TypedResults.Stream(content, "application/zip", $"tenant-export-{exportId:N}.zip")
            : RefusalProblems.Problem(opened.Refusal!);
    }
}
