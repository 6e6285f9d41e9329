using System.Security.Claims;
using NucleusCloud.Modules.Abstractions.Http;

namespace NucleusCloud.Modules.Exchange.Contracts;

/// <summary>
/// A new space, as the host's page and API send it. Without <paramref name="HistoryVisibleToNewMembers"/>,
/// an open space shows its history to tenants that join later and an invite-only one does not.
/// </summary>
public sealed record SpaceDraft(string? Name, string? Description, SpaceVisibility? Visibility, bool? HistoryVisibleToNewMembers = null);

/// <summary>
/// Exchange spaces as the request's tenant sees them: the tenant acting is the request's, the user
/// is <c>caller</c>. Every call (here and in <see cref="ISpaceMembers"/> and <see cref="ISpaceDelegates"/>)
/// checks the tenant's standing in the space first.
/// </summary>
public interface ISpaces
{
    Task<PagedResult<SpaceSummary>> ListAsync(PageQuery page, CancellationToken cancellationToken = default);

    Task<Outcome<SpaceDetails>> GetAsync(ClaimsPrincipal caller, Guid spaceId, CancellationToken cancellationToken = default);

    Task<Outcome<SpaceDetails>> CreateAsync(ClaimsPrincipal caller, SpaceDraft draft, CancellationToken cancellationToken = default);

    /// <summary>The host decides whether tenants that join later read what was said before they joined.</summary>
    Task<Outcome<SpaceDetails>> SetHistoryVisibilityAsync(ClaimsPrincipal caller, Guid spaceId, bool visibleToNewMembers, CancellationToken cancellationToken = default);

    /// <summary>Whether knowledge requests in the space may suggest the tenant's published solutions.</summary>
    Task<Outcome<SpaceStandingDto>> SetSuggestionsAsync(ClaimsPrincipal caller, Guid spaceId, bool suggest, CancellationToken cancellationToken = default);

    /// <summary>The host archives the space: read-only for everyone (409 on any new content) until it is reopened; live connections are told.</summary>
    Task<Outcome<SpaceDetails>> ArchiveAsync(ClaimsPrincipal caller, Guid spaceId, CancellationToken cancellationToken = default);

    Task<Outcome<SpaceDetails>> ReopenAsync(ClaimsPrincipal caller, Guid spaceId, CancellationToken cancellationToken = default);

    /// <summary>The host changes the space's name, description, visibility and whether new members read its history; members are told live.</summary>
    Task<Outcome<SpaceDetails>> EditAsync(ClaimsPrincipal caller, Guid spaceId, SpaceDraft draft, CancellationToken cancellationToken = default);

    /// <summary>
    /// The host deletes an archived space, confirmed by its name: every post, event, document (and its file), request, meeting and
    /// agreement of it goes, and every live connection to it is dropped.
    /// </summary>
    Task<Outcome<bool>> DeleteAsync(ClaimsPrincipal caller, Guid spaceId, string? confirm, CancellationToken cancellationToken = default);
}

/// <summary>The tenants of a space: the host invites and removes them, they join and leave.</summary>
public interface ISpaceMembers
{
    /// <summary>The host invites another tenant, by its slug.</summary>
    Task<Outcome<SpaceMemberDto>> InviteAsync(ClaimsPrincipal caller, Guid spaceId, string? tenantSlug, CancellationToken cancellationToken = default);

    /// <summary>Accepts an invitation, or joins an open space; the caller becomes the tenant's first delegate.</summary>
    Task<Outcome<SpaceDetails>> JoinAsync(ClaimsPrincipal caller, Guid spaceId, CancellationToken cancellationToken = default);

    /// <summary>The tenant leaves: its snapshots are withdrawn, its delegates' live connections dropped, its posts stay.</summary>
    Task<Outcome<bool>> LeaveAsync(ClaimsPrincipal caller, Guid spaceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The host removes a member tenant: its delegates drop at once (live connections too), its snapshots are withdrawn, its
    /// posts stay attributed; it comes back only when invited again.
    /// </summary>
    Task<Outcome<bool>> RemoveMemberAsync(ClaimsPrincipal caller, Guid spaceId, Guid memberTenantId, CancellationToken cancellationToken = default);
}

/// <summary>The users each member tenant sends into a space, and the host's moderators among them.</summary>
public interface ISpaceDelegates
{
    Task<Outcome<IReadOnlyList<DelegateDto>>> DelegatesAsync(ClaimsPrincipal caller, Guid spaceId, CancellationToken cancellationToken = default);

    /// <summary>Sends one of the tenant's members into the space (moderators only from the host).</summary>
    Task<Outcome<DelegateDto>> DelegateAsync(ClaimsPrincipal caller, Guid spaceId, Guid userId, bool moderator, CancellationToken cancellationToken = default);

    /// <summary>Withdraws a delegation; the user's live connections leave the space at once, on every host.</summary>
    Task<Outcome<bool>> RevokeDelegateAsync(ClaimsPrincipal caller, Guid spaceId, Guid userId, CancellationToken cancellationToken = default);
}
