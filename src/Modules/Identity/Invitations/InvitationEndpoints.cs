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
        var tenant = endpoints.MapGroup("/api/{tenant}/identity/invitations").WithTags("Identity: invitations").RequireAuthorization(TenantPermissions.MembersManage);
        tenant.MapGet("", List).WithName("ListInvitations").Validate<InvitationListQuery>();
        tenant.MapPost("", Invite).WithName("Invite").RequireRateLimiting(RateLimitPolicy);
        tenant.MapDelete("/{id:guid}", Revoke).WithName("RevokeInvitation");

        endpoints.MapPost("/api/platform/tenants/{tenantId:guid}/invitations", InviteAsPlatformAdmin).WithName("InviteTenantAdmin")
            .WithTags("Platform: tenants").RequireAuthorization(TenantPolicies.PlatformAdmin).RequireRateLimiting(RateLimitPolicy);

        endpoints.MapPost("/api/auth/invitations/accept", Accept).WithName("AcceptInvitation").WithTags("Sign-in")
            .AllowAnonymous().Validate<AcceptInvitationRequest>().RequireRateLimiting(AuthEndpoints.RateLimitPolicy);
    }

    private static async Task<IResult> List([AsParameters] InvitationListQuery query, AccessDbContext db, CancellationToken cancellationToken)
    {
        var invitations = db.Invitations.AsNoTracking().OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id);
        return TypedResults.Ok(await invitations.ToPageAsync(query, AccessAdministration.Summary, cancellationToken));
    }

    private static async Task<IResult> Invite(InviteRequest? request, ITenantContext tenant, IAccessAdministration access, CancellationToken cancellationToken) =>
        RefusalProblems.Created(await access.InviteAsync(request?.Email, request?.Role, cancellationToken),
            invitation => $"/api/{tenant.RequiredTenant.Slug}/identity/invitations/{invitation.Id}");

    private static async Task<IResult> InviteAsPlatformAdmin(Guid tenantId, InviteRequest? request, ITenantStore tenants, IAccessAdministration access, CancellationToken cancellationToken)
    {
        var invited = await access.InviteAsPlatformAdminAsync(tenantId, request?.Email, request?.Role, request?.Reason, cancellationToken);
        var slug = (await tenants.FindByIdAsync(tenantId, cancellationToken))?.Slug;
        return RefusalProblems.Created(invited, invitation => $"/api/{slug}/identity/invitations/{invitation.Id}");
    }

    private static async Task<IResult> Revoke(Guid id, IAccessAdministration access, CancellationToken cancellationToken) =>
        RefusalProblems.NoContent(await access.RevokeInvitationAsync(id, cancellationToken));

    private static async Task<IResult> Accept(AcceptInvitationRequest request, IAccessAdministration access, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await access.AcceptInvitationAsync(request.Tenant!, request.Token!, request.DisplayName, request.Password, cancellationToken));
}

internal sealed record InvitationListQuery : PageQuery;

internal sealed class InvitationListQueryValidator : PageQueryValidator<InvitationListQuery>;

/// <summary>An invitation as the API receives it; <see cref="Reason"/> only from platform administrators (required there).</summary>
internal sealed record InviteRequest(string? Email, TenantRole? Role, string? Reason = null);

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
