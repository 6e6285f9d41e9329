using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Live;
using NucleusCloud.Tenancy;
using static NucleusCloud.Modules.Abstractions.Http.RefusalProblems;

namespace NucleusCloud.Modules.Exchange.Spaces;

/// <summary><c>/api/{tenant}/exchange/spaces</c>: spaces, members and delegates. The route's tenant is the member acting.</summary>
internal static class SpaceEndpoints
{
    public static RouteGroupBuilder Group(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/exchange/spaces").WithTags("Exchange");

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = Group(endpoints);
        group.MapGet("", List).WithName("ListSpaces").RequireAuthorization(ExchangePermissions.Read).Validate<PageQuery>();
        group.MapPost("", Create).WithName("CreateSpace").RequireAuthorization(ExchangePermissions.Manage);
        group.MapGet("/{spaceId:guid}", Get).WithName("GetSpace").RequireAuthorization(ExchangePermissions.Read);
        group.MapPost("/{spaceId:guid}/invitations", Invite).WithName("InviteToSpace").RequireAuthorization(ExchangePermissions.Manage);
        group.MapPost("/{spaceId:guid}/join", Join).WithName("JoinSpace").RequireAuthorization(ExchangePermissions.Manage);
        group.MapPost("/{spaceId:guid}/leave", Leave).WithName("LeaveSpace").RequireAuthorization(ExchangePermissions.Manage);
        group.MapPut("/{spaceId:guid}/settings", Settings).WithName("ChangeSpaceSettings").RequireAuthorization(ExchangePermissions.Manage);
        group.MapPut("/{spaceId:guid}/history", History).WithName("ChangeSpaceHistoryVisibility").RequireAuthorization(ExchangePermissions.Manage);
        group.MapGet("/{spaceId:guid}/delegates", Delegates).WithName("ListSpaceDelegates").RequireAuthorization(ExchangePermissions.Read);
        group.MapPut("/{spaceId:guid}/delegates/{userId:guid}", Delegate).WithName("DelegateToSpace").RequireAuthorization(ExchangePermissions.Manage);
        group.MapDelete("/{spaceId:guid}/delegates/{userId:guid}", Revoke).WithName("RevokeSpaceDelegate").RequireAuthorization(ExchangePermissions.Manage);
        group.MapPut("/{spaceId:guid}", Edit).WithName("EditSpace").RequireAuthorization(ExchangePermissions.Manage);
        group.MapPost("/{spaceId:guid}/deletion", Delete).WithName("DeleteSpace").RequireAuthorization(ExchangePermissions.Manage);
        group.MapPost("/{spaceId:guid}/archive", Archive).WithName("ArchiveSpace").RequireAuthorization(ExchangePermissions.Manage);
        group.MapPost("/{spaceId:guid}/reopen", Reopen).WithName("ReopenSpace").RequireAuthorization(ExchangePermissions.Manage);
        group.MapDelete("/{spaceId:guid}/members/{memberTenantId:guid}", RemoveMember).WithName("RemoveSpaceMember").RequireAuthorization(ExchangePermissions.Manage);
        group.MapGet("/{spaceId:guid}/events", Events).WithName("ListSpaceEvents").RequireAuthorization(ExchangePermissions.Read);
    }

    private static async Task<IResult> List([AsParameters] PageQuery page, ISpaces spaces, CancellationToken cancellationToken) =>
        TypedResults.Ok(await spaces.ListAsync(page, cancellationToken));

    private static async Task<IResult> Create(SpaceDraft draft, ClaimsPrincipal user, ISpaces spaces, ITenantContext tenant, CancellationToken cancellationToken) =>
        Created(await spaces.CreateAsync(user, draft, cancellationToken), s => $"/api/{tenant.RequiredTenant.Slug}/exchange/spaces/{s.Id}");

    private static async Task<IResult> Get(Guid spaceId, ClaimsPrincipal user, ISpaces spaces, CancellationToken cancellationToken) =>
        Ok(await spaces.GetAsync(user, spaceId, cancellationToken));

    private static async Task<IResult> Invite(Guid spaceId, SpaceInvitation invitation, ClaimsPrincipal user, ISpaceMembers spaces, CancellationToken cancellationToken) =>
        Ok(await spaces.InviteAsync(user, spaceId, invitation.Tenant, cancellationToken));

    private static async Task<IResult> Join(Guid spaceId, ClaimsPrincipal user, ISpaceMembers spaces, CancellationToken cancellationToken) =>
        Ok(await spaces.JoinAsync(user, spaceId, cancellationToken));

