using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Exchange.Conversations;

/// <summary>
/// A post in a channel: a thread's opening post (no <see cref="ThreadId"/>) or a reply in a thread.
/// The author's names are copied in, so a post stays attributed after its tenant leaves the space.
/// </summary>
[CrossTenant]
internal sealed class Post
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid SpaceId { get; init; }

    public required Guid ChannelId { get; init; }

    /// <summary>The opening post of the thread this one replies in; null for an opening post.</summary>
    public Guid? ThreadId { get; init; }

    public required Guid AuthorTenantId { get; init; }

    public required string AuthorTenantName { get; init; }

    public required Guid AuthorUserId { get; init; }

    public required string AuthorName { get; init; }

    /// <summary>Markdown as written; <see cref="Html"/> is its sanitised rendering.</summary>
    public required string Body { get; set; }

    public required string Html { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? EditedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public string? DeletedBy { get; set; }

    public int Version { get; set; } = 1;

    /// <summary>The delegates the post names as <c>@Display Name</c>, told so live and listed in their mentions.</summary>
    public List<Guid> Mentions { get; set; } = [];

    /// <summary>Documents of the same space attached to the post.</summary>
    public List<Guid> Attachments { get; set; } = [];

    /// <summary>Hidden by a moderator: its text is shown to its author (with the reason) and the moderators only.</summary>
    public DateTimeOffset? HiddenAt { get; set; }

    public string? HiddenReason { get; set; }

    /// <summary>Pinned by a moderator to the top of its channel.</summary>
    public DateTimeOffset? PinnedAt { get; set; }
}
