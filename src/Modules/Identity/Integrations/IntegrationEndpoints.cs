using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.Integrations;

/// <summary><c>/api/{tenant}/identity/integrations</c>: owners and administrators register (secret shown once), list and remove OAuth clients.</summary>
internal static class IntegrationEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/{tenant}/identity/integrations")
            .WithTags("Identity: integrations")
            .RequireAuthorization(IdentityPermissions.ApiKeysManage);
        group.MapGet("", List).WithName("ListIntegrations").Validate<IntegrationListQuery>();
        group.MapPost("", Create).WithName("CreateIntegration");
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteIntegration");
    }

    private static async Task<IResult> List([AsParameters] IntegrationListQuery query, AccessDbContext db, CancellationToken cancellationToken)
    {
        var integrations = db.Integrations.AsNoTracking().OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id);
        return TypedResults.Ok(await integrations.ToPageAsync(query, IntegrationAdministration.Summary, cancellationToken));
    }

    private static async Task<IResult> Create(CreateIntegrationRequest? request, ITenantContext tenant, IIntegrations integrations, CancellationToken cancellationToken) =>
        RefusalProblems.Created(await integrations.CreateAsync(request?.Name, request?.Role, cancellationToken),
            created => $"/api/{tenant.RequiredTenant.Slug}/identity/integrations/{created.Id}");

    private static async Task<IResult> Delete(Guid id, IIntegrations integrations, CancellationToken cancellationToken) =>
        RefusalProblems.NoContent(await integrations.DeleteAsync(id, cancellationToken));
}

internal sealed record IntegrationListQuery : PageQuery;

internal sealed class IntegrationListQueryValidator : PageQueryValidator<IntegrationListQuery>;

internal sealed record CreateIntegrationRequest(string? Name, TenantRole? Role);
