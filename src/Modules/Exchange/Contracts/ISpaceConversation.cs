using System.Security.Claims;
using NucleusCloud.Modules.Abstractions.Http;

namespace NucleusCloud.Modules.Exchange.Contracts;

public sealed record MyReaction(Guid PostId, string Kind);

/// <summary>The reactions a post takes: named rather than free emoji, so screen readers and every language have a word for each.</summary>
public static class ReactionKinds
{
    public static readonly IReadOnlyList<string> All = ["thumbs-up", "thanks", "insightful", "question", "celebrate"];
}

/// <summary>Channels, posts and reactions of a space, for the users their tenants delegated to it.</summary>
public interface ISpaceConversation
{
    Task<Outcome<ChannelDto>> CreateChannelAsync(ClaimsPrincipal caller, Guid spaceId, string? name, string? topic, CancellationToken cancellationToken = default);

    /// <summary>A channel's threads (their opening posts, newest first), or one thread's replies (oldest first).</summary>
    Task<Outcome<PagedResult<PostDto>>> PostsAsync(ClaimsPrincipal caller, Guid spaceId, Guid channelId, Guid? threadId, PageQuery page, CancellationToken cancellationToken = default);

    /// <summary>Posts in a channel (or replies in a thread), with documents of the same space attached.</summary>
    Task<Outcome<PostDto>> PostAsync(ClaimsPrincipal caller, Guid spaceId, Guid channelId, string? body, Guid? threadId, IReadOnlyList<Guid>? attachments = null, CancellationToken cancellationToken = default);

    /// <summary>Only the author edits; <paramref name="version"/>, when given, must be the post's current one.</summary>
    Task<Outcome<PostDto>> EditAsync(ClaimsPrincipal caller, Guid spaceId, Guid postId, string? body, int? version, CancellationToken cancellationToken = default);

    /// <summary>The author or a moderator of this space deletes; the text is kept in the history.</summary>
    Task<Outcome<PostDto>> DeleteAsync(ClaimsPrincipal caller, Guid spaceId, Guid postId, CancellationToken cancellationToken = default);

    Task<Outcome<IReadOnlyList<RevisionDto>>> RevisionsAsync(ClaimsPrincipal caller, Guid spaceId, Guid postId, CancellationToken cancellationToken = default);

    /// <summary>Posts that mention the caller, in every space its tenant delegated it to, newest first.</summary>
    Task<Outcome<PagedResult<MentionDto>>> MentionsOfAsync(ClaimsPrincipal caller, PageQuery page, CancellationToken cancellationToken = default);

    Task<Outcome<PostDto>> ReactAsync(ClaimsPrincipal caller, Guid spaceId, Guid postId, string kind, bool add, CancellationToken cancellationToken = default);

    /// <summary>One post (a thread's opening post, say), as the caller may read it.</summary>
    Task<Outcome<PostDto>> GetPostAsync(ClaimsPrincipal caller, Guid spaceId, Guid postId, CancellationToken cancellationToken = default);

    /// <summary>Which of the given posts the caller reacted to, and how: what a page needs to offer taking a reaction back.</summary>
    Task<Outcome<IReadOnlyList<MyReaction>>> MyReactionsAsync(ClaimsPrincipal caller, Guid spaceId, IReadOnlyCollection<Guid> postIds, CancellationToken cancellationToken = default);

    /// <summary>A moderator hides a post, with a reason its author is shown; its text leaves the live log, and only its author and the moderators still read it.</summary>
    Task<Outcome<PostDto>> HideAsync(ClaimsPrincipal caller, Guid spaceId, Guid postId, string? reason, CancellationToken cancellationToken = default);

    Task<Outcome<PostDto>> UnhideAsync(ClaimsPrincipal caller, Guid spaceId, Guid postId, CancellationToken cancellationToken = default);

    /// <summary>A moderator pins a post to the top of its channel, or unpins it.</summary>
    Task<Outcome<PostDto>> PinAsync(ClaimsPrincipal caller, Guid spaceId, Guid postId, bool pin, CancellationToken cancellationToken = default);

    /// <summary>The channel's pinned posts, most recently pinned first.</summary>
    Task<Outcome<IReadOnlyList<PostDto>>> PinnedAsync(ClaimsPrincipal caller, Guid spaceId, Guid channelId, CancellationToken cancellationToken = default);
}

public sealed record UnreadCount(Guid SpaceId, Guid ChannelId, int Posts);

/// <summary>What each delegate has not read yet: per channel, for the space list's counts and the space page's markers.</summary>
public interface IReadMarkers
{
    /// <summary>Marks the channel read up to now for the caller; answers when it was read before (null: never).</summary>
    Task<Outcome<DateTimeOffset?>> MarkReadAsync(ClaimsPrincipal caller, Guid spaceId, Guid channelId, CancellationToken cancellationToken = default);

    /// <summary>The caller's unread posts, per channel of every space it takes part in (channels with none left out).</summary>
    Task<Outcome<IReadOnlyList<UnreadCount>>> UnreadAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default);
}
