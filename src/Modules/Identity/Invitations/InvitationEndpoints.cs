using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Modules.Identity.Memberships;
using NucleusCloud.Modules.Identity.SignIn;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.Invitations;

/// <summary>
/// Tenant admins invite at <c>/api/{tenant}/identity/invitations</c>; platform admins invite a
/// tenant's first admin at <c>/api/platform/tenants/{id}/invitations</c>; invitees accept at
/// <c>/api/auth/invitations/accept</c>.
/// </summary>
internal static class InvitationEndpoints
{
    public const string RateLimitPolicy = "invitations";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var tenant = endpoints.MapGroup("/api/{tenant}/identity/invitations").WithTags("Identity: invitations").RequireAuthorization(Permissions.MembersManage);
        tenant.MapGet("", List).WithName("ListInvitations").Validate<InvitationListQuery>();
        tenant.MapPost("", Invite).WithName("Invite").Validate<InviteRequest>().RequireRateLimiting(RateLimitPolicy);
        tenant.MapDelete("/{id:guid}", Revoke).WithName("RevokeInvitation");

        endpoints.MapPost("/api/platform/tenants/{tenantId:guid}/invitations", InviteFirstAdmin).WithName("InviteTenantAdmin")
            .WithTags("Platform: tenants").RequireAuthorization(TenantPolicies.PlatformAdmin).Validate<InviteRequest>().RequireRateLimiting(RateLimitPolicy);

        endpoints.MapPost("/api/auth/invitations/accept", Accept).WithName("AcceptInvitation").WithTags("Sign-in")
            .AllowAnonymous().Validate<AcceptInvitationRequest>().RequireRateLimiting(AuthEndpoints.RateLimitPolicy);
    }

    private static async Task<IResult> List([AsParameters] InvitationListQuery query, AccessDbContext db, CancellationToken cancellationToken)
    {
        var invitations = db.Invitations.AsNoTracking().OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id);
        return TypedResults.Ok(await invitations.ToPageAsync(query, InvitationView.Of, cancellationToken));
    }

    private static async Task<IResult> Invite(InviteRequest request, HttpContext http, ITenantContext tenant, AccessAdministration access, CancellationToken cancellationToken)
    {
        var invitation = await access.InviteAsync(tenant.RequiredTenant, request.Email!, request.Role!.Value, http.User, asPlatformAdmin: false, cancellationToken);
        return invitation is null
            ? Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only an owner can invite an owner.")
            : TypedResults.Created($"/api/{tenant.RequiredTenant.Slug}/identity/invitations/{invitation.Id}", InvitationView.Of(invitation));
    }

    private static async Task<IResult> InviteFirstAdmin(Guid tenantId, InviteRequest request, HttpContext http, ITenantStore tenants, AccessAdministration access, CancellationToken cancellationToken)
    {
        if (await tenants.FindByIdAsync(tenantId, cancellationToken) is not { Status: not TenantStatus.Deleted } tenant)
        {
            return ApiProblems.NotFound("Tenant");
        }

        var invitation = (await access.InviteAsync(tenant, request.Email!, request.Role!.Value, http.User, asPlatformAdmin: true, cancellationToken))!;
        return TypedResults.Created($"/api/{tenant.Slug}/identity/invitations/{invitation.Id}", InvitationView.Of(invitation));
    }

    private static async Task<IResult> Revoke(Guid id, AccessDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invitation is null)
        {
            return ApiProblems.NotFound("Invitation");
        }

        invitation.RevokedAt ??= clock.GetStorableUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Accept(AcceptInvitationRequest request, AccessAdministration access, CancellationToken cancellationToken)
    {
        var result = await access.AcceptAsync(request.Tenant!, request.Token!, request.DisplayName, request.Password, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(new { tenant = request.Tenant, email = result.Email, accountCreated = result.AccountCreated })
            : ApiProblems.Validation(result == AcceptanceResult.Invalid ? "token" : "password", result.Problem!);
    }
}

internal sealed record InvitationView(Guid Id, string Email, TenantRole Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt, DateTimeOffset? RevokedAt)
{
    public static InvitationView Of(Invitation i) => new(i.Id, i.Email, i.Role, i.CreatedAt, i.ExpiresAt, i.AcceptedAt, i.RevokedAt);
}

internal sealed record InvitationListQuery : PageQuery;

internal sealed class InvitationListQueryValidator : PageQueryValidator<InvitationListQuery>;

internal sealed record InviteRequest(string? Email, TenantRole? Role);

internal sealed class InviteRequestValidator : AbstractValidator<InviteRequest>
{
    public InviteRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(256).EmailAddress();
        RuleFor(r => r.Role).NotNull().IsInEnum().NotEqual(TenantRole.PartnerGuest).WithMessage("Partner guests are invited from their partner record.");
    }
}

internal sealed record AcceptInvitationRequest(string? Tenant, string? Token, string? DisplayName, string? Password);

internal sealed class AcceptInvitationRequestValidator : AbstractValidator<AcceptInvitationRequest>
{
    public AcceptInvitationRequestValidator()
    {
        RuleFor(r => r.Tenant).NotEmpty().MaximumLength(63);
        RuleFor(r => r.Token).NotEmpty().MaximumLength(100);
        RuleFor(r => r.DisplayName).MaximumLength(200);
        RuleFor(r => r.Password).MaximumLength(512);
    }
}
