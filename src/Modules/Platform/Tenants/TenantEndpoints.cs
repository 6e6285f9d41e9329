using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Modules.Platform.Data;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Platform.Tenants;

/// <summary><c>/api/platform/tenants</c>: the platform administrators' view of the registry.</summary>
internal static class TenantEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/platform/tenants")
            .WithTags("Platform: tenants")
            .RequireAuthorization(TenantPolicies.PlatformAdmin);

        group.MapGet("", List).WithName("ListTenants").Validate<TenantListQuery>();
        group.MapGet("/{id:guid}", Get).WithName("GetTenant");
        group.MapPost("", Register).WithName("RegisterTenant");
        group.MapPut("/{id:guid}/status", SetStatus).WithName("SetTenantStatus");
    }

    private static async Task<Ok<PagedResult<TenantInfo>>> List([AsParameters] TenantListQuery query, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var tenants = db.Tenants.AsNoTracking().Include(t => t.HostNames).OrderBy(t => t.Slug);
        return TypedResults.Ok(await tenants.ToPageAsync(query, t => t.ToInfo(), cancellationToken));
    }

    private static async Task<IResult> Get(Guid id, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().Include(t => t.HostNames).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        return tenant is null ? ApiProblems.NotFound("Tenant") : TypedResults.Ok(tenant.ToInfo());
    }

    private static async Task<IResult> Register(RegisterTenantRequest? request, ITenantRegistry registry, CancellationToken cancellationToken) =>
        RefusalProblems.Created(
            await registry.RegisterAsync(new NewTenant(request?.Slug ?? "", request?.Name ?? "", request?.Kind ?? (TenantKind)(-1), request?.CountryCode, request?.HostNames,
                request?.DataPlacement ?? DataPlacement.Shared), cancellationToken),
            tenant => $"/api/platform/tenants/{tenant.Id}");

    private static async Task<IResult> SetStatus(Guid id, SetTenantStatusRequest? request, ITenantRegistry registry, CancellationToken cancellationToken) =>
        request?.Status is { } status
            ? RefusalProblems.Ok(await registry.SetStatusAsync(id, status, cancellationToken))
            : ApiProblems.Validation("status", "Choose Provisioning, Active, Suspended or Deleted.");
}

internal sealed record TenantListQuery : PageQuery;

internal sealed class TenantListQueryValidator : PageQueryValidator<TenantListQuery>;

internal sealed record RegisterTenantRequest(string? Slug, string? Name, TenantKind? Kind, string? CountryCode, IReadOnlyList<string>? HostNames, DataPlacement? DataPlacement);

internal sealed record SetTenantStatusRequest(TenantStatus? Status);
