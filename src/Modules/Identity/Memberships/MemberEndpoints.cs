using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Identity.Accounts;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Tenancy;
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

    private static async Task<IResult> List([AsParameters] MemberListQuery query, AccessDbContext db, AccountDirectory accounts, CancellationToken cancellationToken)
    {
        var memberships = db.Memberships.AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.Id);
        var total = await memberships.CountAsync(cancellationToken);
        var page = await memberships.Skip(query.Skip).Take(query.Size).ToListAsync(cancellationToken);
        var users = await accounts.FindManyAsync(page.Select(m => m.UserId).ToList(), cancellationToken);
        var items = page.Select(m => new MemberView(m.UserId, users.GetValueOrDefault(m.UserId)?.Email ?? "", users.GetValueOrDefault(m.UserId)?.DisplayName ?? "", m.Role, m.CreatedAt)).ToList();
        return TypedResults.Ok(new PagedResult<MemberView>(items, total, query.PageNumber, query.Size));
    }

    private static async Task<IResult> ChangeRole(Guid userId, ChangeRoleRequest request, HttpContext http, ITenantContext tenant, IMembershipChecker checker, AccessDbContext db, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (membership is null)
        {
            return ApiProblems.NotFound("Member");
        }

        var callerRole = await checker.FindRoleAsync(http.User, tenant.RequiredTenant, cancellationToken);
        if ((request.Role == TenantRole.Owner || membership.Role == TenantRole.Owner) && callerRole != TenantRole.Owner)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only an owner can grant or take away the owner role.");
        }

        if (membership.Role == TenantRole.Owner && request.Role != TenantRole.Owner && await IsLastOwnerAsync(db, cancellationToken))
        {
            return ApiProblems.Conflict("The tenant must keep at least one owner.");
        }

        membership.Role = request.Role!.Value;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Remove(Guid userId, HttpContext http, ITenantContext tenant, IMembershipChecker checker, AccessDbContext db, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (membership is null)
        {
            return ApiProblems.NotFound("Member");
        }

        if (membership.Role == TenantRole.Owner)
        {
            if (await checker.FindRoleAsync(http.User, tenant.RequiredTenant, cancellationToken) != TenantRole.Owner)
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only an owner can remove an owner.");
            }

            if (await IsLastOwnerAsync(db, cancellationToken))
            {
                return ApiProblems.Conflict("The tenant must keep at least one owner.");
            }
        }

        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<bool> IsLastOwnerAsync(AccessDbContext db, CancellationToken cancellationToken) =>
        await db.Memberships.CountAsync(m => m.Role == TenantRole.Owner, cancellationToken) <= 1;
}

internal sealed record MemberView(Guid UserId, string Email, string DisplayName, TenantRole Role, DateTimeOffset Since);

internal sealed record MemberListQuery : PageQuery;

internal sealed class MemberListQueryValidator : PageQueryValidator<MemberListQuery>;

internal sealed record ChangeRoleRequest(TenantRole? Role);

internal sealed class ChangeRoleRequestValidator : AbstractValidator<ChangeRoleRequest>
{
    public ChangeRoleRequestValidator() => RuleFor(r => r.Role).NotNull().IsInEnum();
}
