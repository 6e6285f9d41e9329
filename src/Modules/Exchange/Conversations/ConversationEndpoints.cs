using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Spaces;
using NucleusCloud.Tenancy;
using static NucleusCloud.Modules.Abstractions.Http.RefusalProblems;

namespace NucleusCloud.Modules.Exchange.Conversations;

/// <summary>Channels, posts and reactions under <c>/api/{tenant}/exchange/spaces/{spaceId}</c>.</summary>
internal static class ConversationEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/exchange/mentions").WithTags("Exchange")
            .MapGet("", async ([AsParameters] PageQuery page, ClaimsPrincipal user, ISpaceConversation conversation, CancellationToken cancellationToken) =>
                Ok(await conversation.MentionsOfAsync(user, page, cancellationToken)))
            .WithName("ListMentions").RequireAuthorization(ExchangePermissions.Read).Validate<PageQuery>();
        endpoints.MapGet($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/exchange/unread", async (ClaimsPrincipal user, IReadMarkers markers, CancellationToken cancellationToken) =>
                Ok(await markers.UnreadAsync(user, cancellationToken)))
            .WithName("ListUnreadPosts").WithTags("Exchange").RequireAuthorization(ExchangePermissions.Read);
        var space = SpaceEndpoints.Group(endpoints).MapGroup("/{spaceId:guid}").RequireAuthorization(ExchangePermissions.Read);
        space.MapPost("/channels", CreateChannel).WithName("CreateChannel");
        space.MapPost("/channels/{channelId:guid}/read", MarkRead).WithName("MarkChannelRead");
        space.MapGet("/channels/{channelId:guid}/posts", Posts).WithName("ListPosts").Validate<PageQuery>();
        space.MapPost("/channels/{channelId:guid}/posts", Post).WithName("CreatePost");
        space.MapPut("/posts/{postId:guid}", Edit).WithName("EditPost");
        space.MapDelete("/posts/{postId:guid}", Delete).WithName("DeletePost");
        space.MapGet("/posts/{postId:guid}/revisions", Revisions).WithName("ListPostRevisions");
        space.MapPost("/posts/{postId:guid}/hide", async (Guid spaceId, Guid postId, HideRequest request, ClaimsPrincipal user, ISpaceConversation conversation, CancellationToken cancellationToken) =>
            Ok(await conversation.HideAsync(user, spaceId, postId, request.Reason, cancellationToken))).WithName("HidePost");
        space.MapPost("/posts/{postId:guid}/unhide", async (Guid spaceId, Guid postId, ClaimsPrincipal user, ISpaceConversation conversation, CancellationToken cancellationToken) =>
            Ok(await conversation.UnhideAsync(user, spaceId, postId, cancellationToken))).WithName("UnhidePost");
        space.MapPut("/posts/{postId:guid}/pin", async (Guid spaceId, Guid postId, ClaimsPrincipal user, ISpaceConversation conversation, CancellationToken cancellationToken) =>
            Ok(await conversation.PinAsync(user, spaceId, postId, pin: true, cancellationToken))).WithName("PinPost");
        space.MapDelete("/posts/{postId:guid}/pin", async (Guid spaceId, Guid postId, ClaimsPrincipal user, ISpaceConversation conversation, CancellationToken cancellationToken) =>
            Ok(await conversation.PinAsync(user, spaceId, postId, pin: false, cancellationToken))).WithName("UnpinPost");
        space.MapGet("/channels/{channelId:guid}/pins", async (Guid spaceId, Guid channelId, ClaimsPrincipal user, ISpaceConversation conversation, CancellationToken cancellationToken) =>
            Ok(await conversation.PinnedAsync(user, spaceId, channelId, cancellationToken))).WithName("ListPinnedPosts");
        space.MapPut("/posts/{postId:guid}/reactions/{kind}", (Guid spaceId, Guid postId, string kind, ClaimsPrincipal user, ISpaceConversation conversation, CancellationToken cancellationToken) =>
            ReactAsync(spaceId, postId, kind, add: true, user, conversation, cancellationToken)).WithName("AddReaction");
        space.MapDelete("/posts/{postId:guid}/reactions/{kind}", (Guid spaceId, Guid postId, string kind, ClaimsPrincipal user, ISpaceConversation conversation, CancellationToken cancellationToken) =>
            ReactAsync(spaceId, postId, kind, add: false, user, conversation, cancellationToken)).WithName("RemoveReaction");
    }

    private static async Task<IResult> CreateChannel(Guid spaceId, ChannelRequest request, ClaimsPrincipal user, ISpaceConversation conversation, ITenantContext tenant, CancellationToken cancellationToken) =>
        Created(await conversation.CreateChannelAsync(user, spaceId, request.Name, request.Topic, cancellationToken),
            c => $"/api/{tenant.RequiredTenant.Slug}/exchange/spaces/{spaceId}/channels/{c.Id}/posts");

    private static async Task<IResult> Posts(Guid spaceId, Guid channelId, Guid? threadId, [AsParameters] PageQuery page, ClaimsPrincipal user, ISpaceConversation conversation, CancellationToken cancellationToken) =>
        Ok(await conversation.PostsAsync(user, spaceId, channelId, threadId, page, cancellationToken));

    private static async Task<IResult> Post(Guid spaceId, Guid channelId, PostRequest request, ClaimsPrincipal user, ISpaceConversation conversation, ITenantContext tenant, CancellationToken cancellationToken) =>
        Created(await conversation.PostAsync(user, spaceId, channelId, request.Body, request.ThreadId, request.AttachmentIds, cancellationToken),
            p => $"/api/{tenant.RequiredTenant.Slug}/exchange/spaces/{spaceId}/posts/{p.Id}");

    private static async Task<IResult> Edit(Guid spaceId, Guid postId, PostEdit request, ClaimsPrincipal user, ISpaceConversation conversation, CancellationToken cancellationToken) =>
        Ok(await conversation.EditAsync(user, spaceId, postId, request.Body, request.Version, cancellationToken));

    private static async Task<IResult> Delete(Guid spaceId, Guid postId, ClaimsPrincipal user, ISpaceConversation conversation, CancellationToken cancellationToken) =>
        NoContent(await conversation.DeleteAsync(user, spaceId, postId, cancellationToken));

    private static async Task<IResult> Revisions(Guid spaceId, Guid postId, ClaimsPrincipal user, ISpaceConversation conversation, CancellationToken cancellationToken) =>
        Ok(await conversation.RevisionsAsync(user, spaceId, postId, cancellationToken));

    /// <summary>The caller's own reading: what it had read before comes back, so a client can mark what is new.</summary>
    private static async Task<IResult> MarkRead(Guid spaceId, Guid channelId, ClaimsPrincipal user, IReadMarkers markers, CancellationToken cancellationToken)
    {
        var marked = await markers.MarkReadAsync(user, spaceId, channelId, cancellationToken);
        return marked.Refusal is { } refusal ? Problem(refusal) : TypedResults.Ok(new ChannelReadResult(marked.Value));
    }

    private static async Task<IResult> ReactAsync(Guid spaceId, Guid postId, string kind, bool add, ClaimsPrincipal user, ISpaceConversation conversation, CancellationToken cancellationToken) =>
        Ok(await conversation.ReactAsync(user, spaceId, postId, kind, add, cancellationToken));
}

internal sealed record ChannelRequest(string? Name, string? Topic);

internal sealed record ChannelReadResult(DateTimeOffset? ReadBefore);

internal sealed record PostRequest(string? Body, Guid? ThreadId, IReadOnlyList<Guid>? AttachmentIds);

internal sealed record PostEdit(string? Body, int? Version);

internal sealed record HideRequest(string? Reason);