    private static async Task<IResult> Leave(Guid spaceId, ClaimsPrincipal user, ISpaceMembers spaces, CancellationToken cancellationToken) =>
        NoContent(await spaces.LeaveAsync(user, spaceId, cancellationToken));

    private static async Task<IResult> Settings(Guid spaceId, SpaceSettings settings, ClaimsPrincipal user, ISpaces spaces, CancellationToken cancellationToken) =>
        settings.SuggestSolutions is { } suggest
            ? Ok(await spaces.SetSuggestionsAsync(user, spaceId, suggest, cancellationToken))
            : ApiProblems.Validation("suggestSolutions", "Say true or false.");

    private static async Task<IResult> History(Guid spaceId, HistoryVisibility visibility, ClaimsPrincipal user, ISpaces spaces, CancellationToken cancellationToken) =>
        visibility.VisibleToNewMembers is { } visible
            ? Ok(await spaces.SetHistoryVisibilityAsync(user, spaceId, visible, cancellationToken))
            : ApiProblems.Validation("visibleToNewMembers", "Say true or false.");

    private static async Task<IResult> Delegates(Guid spaceId, ClaimsPrincipal user, ISpaceDelegates spaces, CancellationToken cancellationToken) =>
        Ok(await spaces.DelegatesAsync(user, spaceId, cancellationToken));

    private static async Task<IResult> Delegate(Guid spaceId, Guid userId, DelegationRequest? request, ClaimsPrincipal user, ISpaceDelegates spaces, CancellationToken cancellationToken) =>
        Ok(await spaces.DelegateAsync(user, spaceId, userId, request?.Moderator ?? false, cancellationToken));

    private static async Task<IResult> Revoke(Guid spaceId, Guid userId, ClaimsPrincipal user, ISpaceDelegates spaces, CancellationToken cancellationToken) =>
        NoContent(await spaces.RevokeDelegateAsync(user, spaceId, userId, cancellationToken));

    private static async Task<IResult> Edit(Guid spaceId, SpaceDraft draft, ClaimsPrincipal user, ISpaces spaces, CancellationToken cancellationToken) =>
        Ok(await spaces.EditAsync(user, spaceId, draft, cancellationToken));

    private static async Task<IResult> Delete(Guid spaceId, SpaceDeletion deletion, ClaimsPrincipal user, ISpaces spaces, CancellationToken cancellationToken) =>
        NoContent(await spaces.DeleteAsync(user, spaceId, deletion.Confirm, cancellationToken));

    private static async Task<IResult> Archive(Guid spaceId, ClaimsPrincipal user, ISpaces spaces, CancellationToken cancellationToken) =>
        Ok(await spaces.ArchiveAsync(user, spaceId, cancellationToken));

    private static async Task<IResult> Reopen(Guid spaceId, ClaimsPrincipal user, ISpaces spaces, CancellationToken cancellationToken) =>
        Ok(await spaces.ReopenAsync(user, spaceId, cancellationToken));

    private static async Task<IResult> RemoveMember(Guid spaceId, Guid memberTenantId, ClaimsPrincipal user, ISpaceMembers spaces, CancellationToken cancellationToken) =>
        NoContent(await spaces.RemoveMemberAsync(user, spaceId, memberTenantId, cancellationToken));

    /// <summary>The live log over REST: what a client missed, for those without a live connection.</summary>
    private static async Task<IResult> Events(Guid spaceId, long? after, int? limit, ClaimsPrincipal user, ActingMember acting, SpaceEventLog log, CancellationToken cancellationToken)
    {
        if (after is < 0 || limit is < 1 or > SpaceEventLog.PageSize)
        {
            return ApiProblems.Validation(after is < 0 ? "after" : "limit", after is < 0 ? "Give a sequence of 0 or more." : $"Ask for 1 to {SpaceEventLog.PageSize} events.");
        }

        var standing = await acting.StandingAsync(user, spaceId, SpaceRequirement.TakePart, cancellationToken);
        if (standing.Refusal is { } refusal)
        {
            return Problem(refusal);
        }

        var events = await log.ReadAfterAsync(spaceId, Math.Max(after ?? 0, standing.Value!.HistoryAfterSequence), limit ?? 100, cancellationToken);
        return TypedResults.Ok(new EventsPage(events, events.Count == (limit ?? 100)));
    }
}

internal sealed record SpaceInvitation(string? Tenant);

internal sealed record SpaceDeletion(string? Confirm);

internal sealed record SpaceSettings(bool? SuggestSolutions);

internal sealed record HistoryVisibility(bool? VisibleToNewMembers);

internal sealed record DelegationRequest(bool? Moderator);
