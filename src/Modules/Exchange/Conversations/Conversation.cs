using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Text;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Modules.Exchange.Live;
using NucleusCloud.Modules.Exchange.Mail;
using NucleusCloud.Modules.Exchange.Spaces;

namespace NucleusCloud.Modules.Exchange.Conversations;

/// <summary>Channels, posts and reactions. Every call acts for the request's tenant, through a delegated user.</summary>
internal sealed class Conversation(ExchangeDbContext db, ActingMember acting, SpaceEventLog log, MailQueue mail, TimeProvider clock) : ISpaceConversation
{
    public const int MaxBodyLength = 20_000;
    private const int MaxAttachments = 10;
    private static readonly Dictionary<Guid, IReadOnlyList<ReactionCount>> NoReactions = [];

    public async Task<Outcome<ChannelDto>> CreateChannelAsync(ClaimsPrincipal caller, Guid spaceId, string? name, string? topic, CancellationToken cancellationToken = default)
    {
        var standing = await acting.StandingAsync(caller, spaceId, SpaceRequirement.Moderate, cancellationToken);
        if (standing.Refusal is { } refusal)
        {
            return refusal;
        }

        var channelName = name?.Trim().ToLowerInvariant() ?? "";
        if (channelName.Length is < 2 or > 80 || !channelName.All(c => char.IsLetterOrDigit(c) || c == '-'))
        {
            return Refusal.Invalid("name", "A channel's name has 2 to 80 letters, digits or hyphens.");
        }

        if (topic?.Length > 500)
        {
            return Refusal.Invalid("topic", "A topic has at most 500 characters.");
        }

        if (await db.Channels.AnyAsync(c => c.SpaceId == spaceId && c.Name == channelName, cancellationToken))
        {
            return Refusal.Invalid("name", "The space already has a channel of this name.");
        }

        var channel = new Channel { SpaceId = spaceId, Name = channelName, Topic = topic?.Trim() ?? "", CreatedAt = clock.GetUtcNow() };
        db.Channels.Add(channel);
        var dto = new ChannelDto(channel.Id, channel.Name, channel.Topic);
        await log.CommitAsync(spaceId, [new LiveEvent(LiveEventTypes.ChannelCreated, dto)], cancellationToken);
        return dto;
    }

