using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Modules.Identity.Memberships;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.ApiKeys;

/// <summary><c>/api/{tenant}/identity/api-keys</c>: tenant admins create (shown once), list and revoke keys.</summary>
internal static class ApiKeyEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/{tenant}/identity/api-keys")
            .WithTags("Identity: API keys")
            .RequireAuthorization(IdentityPermissions.ApiKeysManage);
        group.MapGet("", List).WithName("ListApiKeys").Validate<ApiKeyListQuery>();
        group.MapPost("", Create).WithName("CreateApiKey");
        group.MapDelete("/{id:guid}", Revoke).WithName("RevokeApiKey");
    }

    private static async Task<IResult> List([AsParameters] ApiKeyListQuery query, AccessDbContext db, CancellationToken cancellationToken)
    {
        var keys = db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id);
        return TypedResults.Ok(await keys.ToPageAsync(query, ApiKeyAdministration.Summary, cancellationToken));
    }

    private static async Task<IResult> Create(CreateApiKeyRequest? request, ITenantContext tenant, IApiKeyAdministration keys, CancellationToken cancellationToken) =>
        RefusalProblems.Created(await keys.CreateAsync(request?.Name, request?.Role, request?.ExpiresAt, cancellationToken),
            created => $"/api/{tenant.RequiredTenant.Slug}/identity/api-keys/{created.ApiKey.Id}");

    private static async Task<IResult> Revoke(Guid id, IApiKeyAdministration keys, CancellationToken cancellationToken) =>
        RefusalProblems.NoContent(await keys.RevokeAsync(id, cancellationToken));
}

internal sealed record ApiKeyListQuery : PageQuery;

internal sealed class ApiKeyListQueryValidator : PageQueryValidator<ApiKeyListQuery>;

internal sealed record CreateApiKeyRequest(string? Name, TenantRole? Role, DateTimeOffset? ExpiresAt);
