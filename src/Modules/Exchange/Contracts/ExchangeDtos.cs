using System.Text.Json;
using NucleusCloud.Modules.Catalogue.Contracts;

namespace NucleusCloud.Modules.Exchange.Contracts;

/// <summary>A space as a tenant's list shows it, with the tenant's own standing in it.</summary>
public sealed record SpaceSummary(Guid Id, string Name, string Description, string HostName, SpaceVisibility Visibility, MemberStatus? Status, bool Delegated, int Members,
    bool Archived = false);

public sealed record SpaceDetails(
    Guid Id,
    string Name,
    string Description,
    Guid HostTenantId,
    string HostName,
    SpaceVisibility Visibility,
    bool HistoryVisibleToNewMembers,
    SpaceStandingDto Standing,
    long LastSequence,
    IReadOnlyList<SpaceMemberDto> Members,
    IReadOnlyList<ChannelDto> Channels,
    DateTimeOffset? ArchivedAt = null);

/// <summary>What the calling tenant and user may do in a space.</summary>
public sealed record SpaceStandingDto(MemberStatus? Status, bool IsHost, bool Delegated, bool Moderator, bool SuggestSolutions);

public sealed record SpaceMemberDto(Guid TenantId, string TenantName, MemberStatus Status, bool IsHost, DateTimeOffset? JoinedAt);

public sealed record DelegateDto(Guid UserId, string DisplayName, bool IsModerator, DateTimeOffset Since);

public sealed record ChannelDto(Guid Id, string Name, string Topic);

public sealed record PostDto(
    Guid Id,
    Guid ChannelId,
    Guid? ThreadId,
    Guid AuthorTenantId,
    string AuthorTenant,
    Guid AuthorUserId,
    string AuthorName,
    string Body,
    string Html,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    bool Deleted,
    int Version,
    IReadOnlyList<ReactionCount> Reactions,
    IReadOnlyList<Guid> Mentions,
    IReadOnlyList<Guid> Attachments,
    DateTimeOffset? HiddenAt = null,
    string? HiddenReason = null,
    DateTimeOffset? PinnedAt = null);

/// <summary>A document shared with a space; its file is at <c>…/documents/{id}/file</c>, for the space's delegates only.</summary>
public sealed record DocumentDto(Guid Id, string Title, string FileName, string ContentType, long Length, Guid TenantId, string TenantName, string SharedBy, DateTimeOffset SharedAt);

/// <summary>A post that mentions the caller, with where it was written.</summary>
public sealed record MentionDto(Guid SpaceId, string SpaceName, Guid ChannelId, string ChannelName, PostDto Post);

public sealed record ReactionCount(string Kind, int Count);

public sealed record RevisionDto(int Version, string Body, DateTimeOffset ReplacedAt, string ReplacedBy);

/// <summary>
/// The live message <c>spaceEvent</c>: <see cref="Sequence"/> numbers stored events per space; typing
/// and presence are not stored and carry none.
/// </summary>
public sealed record SpaceEventMessage(Guid SpaceId, long? Sequence, string Type, JsonElement Data);

public sealed record KnowledgeRequestDto(Guid Id, string Title, string Question, string QuestionHtml, Guid TenantId, string TenantName, string AskedBy, RequestStatus Status, DateTimeOffset CreatedAt, int Answers);

/// <summary>A shared snapshot; <see cref="Solution"/> is null once withdrawn.</summary>
public sealed record SnapshotDto(Guid Id, Guid RequestId, Guid TenantId, string TenantName, string SharedBy, string SolutionSlug, string Name, SolutionDetails? Solution, DateTimeOffset SharedAt, DateTimeOffset? WithdrawnAt);

/// <summary>A member's published solution that might answer a request (from tenants that opted in).</summary>
public sealed record SuggestedSolution(Guid TenantId, string TenantName, string Slug, string Name, string Summary);

public sealed record KnowledgeRequestDetails(KnowledgeRequestDto Request, IReadOnlyList<SnapshotDto> Snapshots, IReadOnlyList<SuggestedSolution> Suggestions);

/// <summary>News for the tenant: a knowledge request in one of its spaces that its published solutions may answer.</summary>
public sealed record NoticeDto(Guid Id, Guid SpaceId, string SpaceName, Guid RequestId, string Title, string FromTenant, DateTimeOffset CreatedAt);