    public async Task<Outcome<PagedResult<PostDto>>> PostsAsync(ClaimsPrincipal caller, Guid spaceId, Guid channelId, Guid? threadId, PageQuery page, CancellationToken cancellationToken = default)
    {
        var standing = await acting.StandingAsync(caller, spaceId, SpaceRequirement.TakePart, cancellationToken);
        if (standing.Value is not { } s)
        {
            return standing.Refusal!;
        }

        if (!await db.Channels.AnyAsync(c => c.Id == channelId && c.SpaceId == spaceId, cancellationToken))
        {
            return Refusal.NotFound("Channel");
        }

        var posts = db.Posts.AsNoTracking().Where(p => p.ChannelId == channelId && p.ThreadId == threadId);
        if (s.HistorySince is { } since)
        {
            posts = posts.Where(p => p.CreatedAt >= since);
        }

        var ordered = threadId is null ? posts.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id) : posts.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id);
        var result = await ordered.ToPageAsync(page, p => p, cancellationToken);
        var reactions = await ReactionsOfAsync([.. result.Items.Select(p => p.Id)], cancellationToken);
        return new PagedResult<PostDto>([.. result.Items.Select(p => ToDto(p, reactions, s))], result.Total, result.Page, result.PageSize);
    }

    public async Task<Outcome<PostDto>> PostAsync(ClaimsPrincipal caller, Guid spaceId, Guid channelId, string? body, Guid? threadId, IReadOnlyList<Guid>? attachments = null, CancellationToken cancellationToken = default)
    {
        var standing = await acting.StandingAsync(caller, spaceId, SpaceRequirement.TakePart, cancellationToken);
        if (standing.Value is not { } s)
        {
            return standing.Refusal!;
        }

        if (CheckBody(body) is { } invalid)
        {
            return invalid;
        }

        if (!await db.Channels.AnyAsync(c => c.Id == channelId && c.SpaceId == spaceId, cancellationToken))
        {
            return Refusal.NotFound("Channel");
        }

        if (threadId is { } thread && !await db.Posts.AnyAsync(p => p.Id == thread && p.ChannelId == channelId && p.ThreadId == null, cancellationToken))
        {
            return Refusal.Invalid("threadId", "Replies go to a thread of this channel.");
        }

        var attached = (attachments ?? []).Distinct().ToList();
        if (attached.Count > MaxAttachments)
        {
            return Refusal.Invalid("attachmentIds", $"Attach at most {MaxAttachments} documents.");
        }

        if (attached.Count > 0 && await db.Documents.CountAsync(d => attached.Contains(d.Id) && d.SpaceId == spaceId && d.RemovedAt == null, cancellationToken) != attached.Count)
        {
            return Refusal.Invalid("attachmentIds", "Attach documents shared with this space.");
        }

        var post = new Post
        {
            Attachments = attached,
            SpaceId = spaceId,
            ChannelId = channelId,
            ThreadId = threadId,
            AuthorTenantId = s.Member!.TenantId,
            AuthorTenantName = s.Member.TenantName,
            AuthorUserId = s.Delegate!.UserId,
            AuthorName = s.Delegate.DisplayName,
            Body = body!.Trim(),
            Html = SafeMarkdown.ToHtml(body),
            CreatedAt = clock.GetUtcNow(),
            Mentions = await MentionsAsync(spaceId, body, cancellationToken),
        };
        db.Posts.Add(post);
        mail.Add(spaceId, await mail.DelegatesAsync(spaceId, post.Mentions, cancellationToken), MailKind.Mention, post.Id);
        var dto = ToDto(post, NoReactions);
        await log.CommitAsync(spaceId, [new LiveEvent(LiveEventTypes.PostCreated, dto, post.Id)], cancellationToken);
        return dto;
    }

    public async Task<Outcome<PostDto>> EditAsync(ClaimsPrincipal caller, Guid spaceId, Guid postId, string? body, int? version, CancellationToken cancellationToken = default)
    {
        var found = await PostOfAsync(caller, spaceId, postId, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (standing, post) = found.Value;

        if (!IsAuthor(standing, post))
        {
            return Refusal.Forbidden("Only its author edits a post.");
        }

        if (post.DeletedAt is not null)
        {
            return Refusal.Conflict("The post was deleted.");
        }

        if (version is { } v && v != post.Version)
        {
            return Refusal.Conflict("The post changed since you read it; reload it and edit again.");
        }

        if (CheckBody(body) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow();
        // The earlier text stays only in the post's revisions, which its author and the moderators read.
        db.PostRevisions.Add(new PostRevision { PostId = post.Id, Version = post.Version, Body = post.Body, ReplacedAt = now, ReplacedBy = standing.Delegate!.DisplayName });
        post.Body = body!.Trim();
        post.Html = SafeMarkdown.ToHtml(body);
        post.Mentions = await MentionsAsync(spaceId, body, cancellationToken);
        post.EditedAt = now;
        post.Version++;
        var dto = ToDto(post, await ReactionsOfAsync([post.Id], cancellationToken));
        await log.CommitAsync(spaceId, async () =>
        {
            await log.RedactPostAsync(spaceId, post.Id, post.ChannelId, post.ThreadId, cancellationToken);
            return [new LiveEvent(LiveEventTypes.PostEdited, dto, post.Id)];
        }, cancellationToken);
        return dto;
    }

    public async Task<Outcome<PostDto>> DeleteAsync(ClaimsPrincipal caller, Guid spaceId, Guid postId, CancellationToken cancellationToken = default)
    {
        var found = await PostOfAsync(caller, spaceId, postId, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (standing, post) = found.Value;

        var isAuthor = IsAuthor(standing, post);
        if (!isAuthor && !standing.IsModerator)
        {
            return Refusal.Forbidden("Only its author or a moderator of this space deletes a post.");
        }

        if (post.DeletedAt is null)
        {
            // Deleted means gone: the text leaves the post, its revisions and the live log (whose entries stay as tombstones).
            post.Body = "";
            post.Html = "";
            post.Mentions = [];
            post.DeletedAt = clock.GetUtcNow();
            post.DeletedBy = isAuthor ? "author" : "moderator";
            post.Version++;
            await log.CommitAsync(spaceId, async () =>
            {
                await db.PostRevisions.Where(r => r.PostId == post.Id).ExecuteDeleteAsync(cancellationToken);
                await log.RedactPostAsync(spaceId, post.Id, post.ChannelId, post.ThreadId, cancellationToken);
                return [new LiveEvent(LiveEventTypes.PostDeleted, new { postId = post.Id, channelId = post.ChannelId, threadId = post.ThreadId, deletedBy = post.DeletedBy }, post.Id)];
            }, cancellationToken);
        }

        return ToDto(post, NoReactions);
    }

    public async Task<Outcome<IReadOnlyList<RevisionDto>>> RevisionsAsync(ClaimsPrincipal caller, Guid spaceId, Guid postId, CancellationToken cancellationToken = default)
    {
        var found = await PostOfAsync(caller, spaceId, postId, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (standing, post) = found.Value;
        if (!IsAuthor(standing, post) && !standing.IsModerator)
        {
            return Refusal.Forbidden("Only its author and the space's moderators read a post's earlier versions.");
        }

        return await db.PostRevisions.AsNoTracking().Where(r => r.PostId == postId).OrderBy(r => r.Version)
            .Select(r => new RevisionDto(r.Version, r.Body, r.ReplacedAt, r.ReplacedBy)).ToListAsync(cancellationToken);
    }

    public async Task<Outcome<PostDto>> ReactAsync(ClaimsPrincipal caller, Guid spaceId, Guid postId, string kind, bool add, CancellationToken cancellationToken = default)
    {
        if (!ReactionKinds.All.Contains(kind))
        {
            return Refusal.Invalid("kind", $"React with one of: {string.Join(", ", ReactionKinds.All)}.");
        }

        var found = await PostOfAsync(caller, spaceId, postId, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (standing, post) = found.Value;

        var userId = standing.Delegate!.UserId;
        var existing = await db.Reactions.FirstOrDefaultAsync(r => r.PostId == postId && r.UserId == userId && r.Kind == kind, cancellationToken);
        if (add && existing is null && post.DeletedAt is null)
        {
            db.Reactions.Add(new Reaction { PostId = postId, UserId = userId, Kind = kind, TenantId = standing.Member!.TenantId, CreatedAt = clock.GetUtcNow() });
        }
        else if (!add && existing is not null)
        {
            db.Reactions.Remove(existing);
        }
        else
        {
            return ToDto(post, await ReactionsOfAsync([postId], cancellationToken));
        }

        Dictionary<Guid, IReadOnlyList<ReactionCount>> reactions = [];
        await log.CommitAsync(spaceId, async () =>
        {
            reactions = await ReactionsOfAsync([postId], cancellationToken);
            return [new LiveEvent(LiveEventTypes.ReactionsChanged, new { postId, channelId = post.ChannelId, reactions = reactions.GetValueOrDefault(postId, []) }, postId)];
        }, cancellationToken);
        return ToDto(post, reactions);
    }

    public async Task<Outcome<PostDto>> GetPostAsync(ClaimsPrincipal caller, Guid spaceId, Guid postId, CancellationToken cancellationToken = default)
    {
        var found = await PostOfAsync(caller, spaceId, postId, cancellationToken);
        return found.Refusal is { } refusal ? refusal : ToDto(found.Value.Post, await ReactionsOfAsync([postId], cancellationToken), found.Value.Standing);
    }

    public async Task<Outcome<IReadOnlyList<MyReaction>>> MyReactionsAsync(ClaimsPrincipal caller, Guid spaceId, IReadOnlyCollection<Guid> postIds, CancellationToken cancellationToken = default)
    {
        var standing = await acting.StandingAsync(caller, spaceId, SpaceRequirement.TakePart, cancellationToken);
        if (standing.Value is not { } s)
        {
            return standing.Refusal!;
        }

        var userId = s.Delegate!.UserId;
        var mine = await db.Reactions.AsNoTracking()
            .Where(r => r.UserId == userId && postIds.Contains(r.PostId) && db.Posts.Any(p => p.Id == r.PostId && p.SpaceId == spaceId))
            .Select(r => new MyReaction(r.PostId, r.Kind)).ToListAsync(cancellationToken);
        return mine;
    }

    private async Task<Outcome<(SpaceStanding Standing, Post Post)>> PostOfAsync(ClaimsPrincipal caller, Guid spaceId, Guid postId, CancellationToken cancellationToken)
    {
        var standing = await acting.StandingAsync(caller, spaceId, SpaceRequirement.TakePart, cancellationToken);
        if (standing.Value is not { } s)
        {
            return standing.Refusal!;
        }

        // The space is part of the lookup: a moderator of one space reaches no post of another;
        // and a post from before the member's history begins is not there for it.
        var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == postId && p.SpaceId == spaceId, cancellationToken);
        return post is null || post.CreatedAt < s.HistorySince ? Refusal.NotFound("Post") : (s, post);
    }

    private static bool IsAuthor(SpaceStanding standing, Post post) =>
        post.AuthorUserId == standing.Delegate!.UserId && post.AuthorTenantId == standing.Member!.TenantId;

    private async Task<Dictionary<Guid, IReadOnlyList<ReactionCount>>> ReactionsOfAsync(IReadOnlyCollection<Guid> postIds, CancellationToken cancellationToken)
    {
        var rows = await db.Reactions.AsNoTracking().Where(r => postIds.Contains(r.PostId))
            .GroupBy(r => new { r.PostId, r.Kind }).Select(g => new { g.Key.PostId, g.Key.Kind, Count = g.Count() }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.PostId).ToDictionary(g => g.Key, g => (IReadOnlyList<ReactionCount>)[.. g.OrderBy(r => r.Kind, StringComparer.Ordinal).Select(r => new ReactionCount(r.Kind, r.Count))]);
    }

    /// <summary>The space's delegates named as <c>@Display Name</c> in the text (longest names first, so "@Ann Lee" is not "@Ann").</summary>
    private async Task<List<Guid>> MentionsAsync(Guid spaceId, string body, CancellationToken cancellationToken)
    {
        if (!body.Contains('@', StringComparison.Ordinal))
        {
            return [];
        }

        var delegates = await db.Delegates.AsNoTracking().Where(d => d.SpaceId == spaceId).Select(d => new { d.UserId, d.DisplayName }).ToListAsync(cancellationToken);
        var mentioned = new List<Guid>();
        var text = body;
        // A name two delegates share mentions both: better told twice than missed.
        foreach (var named in delegates.Where(d => d.DisplayName.Length > 0).GroupBy(d => d.DisplayName, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Key.Length))
        {
            var handle = "@" + named.Key;
            var at = text.IndexOf(handle, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (at + handle.Length == text.Length || !char.IsLetterOrDigit(text[at + handle.Length])))
            {
                mentioned.AddRange(named.Select(d => d.UserId));
                text = text.Replace(handle, "", StringComparison.OrdinalIgnoreCase);
            }
        }

        return [.. mentioned.Distinct()];
    }

    public async Task<Outcome<PagedResult<MentionDto>>> MentionsOfAsync(ClaimsPrincipal caller, PageQuery page, CancellationToken cancellationToken = default)
    {
        var actor = await acting.ResolveAsync(caller, cancellationToken);
        if (actor.Value is not { } me)
        {
            return actor.Refusal!;
        }

        // Only spaces where the tenant is an active member and the user still a delegate.
        var spaces = db.Delegates.Where(d => d.TenantId == me.Tenant.Id && d.UserId == me.UserId)
            .Join(db.Members.Where(m => m.TenantId == me.Tenant.Id && m.Status == MemberStatus.Active), d => d.SpaceId, m => m.SpaceId, (d, _) => d.SpaceId);
        var userId = me.UserId;
        var posts = db.Posts.AsNoTracking().Where(p => spaces.Contains(p.SpaceId) && p.DeletedAt == null && p.Mentions.Contains(userId));
        var result = await posts.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id).ToPageAsync(page, p => p, cancellationToken);
        var spaceIds = result.Items.Select(p => p.SpaceId).Distinct().ToList();
        var channelIds = result.Items.Select(p => p.ChannelId).Distinct().ToList();
        var spaceNames = await db.Spaces.Where(s => spaceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var channelNames = await db.Channels.Where(c => channelIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return new PagedResult<MentionDto>(
            [.. result.Items.Select(p => new MentionDto(p.SpaceId, spaceNames.GetValueOrDefault(p.SpaceId, ""), p.ChannelId, channelNames.GetValueOrDefault(p.ChannelId, ""), ToDto(p, NoReactions)))],
            result.Total, result.Page, result.PageSize);
    }

    private static Refusal? CheckBody(string? body) =>
        string.IsNullOrWhiteSpace(body) ? Refusal.Invalid("body", "Write something to post.")
        : body.Length > MaxBodyLength ? Refusal.Invalid("body", $"A post has at most {MaxBodyLength:N0} characters.")
        : null;

    /// <summary>The post as <paramref name="viewer"/> sees it: a hidden one's text and reason only for its author and the moderators (none without a viewer: live events).</summary>
    private static PostDto ToDto(Post post, IReadOnlyDictionary<Guid, IReadOnlyList<ReactionCount>> reactions, SpaceStanding? viewer = null)
    {
        var shown = post.HiddenAt is null || (viewer is not null && (IsAuthor(viewer, post) || viewer.IsModerator));
        return new(post.Id, post.ChannelId, post.ThreadId, post.AuthorTenantId, post.AuthorTenantName, post.AuthorUserId, post.AuthorName, shown ? post.Body : "", shown ? post.Html : "",
            post.CreatedAt, post.EditedAt, post.DeletedAt is not null, post.Version, reactions.GetValueOrDefault(post.Id, []), shown ? post.Mentions : [], shown ? post.Attachments : [],
            post.HiddenAt, shown ? post.HiddenReason : null, post.PinnedAt);
    }

    public async Task<Outcome<PostDto>> HideAsync(ClaimsPrincipal caller, Guid spaceId, Guid postId, string? reason, CancellationToken cancellationToken = default)
    {
        var found = await ModeratedPostAsync(caller, spaceId, postId, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length is < 3 or > 500)
        {
            return Refusal.Invalid("reason", "Say why, in 3 to 500 characters: the author is shown it.");
        }

        var (standing, post) = found.Value;
        if (post.HiddenAt is not null)
        {
            return Refusal.Conflict("The post is already hidden.");
        }

        (post.HiddenAt, post.HiddenReason) = (clock.GetUtcNow(), reason.Trim());
        post.Version++;
        // Moderation goes on in an archived space too; the hidden text leaves the live log at once.
        await log.CommitGovernanceAsync(spaceId, async () =>
        {
            await log.RedactPostAsync(spaceId, post.Id, post.ChannelId, post.ThreadId, cancellationToken);
            return [new LiveEvent(LiveEventTypes.PostHidden, new { postId = post.Id, channelId = post.ChannelId, threadId = post.ThreadId }, post.Id)];
        }, cancellationToken);
        return ToDto(post, await ReactionsOfAsync([post.Id], cancellationToken), standing);
    }

    public async Task<Outcome<PostDto>> UnhideAsync(ClaimsPrincipal caller, Guid spaceId, Guid postId, CancellationToken cancellationToken = default)
    {
        var found = await ModeratedPostAsync(caller, spaceId, postId, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (standing, post) = found.Value;
        if (post.HiddenAt is null)
        {
            return Refusal.Conflict("The post is not hidden.");
        }

        (post.HiddenAt, post.HiddenReason) = (null, null);
        post.Version++;
        var reactions = await ReactionsOfAsync([post.Id], cancellationToken);
        await log.CommitGovernanceAsync(spaceId, [new LiveEvent(LiveEventTypes.PostEdited, ToDto(post, reactions), post.Id)], cancellationToken);
        return ToDto(post, reactions, standing);
    }

    public async Task<Outcome<PostDto>> PinAsync(ClaimsPrincipal caller, Guid spaceId, Guid postId, bool pin, CancellationToken cancellationToken = default)
    {
        var found = await ModeratedPostAsync(caller, spaceId, postId, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (standing, post) = found.Value;
        if ((post.PinnedAt is not null) != pin)
        {
            post.PinnedAt = pin ? clock.GetUtcNow() : null;
            await log.CommitAsync(spaceId, [new LiveEvent(pin ? LiveEventTypes.PostPinned : LiveEventTypes.PostUnpinned, new { postId = post.Id, channelId = post.ChannelId })],
                cancellationToken);
        }

        return ToDto(post, await ReactionsOfAsync([post.Id], cancellationToken), standing);
    }

    public async Task<Outcome<IReadOnlyList<PostDto>>> PinnedAsync(ClaimsPrincipal caller, Guid spaceId, Guid channelId, CancellationToken cancellationToken = default)
    {
        var standing = await acting.StandingAsync(caller, spaceId, SpaceRequirement.TakePart, cancellationToken);
        if (standing.Value is not { } s)
        {
            return standing.Refusal!;
        }

        var pinned = db.Posts.AsNoTracking().Where(p => p.SpaceId == spaceId && p.ChannelId == channelId && p.PinnedAt != null && p.DeletedAt == null);
        if (s.HistorySince is { } since)
        {
            pinned = pinned.Where(p => p.CreatedAt >= since);
        }

        var posts = await pinned.OrderByDescending(p => p.PinnedAt).Take(50).ToListAsync(cancellationToken);
        var reactions = await ReactionsOfAsync([.. posts.Select(p => p.Id)], cancellationToken);
        return posts.Select(p => ToDto(p, reactions, s)).ToList();
    }

    /// <summary>A live post of the space, when the caller moderates it.</summary>
    private async Task<Outcome<(SpaceStanding Standing, Post Post)>> ModeratedPostAsync(ClaimsPrincipal caller, Guid spaceId, Guid postId, CancellationToken cancellationToken)
    {
        var found = await PostOfAsync(caller, spaceId, postId, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        return !found.Value.Standing.IsModerator ? Refusal.Forbidden("Only the space's moderators hide or pin posts.")
            : found.Value.Post.DeletedAt is not null ? Refusal.NotFound("Post")
            : found.Value;
    }
}
