using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Modules.Identity.Invitations;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.Memberships;

/// <summary><c>/api/{tenant}/identity/members</c>: who belongs to the tenant, with which role.</summary>
internal static class MemberEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/{tenant}/identity/members").WithTags("Identity: members");
        group.MapGet("", List).WithName("ListMembers").RequireAuthorization(TenantPermissions.MembersRead).Validate<MemberListQuery>();
        group.MapPut("/{userId:guid}", ChangeRole).WithName("ChangeMemberRole").RequireAuthorization(TenantPermissions.MembersManage);
        group.MapDelete("/{userId:guid}", Remove).WithName("RemoveMember").RequireAuthorization(TenantPermissions.MembersManage);
    }

    private static async Task<IResult> List([AsParameters] MemberListQuery query, AccessAdministration access, CancellationToken cancellationToken) =>
        TypedResults.Ok(await access.MembersPageAsync(query, cancellationToken));

    private static async Task<IResult> ChangeRole(Guid userId, ChangeRoleRequest? request, IAccessAdministration access, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await access.ChangeRoleAsync(userId, request?.Role, cancellationToken));

    private static async Task<IResult> Remove(Guid userId, IAccessAdministration access, CancellationToken cancellationToken) =>
        RefusalProblems.NoContent(await access.RemoveAsync(userId, cancellationToken));
}

internal sealed record MemberListQuery : PageQuery;

internal sealed class MemberListQueryValidator : PageQueryValidator<MemberListQuery>;

internal sealed record ChangeRoleRequest(TenantRole? Role);
