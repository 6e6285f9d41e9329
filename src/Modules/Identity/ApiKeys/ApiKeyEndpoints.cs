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
            .RequireAuthorization(Permissions.ApiKeysManage);
        group.MapGet("", List).WithName("ListApiKeys").Validate<ApiKeyListQuery>();
        group.MapPost("", Create).WithName("CreateApiKey").Validate<CreateApiKeyRequest>();
        group.MapDelete("/{id:guid}", Revoke).WithName("RevokeApiKey");
    }

    private static async Task<IResult> List([AsParameters] ApiKeyListQuery query, AccessDbContext db, CancellationToken cancellationToken)
    {
        var keys = db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id);
        return TypedResults.Ok(await keys.ToPageAsync(query, ApiKeyAdministration.Summary, cancellationToken));
    }

    private static async Task<IResult> Create(CreateApiKeyRequest request, HttpContext http, ITenantContext tenant, ApiKeyAdministration keys, CancellationToken cancellationToken)
    {
        var (key, secret) = await keys.CreateAsync(request.Name!, request.Role!.Value, http.User, cancellationToken);
        return TypedResults.Created($"/api/{tenant.RequiredTenant.Slug}/identity/api-keys/{key.Id}", new CreatedApiKey(key, secret));
    }

    private static async Task<IResult> Revoke(Guid id, ApiKeyAdministration keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, cancellationToken) ? TypedResults.NoContent() : ApiProblems.NotFound("API key");
}

/// <summary>The only answer that ever contains the key itself.</summary>
internal sealed record CreatedApiKey(ApiKeySummary ApiKey, string Key);

internal sealed record ApiKeyListQuery : PageQuery;

internal sealed class ApiKeyListQueryValidator : PageQueryValidator<ApiKeyListQuery>;

internal sealed record CreateApiKeyRequest(string? Name, TenantRole? Role);

internal sealed class CreateApiKeyRequestValidator : AbstractValidator<CreateApiKeyRequest>
{
    public CreateApiKeyRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Role).NotNull().IsInEnum()
            .Must(role => role is not (TenantRole.Owner or TenantRole.PartnerGuest))
            .WithMessage("An API key acts as Admin, Editor, CrmUser, Analyst or Viewer.");
    }
}
