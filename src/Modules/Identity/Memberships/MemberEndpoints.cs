using FluentValidation;
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
        group.MapGet("", List).WithName("ListMembers").RequireAuthorization(Permissions.MembersRead).Validate<MemberListQuery>();
        group.MapPut("/{userId:guid}", ChangeRole).WithName("ChangeMemberRole").RequireAuthorization(Permissions.MembersManage).Validate<ChangeRoleRequest>();
        group.MapDelete("/{userId:guid}", Remove).WithName("RemoveMember").RequireAuthorization(Permissions.MembersManage);
    }

    private static async Task<IResult> List([AsParameters] MemberListQuery query, AccessAdministration access, CancellationToken cancellationToken) =>
        TypedResults.Ok(await access.MembersPageAsync(query, cancellationToken));

    private static async Task<IResult> ChangeRole(Guid userId, ChangeRoleRequest request, HttpContext http, IAccessAdministration access, CancellationToken cancellationToken) =>
        Answer(await access.ChangeRoleAsync(userId, request.Role!.Value, http.User, cancellationToken));

    private static async Task<IResult> Remove(Guid userId, HttpContext http, IAccessAdministration access, CancellationToken cancellationToken) =>
        Answer(await access.RemoveAsync(userId, http.User, cancellationToken));

    private static IResult Answer(MemberChange change) => change switch
    {
        MemberChange.Done => TypedResults.NoContent(),
        MemberChange.NotFound => ApiProblems.NotFound("Member"),
        MemberChange.OwnersOnly => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only an owner can grant, take away or remove the owner role."),
        _ => ApiProblems.Conflict("The tenant must keep at least one owner."),
    };
}

internal sealed record MemberListQuery : PageQuery;

internal sealed class MemberListQueryValidator : PageQueryValidator<MemberListQuery>;

internal sealed record ChangeRoleRequest(TenantRole? Role);

internal sealed class ChangeRoleRequestValidator : AbstractValidator<ChangeRoleRequest>
{
    public ChangeRoleRequestValidator() => RuleFor(r => r.Role).NotNull().IsInEnum();
}
