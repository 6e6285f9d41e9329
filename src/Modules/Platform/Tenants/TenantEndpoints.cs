using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Countries;
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
        group.MapPost("", Register).WithName("RegisterTenant").Validate<RegisterTenantRequest>();
        group.MapPut("/{id:guid}/status", SetStatus).WithName("SetTenantStatus").Validate<SetTenantStatusRequest>();
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

    private static async Task<IResult> Register(RegisterTenantRequest request, ITenantRegistry registry, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var slug = request.Slug!.Trim().ToLowerInvariant();
        if (await db.Tenants.AnyAsync(t => t.Slug == slug, cancellationToken))
        {
            return ApiProblems.Validation("slug", $"The slug '{slug}' is taken.");
        }

        var hosts = (request.HostNames ?? []).Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (await db.Set<TenantHostName>().AnyAsync(h => hosts.Contains(h.HostName), cancellationToken))
        {
            return ApiProblems.Validation("hostNames", "A host name is already mapped to another tenant.");
        }

        var tenant = await registry.RegisterAsync(new NewTenant(slug, request.Name!, request.Kind!.Value, request.CountryCode, hosts, request.DataPlacement ?? DataPlacement.Shared), cancellationToken);
        return TypedResults.Created($"/api/platform/tenants/{tenant.Id}", tenant);
    }

    private static async Task<IResult> SetStatus(Guid id, SetTenantStatusRequest request, ITenantRegistry registry, CancellationToken cancellationToken)
    {
        var tenant = await registry.SetStatusAsync(id, request.Status!.Value, cancellationToken);
        return tenant is null ? ApiProblems.NotFound("Tenant") : TypedResults.Ok(tenant);
    }
}

internal sealed record TenantListQuery : PageQuery;

internal sealed class TenantListQueryValidator : PageQueryValidator<TenantListQuery>;

internal sealed record RegisterTenantRequest(string? Slug, string? Name, TenantKind? Kind, string? CountryCode, IReadOnlyList<string>? HostNames, DataPlacement? DataPlacement);

internal sealed class RegisterTenantRequestValidator : AbstractValidator<RegisterTenantRequest>
{
    public RegisterTenantRequestValidator()
    {
        RuleFor(r => r.Slug).Custom((slug, context) =>
        {
            if (TenantSlug.Problem(slug?.Trim().ToLowerInvariant()) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.CountryCode)
            .Must(CountryCodes.IsValid).WithMessage("Use an ISO 3166-1 alpha-2 code in capitals, e.g. 'EE'.")
            .When(r => r.Kind == TenantKind.Country || !string.IsNullOrEmpty(r.CountryCode));
        RuleForEach(r => r.HostNames).NotEmpty().MaximumLength(253)
            .Matches("^[a-zA-Z0-9.-]+$").WithMessage("A host name has only letters, digits, dots and hyphens.");
        RuleFor(r => r.DataPlacement).IsInEnum();
    }
}

internal sealed record SetTenantStatusRequest(TenantStatus? Status);

internal sealed class SetTenantStatusRequestValidator : AbstractValidator<SetTenantStatusRequest>
{
    public SetTenantStatusRequestValidator() => RuleFor(r => r.Status).NotNull().IsInEnum();
}
